package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command and the variants it names: the example through CI, CT and CD with real
 * Python training and model servers, nginx and Prometheus; every loop stops its bad change; no server
 * outlives the demo.
 */
class DemoIT {
    private static final Path EXAMPLE = Path.of("../examples/fraud").toAbsolutePath().normalize();
    private static final Pattern STOPPED = Pattern.compile("stopping servers \\[([0-9, ]*)\\]");

    @TempDir
    Path dir;

    private MainTest.Run demo(String name, String... variant) {
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--dir", dir.resolve(name).toString(),
                "--example", EXAMPLE.toString(), "--requests", "600"));
        args.addAll(List.of(variant));
        return MainTest.run(args.toArray(String[]::new));
    }

    private Verdict verdict(String demo, String report) {
        return ResultDocumentJson.read(dir.resolve(demo).resolve("reports").resolve(report + ".json")).verdict();
    }

    @Test
    void theCandidatePassesEveryLoopAndBecomesProduction() throws Exception {
        MainTest.Run run = demo("ok");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        for (String report : new String[] {"validate", "serving-validate", "production-lineage", "production-eval",
            "candidate-lineage", "candidate-eval", "gate", "shadow", "canary"}) {
            assertThat(verdict("ok", report)).as(report).isEqualTo(Verdict.PASSED);
            assertThat(dir.resolve("ok/reports/" + report + ".html")).isNotEmptyFile();
        }
        JsonNode canary = StructuredFiles.readTree(dir.resolve("ok/reports/canary.json"));
        assertThat(canary.path("phase").asText()).isEqualTo("promoted");
        assertThat(canary.path("weight").asInt()).isEqualTo(100);
        assertThat(Files.readString(dir.resolve("ok/registry/fraud-model/aliases.json"))).contains("\"production\" : 2");
        assertThat(Files.readString(dir.resolve("ok/index.html"))).contains("reports/canary.html").contains("Alias history")
                .doesNotContain("<script");
        assertThat(run.out()).contains("is now 'production'");
        assertNoServerOutlives(run);
    }

    @Test
    void driftInTheServingBatchStopsThePipelineAtDataValidation() {
        MainTest.Run run = demo("drift", "--inject-drift");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(verdict("drift", "serving-validate")).isEqualTo(Verdict.FAILED);
        assertThat(dir.resolve("drift/reports/candidate-lineage.json")).doesNotExist();
        assertThat(run.out()).contains("stopped at data validation").contains("drift in 1 of 3 columns");
    }

    @Test
    void theGateRefusesAPoorCandidateBeforeAnyTraffic() {
        MainTest.Run run = demo("bad", "--bad-candidate");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(verdict("bad", "gate")).isEqualTo(Verdict.FAILED);
        assertThat(dir.resolve("bad/reports/shadow.json")).doesNotExist();
        assertThat(run.out()).contains("the gate refused the candidate");
    }

    @Test
    void aCanaryThatSlowsDownIsRolledBackAndProductionKeepsItsModel() throws Exception {
        MainTest.Run run = demo("slow", "--bad-canary");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        JsonNode canary = StructuredFiles.readTree(dir.resolve("slow/reports/canary.json"));
        assertThat(canary.path("phase").asText()).isEqualTo("rolled-back");
        assertThat(canary.path("weight").asInt()).isZero();
        assertThat(canary.path("reason").asText()).contains("latencyP95");
        Matcher timing = Pattern.compile("rolled back ([0-9.]+) s after the canary slowed down").matcher(run.out());
        assertThat(timing.find()).as(run.out()).isTrue();
        // interval 2 s × (failureLimit 1 + 1) + the 5 s window of the p95 query + query and router time
        assertThat(Double.parseDouble(timing.group(1))).isLessThan(15.0);
        assertThat(Files.readString(dir.resolve("slow/registry/fraud-model/aliases.json"))).contains("\"production\" : 1");
        assertNoServerOutlives(run);
    }

    private static void assertNoServerOutlives(MainTest.Run run) throws InterruptedException {
        Matcher stopped = STOPPED.matcher(run.out());
        assertThat(stopped.find()).as("the demo names the servers it stops: " + run.out()).isTrue();
        List<Long> pids = java.util.Arrays.stream(stopped.group(1).split(",\\s*")).map(Long::parseLong).toList();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("server %d after the demo", pid).isEmpty();
        }
    }
}
