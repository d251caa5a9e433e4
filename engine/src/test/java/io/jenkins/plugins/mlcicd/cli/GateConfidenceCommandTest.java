package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.gate.PairedPredictions;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code mlcicd evaluate --bootstrap --seed --id} on a candidate and a baseline, then {@code mlcicd gate} with confidence. */
class GateConfidenceCommandTest {
    @TempDir
    static Path dir;

    private static final String POLICY = """
            rules:
              - metric: auc
                minImprovement: 0.01
                confidence: 0.95
            """;

    @BeforeAll
    static void evaluateModels() {
        PairedPredictions predictions = new PairedPredictions(11);
        evaluate(predictions.writeBaseline(dir.resolve("baseline.csv")), "baseline.json", "7");
        evaluate(predictions.writeBetter(dir.resolve("better.csv")), "better.json", "7");
        evaluate(predictions.writeMarginal(dir.resolve("marginal.csv")), "marginal.json", "7");
        evaluate(dir.resolve("better.csv"), "better-seed8.json", "8");
    }

    private static void evaluate(Path predictions, String out, String seed) {
        MainTest.Run run = MainTest.run("evaluate", "--predictions", predictions.toString(), "--label", "y", "--score", "p",
                "--bootstrap", "200", "--seed", seed, "--id", "id", "--out", dir.resolve(out).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static MainTest.Run gate(String policy, String candidate, String baseline, String... extra) throws IOException {
        Path policyFile = Files.writeString(dir.resolve("gate.yaml"), policy);
        String[] base = {"gate", "--policy", policyFile.toString(), "--candidate", dir.resolve(candidate).toString(),
            "--baseline", dir.resolve(baseline).toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return MainTest.run(args);
    }

    @Test
    void clearlyBetterCandidatePassesWithExitZero() throws IOException {
        Path out = dir.resolve("gate-better.json");
        MainTest.Run run = gate(POLICY, "better.json", "baseline.json", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("PASSED: the check passed\n");
        JsonNode check = StructuredFiles.readTree(out).get("checks").get(0);
        assertThat(check.get("threshold").asText()).isEqualTo("≥ +0.01 vs baseline with 95% confidence");
        assertThat(check.get("details").get("lower").asDouble()).isGreaterThan(0.1);
        assertThat(check.get("details").get("replicates").asInt()).isEqualTo(200);
        assertThat(check.get("details").get("level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void marginallyBetterCandidateFailsWithExitOne() throws IOException {
        Path junit = dir.resolve("gate.xml");
        MainTest.Run run = gate(POLICY, "marginal.json", "baseline.json", "--junit", junit.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED: 1 of 1 check failed: auc vs baseline +0.01")
                .contains(", 95% CI [+0.00").endsWith("(needs ≥ +0.01 with 95% confidence)\n");
        assertThat(Files.readString(junit)).contains("95% CI of the paired difference");
    }

    @Test
    void differentSeedsExitFourInconclusive() throws IOException {
        MainTest.Run run = gate(POLICY, "better-seed8.json", "baseline.json");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).startsWith("INCONCLUSIVE: 1 of 1 check inconclusive: auc vs baseline: the evaluations were "
                + "not resampled alike (bootstrap.seed differs: 8 vs 7)");
    }

    @Test
    void plainMetricsBaselineExitsFourInconclusive() throws IOException {
        Files.writeString(dir.resolve("plain.json"), "{\"auc\": 0.80}");
        MainTest.Run run = gate(POLICY, "better.json", "plain.json");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).contains("both evaluations need --bootstrap for a paired comparison");
    }

    /** docs/gate.md, "Significance": the commands and the output it shows. */
    @Test
    void theDocumentedExampleGivesTheDocumentedVerdict() {
        for (String model : new String[] {"baseline", "candidate"}) {
            MainTest.Run run = MainTest.run("evaluate", "--predictions", "../examples/gate/confidence/" + model + "-predictions.csv",
                    "--label", "y", "--score", "p", "--bootstrap", "1000", "--seed", "7", "--id", "id",
                    "--out", dir.resolve("example-" + model + ".json").toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        MainTest.Run gate = MainTest.run("gate", "--policy", "../examples/gate/confidence/policy.yaml",
                "--candidate", dir.resolve("example-candidate.json").toString(),
                "--baseline", dir.resolve("example-baseline.json").toString());
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).isEqualTo("FAILED: 1 of 2 checks failed: auc vs baseline +0.02168, 95% CI [+0.01085, +0.03417] "
                + "(needs ≥ +0.015 with 95% confidence)\n");
    }

    @Test
    void badConfidenceExitsTwoWithOneLine() throws IOException {
        MainTest.Run run = gate("rules: [{metric: auc, minImprovement: 0.01, confidence: 95}]", "better.json", "baseline.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).endsWith("gate.yaml: rules[0].confidence: expected a level between 0 and 1 (exclusive), "
                + "e.g. 0.95, got 95 (a fraction: 95% is 0.95)").doesNotContain("\n").doesNotContain("Exception");
    }
}
