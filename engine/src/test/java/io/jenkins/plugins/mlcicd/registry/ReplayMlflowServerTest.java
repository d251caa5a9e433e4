package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay notices an adapter that asks differently from what was recorded, or asks less. */
class ReplayMlflowServerTest {
    private static List<MlflowExchange> recording(String scenario) {
        return ReplayMlflowServer.load(MlflowRecordedReplayTest.recordings().resolve("2.22.1.dev0").resolve(scenario + ".jsonl"));
    }

    private static MlflowModelRegistry registry(ReplayMlflowServer server) {
        return new MlflowModelRegistry(server.uri(), MlflowAuth.none(), null, new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC(), d -> { });
    }

    @Test
    void aRequestThatWasNeverRecordedIsRefusedAndReported() throws Exception {
        try (ReplayMlflowServer server = new ReplayMlflowServer(recording("register-remote-uri"))) {
            VersionDraft other = new VersionDraft(new ModelReference("s3://models/fraud/8/model", MlflowScenarios.SHA, 1234),
                    Map.of("auc", 0.9), MlflowScenarios.BUILD, "jenkins", MlflowScenarios.lineage(1), null);
            assertThatThrownBy(() -> registry(server).register("remote-model", other)).isInstanceOf(RegistryException.class);
            // the create, then the adapter's search for a version that may have been created despite the error
            assertThat(server.unexpected()).first().asString().contains("model-versions/create").contains("s3://models/fraud/8/model");
        }
    }

    @Test
    void recordedAnswersLeftUnaskedAreReported() throws Exception {
        try (ReplayMlflowServer server = new ReplayMlflowServer(recording("not-found"))) {
            assertThatThrownBy(() -> registry(server).list("missing-model"))
                    .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
            assertThat(server.unexpected()).isEmpty();
            assertThat(server.served()).isEqualTo(1);
            assertThat(server.unused()).hasSize(16);
        }
    }

    @Test
    void onlyWhatTheClientMakesUpIsIgnoredWhenMatching() {
        ObjectNode recorded = Json.mapper().createObjectNode().put("run_id", "0610d9b118694c529add17321e9c7e33").put("start_time", 1796628623122L)
                .put("value", "{\"nonce\":\"1b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"at\":\"2026-12-07T07:29:42.123Z\"}");
        ObjectNode live = recorded.deepCopy().put("start_time", 1).put("value",
                "{\"nonce\":\"6fa459ea-ee8a-3ca4-894e-db77e160355e\",\"at\":\"2027-01-01T00:00:00Z\"}");
        assertThat(MlflowExchange.key("POST", "/p", "b=2&a=1", live)).isEqualTo(MlflowExchange.key("POST", "/p", "a=1&b=2", recorded));
        ObjectNode otherRun = recorded.deepCopy().put("run_id", "9c7d9465ffb14d0481b6b404e4af77ab");
        assertThat(MlflowExchange.key("POST", "/p", null, otherRun)).isNotEqualTo(MlflowExchange.key("POST", "/p", null, recorded));
    }
}
