package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.cli.Main;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Replays against real local servers, one of which misbehaves in every way a model server can. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShadowReplayIT {
    @TempDir
    Path dir;

    private FakeModelServer baseline;
    private FakeModelServer candidate;

    @BeforeEach
    void start() throws IOException {
        baseline = new FakeModelServer("b", "bmode");
        candidate = new FakeModelServer("c", "cmode");
    }

    @AfterEach
    void stop() throws IOException {
        baseline.close();
        candidate.close();
    }

    record Run(int exit, String out, String err, JsonNode result) {
    }

    private Run shadow(String... args) throws IOException {
        Path result = dir.resolve("result-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("shadow", "--out", result.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode json = Files.exists(result) ? Json.mapper().readTree(result.toFile()) : null;
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), json);
    }

    private Path log(List<String> lines) throws IOException {
        Path file = dir.resolve("requests-" + System.nanoTime() + ".jsonl");
        Files.write(file, lines);
        return file;
    }

    private static String line(int i, double b, double c, String cmode) {
        return String.format(Locale.ROOT, "{\"id\": \"r%d\", \"b\": %s, \"c\": %s, \"cmode\": \"%s\", \"country\": \"%s\"}",
                i, b, c, cmode, i % 2 == 0 ? "DE" : "FR");
    }

    @Test
    void countsEveryKindOfMisbehaviourAndCompletes() throws IOException {
        Map<String, Integer> modes = Map.of("ok", 200, "slow", 10, "500", 7, "404", 3, "reset", 6, "garbage", 5,
                "noscore", 4, "stall", 3, "chunked", 8, "close", 6);
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Integer> mode : modes.entrySet()) {
            for (int k = 0; k < mode.getValue(); k++) {
                // scores differ by 0.1 on every fifth "ok" request, across the threshold
                double b = 0.3 + (i % 5) * 0.1;
                double c = i % 5 == 0 ? b + 0.25 : b;
                lines.add(line(i++, b, c, mode.getKey()));
            }
        }
        java.util.Collections.shuffle(lines, new java.util.Random(7));
        Run run = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", candidate.url(), "--timeout", "500ms", "--concurrency", "4", "--slice", "country");

        JsonNode candidateModel = run.result().path("models").path("candidate");
        JsonNode errors = candidateModel.path("errors");
        assertThat(candidateModel.path("requests").asLong()).isEqualTo(lines.size());
        assertThat(errors.path("http5xx").asLong()).isEqualTo(7);
        assertThat(errors.path("http4xx").asLong()).isEqualTo(3);
        assertThat(errors.path("reset").asLong()).isEqualTo(6);
        assertThat(errors.path("unparsable").asLong()).isEqualTo(5);
        assertThat(errors.path("missing-score").asLong()).isEqualTo(4);
        assertThat(errors.path("timeout").asLong()).isEqualTo(3);
        assertThat(errors.path("connect").asLong()).isZero();
        assertThat(candidateModel.path("ok").asLong()).isEqualTo(200 + 10 + 8 + 6);
        JsonNode baselineModel = run.result().path("models").path("baseline");
        assertThat(baselineModel.path("requests").asLong()).isEqualTo(lines.size());
        assertThat(baselineModel.path("ok").asLong()).isEqualTo(lines.size());
        // the slow requests (150 ms) are above the p95 of the candidate only
        assertThat(candidateModel.path("latencyMs").path("max").asDouble()).isGreaterThanOrEqualTo(150);
        assertThat(baselineModel.path("latencyMs").path("p50").asDouble()).isLessThan(150);

        JsonNode comparison = run.result().path("comparison");
        assertThat(comparison.path("compared").asLong()).isEqualTo(224);
        assertThat(comparison.path("maxAbsScoreDiff").asDouble()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.result().path("slices").has("country=DE")).isTrue();
        assertThat(run.result().path("samples").get(0).path("difference").asDouble())
                .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        // 31 errors of 252 is above the default 1% error budget
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.result().path("verdict").asText()).isEqualTo("FAILED");
        assertThat(run.out()).startsWith("FAILED: ").contains("candidate.errorRate");
    }

    @Test
    void agreementCountsDecisionsOnEitherSideOfTheThreshold() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double b = 0.1 + 0.008 * i;
            // 10 requests cross 0.5 upwards in the candidate
            double c = i >= 40 && i < 50 ? 0.6 : b;
            lines.add(line(i, b, c, "ok"));
        }
        Run run = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", candidate.url(), "--min-agreement", "0.95", "--max-psi", "10");
        JsonNode comparison = run.result().path("comparison");
        long crossedForReal = 0;
        for (int i = 40; i < 50; i++) {
            crossedForReal += 0.1 + 0.008 * i < 0.5 ? 1 : 0;
        }
        assertThat(crossedForReal).isEqualTo(10);
        assertThat(comparison.path("disagreements").asLong()).isEqualTo(crossedForReal);
        assertThat(comparison.path("agreement").asDouble()).isEqualTo(1 - crossedForReal / 100.0);
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(crossedForReal > 5 ? 1 : 0);
    }

    @Test
    void aModelDownForTheWholeRunIsNeverAPass() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add(line(i, 0.4, 0.4, "ok"));
        }
        Run baselineDown = shadow("--requests", log(lines).toString(), "--baseline-url", "http://127.0.0.1:" + closedPort + "/p",
                "--candidate-url", candidate.url(), "--timeout", "1s");
        assertThat(baselineDown.exit()).isEqualTo(4);
        assertThat(baselineDown.result().path("models").path("baseline").path("errors").path("connect").asLong()).isEqualTo(20);
        assertThat(baselineDown.out()).startsWith("INCONCLUSIVE").contains("the baseline answered none of 20 requests (20 connect)");

        Run candidateDown = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", "http://127.0.0.1:" + closedPort + "/p", "--timeout", "1s");
        assertThat(candidateDown.exit()).isEqualTo(1);
        assertThat(candidateDown.result().path("verdict").asText()).isEqualTo("FAILED");
    }

    @Test
    void aRateBoundsThroughputAndTheBudgetStopsTheRun() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(line(i, 0.4, 0.4, "ok"));
        }
        long start = System.nanoTime();
        Run run = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", candidate.url(), "--rate", "100", "--max-requests", "50");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.result().path("models").path("candidate").path("requests").asLong()).isEqualTo(50);
        assertThat(run.result().path("stopReason").asText()).isEqualTo("max requests reached");
        // 50 requests at 100/s take about half a second
        assertThat(seconds).isGreaterThan(0.45);

        Run timed = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", candidate.url(), "--rate", "100", "--duration", "1s");
        assertThat(timed.result().path("stopReason").asText()).isEqualTo("duration reached");
        assertThat(timed.result().path("models").path("candidate").path("requests").asLong()).isBetween(80L, 110L);
    }

    @Test
    void secretsInHeadersComeFromTheSecretsFileAndStayOutOfTheResult() throws IOException {
        List<String> lines = List.of(line(1, 0.4, 0.4, "ok"));
        Run missing = shadow("--requests", log(lines).toString(), "--baseline-url", baseline.url(),
                "--candidate-url", candidate.url(), "--header", "Authorization: Bearer ${MLCICD_TEST_NO_SUCH_TOKEN}");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no secret 'MLCICD_TEST_NO_SUCH_TOKEN'");
    }
}
