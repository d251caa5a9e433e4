package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.canary.PlanReader;
import io.jenkins.plugins.mlcicd.canary.Phase;
import io.jenkins.plugins.mlcicd.canary.RolloutState;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command in-process against a fake Prometheus (loopback) and a router script that records weights. */
class CanaryCommandTest {
    @TempDir
    Path dir;

    HttpServer prometheus;
    final AtomicBoolean canaryBad = new AtomicBoolean();

    @BeforeEach
    void startPrometheus() throws IOException {
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
            String value = query.contains("canary") && canaryBad.get() ? "0.5" : "0.01";
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\""
                    + value + "\"]}]}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stopPrometheus() {
        prometheus.stop(0);
    }

    Path weights() {
        return dir.resolve("weights.txt");
    }

    String plan(String extra) {
        return """
                stages:
                  - {weight: 10, duration: 2s}
                  - {weight: 100}
                interval: 1s
                router:
                  command: ['/bin/sh', '-c', 'echo ${WEIGHT} >> %s']
                  timeout: 5s
                metrics:
                  prometheus: {url: 'http://127.0.0.1:%d', timeout: 2s}
                guardrails:
                  - name: errorRate
                    query: 'sum(rate(requests_total{variant="${VARIANT}",code=~"5.."}[1m]))'
                    max: 0.05
                failureLimit: 1
                rollbackWithin: 30s
                """.formatted(weights(), prometheus.getAddress().getPort()) + extra;
    }

    Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    MainTest.Run canary(String... args) {
        List<String> all = new ArrayList<>(List.of("canary"));
        all.addAll(List.of(args));
        return MainTest.run(all.toArray(String[]::new));
    }

    List<String> recordedWeights() throws IOException {
        return Files.exists(weights()) ? Files.readAllLines(weights()) : List.of();
    }

