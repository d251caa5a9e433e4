package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code mlcicd shadow}: exit 2 and one line that says what to fix. */
class ShadowCommandTest {
    @TempDir
    Path dir;

    private String closedUrl;
    private Path requests;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            closedUrl = "http://127.0.0.1:" + socket.getLocalPort() + "/predict";
        }
        requests = dir.resolve("requests.jsonl");
        Files.writeString(requests, "{\"id\": 1}\n{\"id\": 2, oops}\n{\"id\": 3}\n");
    }

    private static void assertOneLineBadInput(MainTest.Run run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        String firstLine = run.err().lines().findFirst().orElse("");
        assertThat(firstLine).startsWith("mlcicd: ").contains(fragments);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRequestLineThatIsNotJsonNamesFileAndLine() {
        MainTest.Run run = MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--timeout", "1s");
        assertOneLineBadInput(run, requests + ":2:", "not JSON", "--skip-invalid");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void skipInvalidCountsTheLinesInTheResult() throws IOException {
        Path out = dir.resolve("result.json");
        MainTest.Run run = MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--timeout", "1s", "--skip-invalid", "--out", out.toString());
        JsonNode result = Json.mapper().readTree(out.toFile());
        assertThat(result.path("input").path("skippedLines").asLong()).isEqualTo(1);
        assertThat(result.path("input").path("firstSkipped").asText()).startsWith(requests + ":2:");
        assertThat(result.path("models").path("candidate").path("errors").path("connect").asLong()).isEqualTo(2);
        // both models down: nothing compared is never a pass
        assertThat(result.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors() {
        assertOneLineBadInput(MainTest.run("shadow"), "nothing to compare");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-log", "a.csv"), "choose one");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl),
                "--candidate-url");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", "https://example.org/p"), "--candidate-url", "not an http:// URL");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--score-pointer", "score"), "not a JSON Pointer");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--concurrency", "0"), "--concurrency");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--rate", "-1"), "--rate");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--timeout", "soon"), "soon");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--header", "no colon"), "--header", "'Name: value'");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--labels", "l.csv"), "--labels and --label");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", requests.toString(), "--baseline-url", closedUrl,
                "--candidate-url", closedUrl, "--follow"), "--follow applies to a log join");
        assertOneLineBadInput(MainTest.run("shadow", "--baseline-log", "a.csv", "--candidate-log", "b.csv", "--follow"),
                "--follow needs a budget");
        assertOneLineBadInput(MainTest.run("shadow", "--baseline-log", "a.csv", "--candidate-log", "b.csv", "--rate", "5"),
                "--rate applies to a replay");
        assertOneLineBadInput(MainTest.run("shadow", "--requests", dir.resolve("missing.jsonl").toString(),
                "--baseline-url", closedUrl, "--candidate-url", closedUrl), "missing.jsonl: no such file");
        assertOneLineBadInput(MainTest.run("shadow", "--baseline-log", dir.resolve("a.csv").toString(),
                "--candidate-log", dir.resolve("b.csv").toString()), "a.csv: file not found");
    }

    @Test
    void helpNamesEveryOption() {
        MainTest.Run help = MainTest.run("shadow", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--requests", "--id-field", "--baseline-url", "--candidate-url", "--score-pointer",
                "--decision-pointer", "--header", "--baseline-header", "--candidate-header", "--concurrency", "--rate",
                "--timeout", "--max-requests", "--duration", "--skip-invalid", "--http2", "--baseline-log",
                "--candidate-log", "--key", "--score", "--latency-ms", "--error-column", "--follow", "--poll", "--labels",
                "--label", "--threshold", "--slice", "--policy", "--max-error-rate", "--max-latency-p95",
                "--max-latency-p95-increase", "--min-agreement", "--max-psi", "--out", "--html", "Exit codes",
                "${NAME}").doesNotContain("null");
    }
}
