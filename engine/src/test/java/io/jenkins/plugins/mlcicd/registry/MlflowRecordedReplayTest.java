package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLflow adapter against what real MLflow servers answered (issue 16): every scenario of
 * {@link MlflowScenarios} runs against {@link ReplayMlflowServer} serving the recording of each verified
 * MLflow version (src/test/resources/mlflow/&lt;version&gt;/, made by bench/mlflow/record.sh). A scenario
 * passes when its assertions hold, the adapter asked exactly what was recorded (no request MLflow was
 * never asked) and used every recorded answer (no call left out).
 */
class MlflowRecordedReplayTest {
    /** The verified versions; the README and docs/training.md name the same ones. */
    static final List<String> VERSIONS = List.of("2.22.1.dev0", "3.6.1.dev0");

    @TempDir
    Path work;

    static Path recordings() {
        try {
            return Path.of(MlflowRecordedReplayTest.class.getResource("/mlflow").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyVerifiedVersionHasARecordingOfEveryScenarioFromTheCommitItNames() throws Exception {
        for (String version : VERSIONS) {
            Path dir = recordings().resolve(version);
            JsonNode server = Json.mapper().readTree(Files.readString(dir.resolve("server.json")));
            assertThat(server.path("mlflow_version").asText()).isEqualTo(version);
            assertThat(server.path("commit").asText()).matches("[0-9a-f]{40}");
            for (MlflowScenarios.Scenario scenario : MlflowScenarios.ALL) {
                Path file = dir.resolve(scenario.name() + ".jsonl");
                assertThat(file).as("%s of %s", scenario.name(), version).exists();
                assertThat(ReplayMlflowServer.load(file)).as("%s of %s", scenario.name(), version).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.scenario()).isEqualTo(scenario.name()));
            }
        }
    }

    @TestFactory
    Stream<DynamicContainer> scenariosAgainstRecordedAnswers() {
        return VERSIONS.stream().map(version -> DynamicContainer.dynamicContainer("MLflow " + version,
                MlflowScenarios.ALL.stream().filter(MlflowScenarios.Scenario::replayable)
                        .map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> replay(version, scenario)))));
    }

    private void replay(String version, MlflowScenarios.Scenario scenario) throws Throwable {
        List<MlflowExchange> recorded = ReplayMlflowServer.load(recordings().resolve(version).resolve(scenario.name() + ".jsonl"));
        Path dir = Files.createDirectories(work.resolve(version + "-" + scenario.name()));
        try (ReplayMlflowServer server = new ReplayMlflowServer(recorded)) {
            Throwable failure = null;
            try {
                scenario.exercise().run(new MlflowScenarios.Ctx(server.uri(), dir, false, recordedClock(recorded)));
            } catch (Throwable e) {
                failure = e;
            }
            // a request that was never recorded explains a failing assertion better than the assertion itself
            assertThat(server.unexpected()).as("requests MLflow %s was never asked", version).isEmpty();
            if (failure != null) {
                throw failure;
            }
            assertThat(server.unused()).as("recorded answers of MLflow %s the adapter did not ask for", version).isEmpty();
            assertThat(server.served()).isEqualTo(recorded.size());
        }
    }

    /** The server's time when the recording ended: its latest timestamp (epoch ms) in an answer, plus a second. */
    static Clock recordedClock(List<MlflowExchange> recorded) {
        long latest = 0;
        for (MlflowExchange exchange : recorded) {
            if (exchange.response() != null) {
                for (String field : List.of("creation_timestamp", "last_updated_timestamp", "start_time", "end_time")) {
                    for (JsonNode value : exchange.response().findValues(field)) {
                        latest = Math.max(latest, value.asLong());
                    }
                }
            }
        }
        // a recording without any server time (only refusals) has nothing the clock could be compared with
        return latest == 0 ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochMilli(latest + 1000), ZoneOffset.UTC);
    }

    /** The concurrent recording is not replayed (its order differs per run), but what it shows is checked. */
    @Test
    void theConcurrentRecordingShowsLockContentionResolvedByTheRealServer() {
        for (String version : VERSIONS) {
            List<MlflowExchange> recorded = ReplayMlflowServer.load(recordings().resolve(version).resolve("concurrent-moves.jsonl"));
            List<Integer> lockCreates = new ArrayList<>();
            for (MlflowExchange e : recorded) {
                if (e.path().endsWith("registered-models/create") && e.request().path("name").asText().endsWith(MlflowModelRegistry.LOCK_SUFFIX)) {
                    lockCreates.add(e.status());
                }
            }
            assertThat(lockCreates).as("lock creates of MLflow %s", version).contains(200);
            // six racers, one lock: MLflow refused a second holder with RESOURCE_ALREADY_EXISTS
            assertThat(lockCreates.stream().filter(s -> s == 200)).hasSize(MlflowScenarios.RACERS);
            assertThat(recorded).filteredOn(e -> e.status() == 400 && e.path().endsWith("registered-models/create"))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.response().path("error_code").asText()).isEqualTo(MlflowHttp.ALREADY_EXISTS));
        }
    }
}