    @Test
    void aHealthyCanaryIsPromotedAndEveryFileIsWritten() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        Path out = dir.resolve("canary.json");
        Path html = dir.resolve("canary.html");
        Path progress = dir.resolve("progress.json");
        Path state = dir.resolve("state.json");
        MainTest.Run run = canary("--plan", plan.toString(), "--state", state.toString(), "--progress", progress.toString(),
                "--out", out.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PASSED: promoted to 100%");
        assertThat(recordedWeights()).containsExactly("10", "100");
        JsonNode doc = StructuredFiles.readTree(out);
        assertThat(doc.path("kind").asText()).isEqualTo("canary");
        assertThat(doc.path("phase").asText()).isEqualTo("promoted");
        assertThat(doc.path("weight").asInt()).isEqualTo(100);
        assertThat(doc.path("transitions")).hasSize(3);
        assertThat(doc.path("transitions").get(0).path("to").asText()).isEqualTo("stage 1 (10%)");
        assertThat(doc.path("analyses").size()).isGreaterThanOrEqualTo(2);
        assertThat(doc.path("analyses").get(0).path("checks").get(0).path("name").asText()).isEqualTo("errorRate");
        assertThat(StructuredFiles.readTree(progress).path("phase").asText()).isEqualTo("promoted");
        assertThat(Files.readString(html)).contains("<svg").contains("promoted");
        // one line per analysis when piped
        assertThat(run.err()).contains("analysis stage 1 at 10%: passed | errorRate 0.01000");

        // the same state again: the finished rollout is only reported
        MainTest.Run again = canary("--plan", plan.toString(), "--state", state.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(recordedWeights()).containsExactly("10", "100");
    }

    @Test
    void aBreachRollsBackWithExitOneAndTheReason() throws IOException {
        canaryBad.set(true);
        Path plan = write("plan.yaml", plan(""));
        Path out = dir.resolve("canary.json");
        MainTest.Run run = canary("--plan", plan.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: rolled back: 2 consecutive failed analyses").contains("errorRate");
        assertThat(recordedWeights()).containsExactly("10", "0");
        assertThat(StructuredFiles.readTree(out).path("phase").asText()).isEqualTo("rolled-back");
    }

    @Test
    void aFailingRollbackSaysWhereTrafficMayStillBe() throws IOException {
        canaryBad.set(true);
        Path plan = write("plan.yaml", plan("""
                rollback:
                  command: ['/bin/sh', '-c', 'echo broken >&2; exit 3']
                  timeout: 5s
                  attempts: 2
                """));
        MainTest.Run run = canary("--plan", plan.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("traffic may still be on the canary at 10%").contains("exited with 3: broken");
    }

    @Test
    void abortRollsBackTheRecordedRollout() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        RolloutState recorded = new RolloutState();
        recorded.planDigest = PlanReader.read(plan).digest();
        recorded.startedAt = "2026-01-01T00:00:00Z";
        recorded.phase = Phase.STAGE;
        recorded.stage = 0;
        recorded.weight = 10;
        Path state = write("state.json", recorded.toJson());
        Path out = dir.resolve("canary.json");

        MainTest.Run run = canary("--plan", plan.toString(), "--state", state.toString(), "--abort", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(recordedWeights()).containsExactly("0");
        assertThat(StructuredFiles.readTree(out).path("phase").asText()).isEqualTo("aborted");
        assertThat(RolloutState.read(state).phase).isEqualTo(Phase.ABORTED);
    }

    @Test
    void onResumeRollbackRollsBackARecordedStage() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        RolloutState recorded = new RolloutState();
        recorded.planDigest = PlanReader.read(plan).digest();
        recorded.startedAt = "2026-01-01T00:00:00Z";
        recorded.phase = Phase.STAGE;
        recorded.stage = 0;
        recorded.weight = 10;
        recorded.stageObservedMs = 1000;
        Path state = write("state.json", recorded.toJson());

        MainTest.Run run = canary("--plan", plan.toString(), "--state", state.toString(), "--on-resume", "rollback");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("rolled back: resumed with on-resume: rollback");
        assertThat(recordedWeights()).containsExactly("0");
        assertThat(RolloutState.read(state).phase).isEqualTo(Phase.ROLLED_BACK);
    }

    @Test
    void aStateOfAnotherPlanIsRefused() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        RolloutState other = new RolloutState();
        other.planDigest = "0".repeat(64);
        other.phase = Phase.STAGE;
        other.stage = 0;
        other.weight = 10;
        Path state = write("state.json", other.toJson());
        MainTest.Run run = canary("--plan", plan.toString(), "--state", state.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("records a rollout of another plan");
        assertThat(recordedWeights()).isEmpty();
    }

    @Test
    void aProgressFileNamingThePlanOrTheStateIsRefusedBeforeAnyTrafficMoves() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        String text = Files.readString(plan);
        MainTest.Run overPlan = canary("--plan", plan.toString(), "--progress", plan.toString());
        assertThat(overPlan.exitCode()).isEqualTo(2);
        assertThat(overPlan.err()).contains("--progress").doesNotContain("Exception");
        assertThat(Files.readString(plan)).isEqualTo(text);
        Path state = dir.resolve("state.json");
        MainTest.Run overState = canary("--plan", plan.toString(), "--state", state.toString(), "--progress", state.toString());
        assertThat(overState.exitCode()).isEqualTo(2);
        assertThat(recordedWeights()).isEmpty();
    }

    @Test
    void dryRunPrintsTheScheduleAndNeverCallsTheRouter() throws IOException {
        Path plan = write("plan.yaml", plan(""));
        MainTest.Run run = canary("--plan", plan.toString(), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("stage 1:  10%  for 2s (from +0s), 2 analyses")
                .contains("stage 2: 100%  then promoted")
                .contains("rollback within: 1s × 2 + 2s query timeout + 5s rollback timeout = 9s ≤ 30s");
        assertThat(recordedWeights()).isEmpty();
    }

    MainTest.Run badPlan(String text) throws IOException {
        Path plan = write("plan.yaml", text);
        MainTest.Run run = canary("--plan", plan.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(recordedWeights()).as("a bad plan never calls the router").isEmpty();
        return run;
    }

    @Test
    void badPlansExitTwoWithOneLineAndNeverMoveTraffic() throws IOException {
        String good = plan("");
        assertThat(badPlan(good.replace("rollbackWithin: 30s", "rollbackWithin: 8s")).err())
                .contains("plan.yaml:15:1: rollbackWithin: the promise cannot be kept")
                .contains("= 1 s × 2 + 2 s + 5 s = 9 s > 8 s");
        assertThat(badPlan(good.replace("{weight: 100}", "{weight: 5}")).err())
                .contains("plan.yaml:3:6: stages[1].weight: weights must increase: 5 after 10");
        assertThat(badPlan(good.replace("{weight: 100}", "{weight: 101}")).err())
                .contains("stages[1].weight: expected a whole number in 1..100, got 101");
        assertThat(badPlan(good.replace("max: 0.05", "maxx: 0.05")).err())
                .contains("plan.yaml:13:5: guardrails[0].maxx: unknown key 'maxx'");
        assertThat(badPlan(good.replace("duration: 2s", "duration: 2 parsecs")).err())
                .contains("plan.yaml:2:18: stages[0].duration: '2 parsecs' is not a duration");
        assertThat(badPlan(good.replace("query: 'sum(rate(requests_total{variant=\"${VARIANT}\",code=~\"5..\"}[1m]))'", "query: ''")).err())
                .contains("guardrails[0].query: must not be empty");
        assertThat(badPlan(good.replace("timeout: 2s}", "timeout: 2s, credentialsId: NO_SUCH_SECRET_X}")).err())
                .contains("metrics.prometheus.credentialsId: no secret 'NO_SUCH_SECRET_X'");
        assertThat(badPlan(good.replace("interval: 1s\n", "")).err()).contains("plan.yaml:1:1: missing key 'interval'");
        assertThat(badPlan("{stages: [").err()).startsWith("mlcicd: ").contains("plan.yaml");
    }

    @Test
    void aJsonPlanIsReadAsJsonWithLines() throws IOException {
        Path plan = write("plan.json", "{\n  \"stages\": [{\"weight\": 10, \"duration\": \"1s\", \"extra\": 1}]\n}\n");
        MainTest.Run run = canary("--plan", plan.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("plan.json:2:47: stages[0].extra: unknown key 'extra'");
    }
}
