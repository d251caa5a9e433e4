package io.jenkins.plugins.mlcicd.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production wiring with a named secret: sent as the Authorization header, never in a message or a file. */
class CanaryRunTest {
    static final String SECRET = "Bearer tok-9f8e7d6c5b";

    @TempDir
    Path dir;

    @Test
    void theCredentialIsTheAuthorizationHeaderAndNeverReachesAResult() throws Exception {
        List<String> headers = new CopyOnWriteArrayList<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            headers.add(auth);
            // a misbehaving proxy that echoes the header into its error
            byte[] body = ("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"rejected header " + auth + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        try {
            Path weights = dir.resolve("weights.txt");
            CanaryPlan plan = PlanReader.parse("plan.yaml", """
                    stages: [{weight: 10, duration: 1s}, {weight: 100}]
                    interval: 1s
                    router: {command: ['/bin/sh', '-c', 'echo ${WEIGHT} >> %s'], timeout: 5s}
                    metrics: {prometheus: {url: 'http://127.0.0.1:%d', credentialsId: PROM_AUTH, timeout: 2s}}
                    guardrails: [{name: errors, query: 'errors{variant="${VARIANT}"}', max: 0.01}]
                    failureLimit: 0
                    rollbackWithin: 30s
                    """.formatted(weights, prometheus.getAddress().getPort()));
            Secrets secrets = Secrets.of(Map.of("PROM_AUTH", SECRET)::get);
            Path state = dir.resolve("state.json");
            Path progress = dir.resolve("progress.json");

            ResultDocument result = CanaryRun.of(plan, secrets, dir).execute(state, progress,
                    CanaryController.OnResume.CONTINUE, false, s -> { });

            assertThat(headers).isNotEmpty().allSatisfy(h -> assertThat(h).isEqualTo(SECRET));
            assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(Files.readAllLines(weights)).containsExactly("10", "0");
            String json = ResultDocumentJson.toJsonString(result);
            assertThat(json).contains("rejected header ****").doesNotContain("tok-9f8e7d6c5b");
            assertThat(Files.readString(state)).doesNotContain("tok-9f8e7d6c5b");
            assertThat(Files.readString(progress)).doesNotContain("tok-9f8e7d6c5b");
            assertThat(Files.exists(dir.resolve("state.json.lock"))).isTrue();
        } finally {
            prometheus.stop(0);
        }
    }
}
