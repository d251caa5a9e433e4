package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private MainTest.Run gate(String policy, String candidate, String baseline, String... extra) throws IOException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "gate", "--policy", write("gate.yaml", policy).toString(),
                "--candidate", write("candidate.json", candidate).toString()));
        if (baseline != null) {
            args.add("--baseline");
            args.add(write("baseline.json", baseline).toString());
        }
        args.addAll(java.util.List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void passedExitsZeroAndWritesEveryOutput() throws IOException {
        Path out = dir.resolve("out/gate.json");
        Path junit = dir.resolve("out/gate.xml");
        Path html = dir.resolve("out/gate.html");
        MainTest.Run run = gate("rules: [{metric: auc, atLeast: 0.8, maxRegression: 0.01}]", "{\"auc\": 0.9}", "{\"auc\": 0.905}",
                "--out", out.toString(), "--junit", junit.toString(), "--html", html.toString(), "--id", "churn");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("PASSED: all 2 checks passed\n");
        ResultDocument doc = ResultDocumentJson.read(out);
        assertThat(doc.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(doc.fields().get("baseline").get("source").asText()).endsWith("baseline.json");
        assertThat(Files.readString(junit)).contains("<testcase classname=\"churn\" name=\"auc vs baseline\"");
        assertThat(Files.readString(html)).contains("auc vs baseline", "mlcicd-verdict-passed");
    }

    @Test
    void aNonFiniteMetricIsNeverAPass() throws IOException {
        for (String value : new String[] {"Infinity", "1e999", "NaN", "-Infinity"}) {
            MainTest.Run run = gate("rules: [{metric: auc, atLeast: 0.8, onMissing: inconclusive}]", "{\"auc\": " + value + "}", null);
            assertThat(run.exitCode()).as(value + ": " + run.out()).isEqualTo(Verdict.INCONCLUSIVE.exitCode());
            MainTest.Run failing = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": " + value + "}", null);
            assertThat(failing.exitCode()).as(value + ": " + failing.out()).isEqualTo(1);
        }
        MainTest.Run lower = gate("rules: [{metric: loss, atMost: 0.3, onMissing: inconclusive}]", "{\"loss\": -1e999}", null);
        assertThat(lower.exitCode()).as(lower.out()).isEqualTo(Verdict.INCONCLUSIVE.exitCode());
        assertThat(lower.out()).contains("-Infinity in candidate");
    }

    @Test
    void theGateIdFollowsTheEnginesOneRule() throws IOException {
        for (String id : new String[] {"../x", "", "a b", "x".repeat(65), "-lead", "evil\u202Egpj"}) {
            MainTest.Run run = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.9}", null, "--id", id);
            assertThat(run.exitCode()).as(id).isEqualTo(2);
            assertThat(run.err()).startsWith("mlcicd: --id: ").doesNotContain("\u202E");
        }
        assertThat(gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.9}", null, "--id", "churn_2-b").exitCode()).isZero();
    }

    @Test
    void failedExitsOne() throws IOException {
        MainTest.Run run = gate("rules: [{metric: auc, minImprovement: 0.005}]", "{\"auc\": 0.912}", "{\"auc\": 0.915}");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("FAILED: 1 of 1 check failed: auc vs baseline −0.003 (needs ≥ +0.005)\n");
    }

    @Test
    void unstableExitsThree() throws IOException {
        MainTest.Run run = gate("rules: [{metric: ece, atMost: 0.05, severity: unstable}]", "{\"ece\": 0.06}", null);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).startsWith("WARNING: ");
    }

    @Test
    void firstBuildWithoutBaselineExitsFour() throws IOException {
        Path out = dir.resolve("gate.json");
        MainTest.Run run = gate("rules: [{metric: auc, atLeast: 0.8, minImprovement: 0.005}]", "{\"auc\": 0.9}", null,
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).isEqualTo("INCONCLUSIVE: no baseline: 1 of 2 checks inconclusive: auc vs baseline\n");
        assertThat(StructuredFiles.readTree(out).get("baseline").isNull()).isTrue();
    }

    @Test
    void badInputExitsTwoWithOneLineNamingFileAndKey() throws IOException {
        MainTest.Run within = gate("rules:\n  - metric: auc\n    within: [0.9, 1.0, 1.1]\n", "{\"auc\": 0.9}", null);
        assertThat(within.exitCode()).isEqualTo(2);
        assertThat(within.err()).isEqualTo("mlcicd: " + dir.resolve("gate.yaml") + ": rules[0].within: expected 2 numbers, got 3\n");

        MainTest.Run unknownKey = gate("rules: [{metric: auc, atleast: 0.8}]", "{\"auc\": 0.9}", null);
        assertThat(unknownKey.exitCode()).isEqualTo(2);
        assertThat(unknownKey.err()).contains("rules[0]: unknown key 'atleast' (did you mean 'atLeast'?)");

        MainTest.Run malformed = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.9", null);
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("mlcicd: " + dir.resolve("candidate.json") + ":1:").doesNotContain("Exception");
        assertThat(malformed.err().lines()).hasSize(1);

        MainTest.Run malformedYaml = gate("rules: [{metric: auc, atLeast: 0.8}\n", "{\"auc\": 0.9}", null);
        assertThat(malformedYaml.exitCode()).isEqualTo(2);
        assertThat(malformedYaml.err()).startsWith("mlcicd: " + dir.resolve("gate.yaml") + ":");
        assertThat(malformedYaml.err().lines()).hasSize(1);

        MainTest.Run nonNumeric = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": \"good\"}", null);
        assertThat(nonNumeric.exitCode()).isEqualTo(2);
        assertThat(nonNumeric.err()).isEqualTo("mlcicd: " + dir.resolve("candidate.json")
                + ": auc: expected a number for metric 'auc', got 'good'\n");

        MainTest.Run missingFile = MainTest.run("gate", "--policy", dir.resolve("nope.yaml").toString(),
                "--candidate", dir.resolve("nope.json").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).isEqualTo("mlcicd: " + dir.resolve("nope.yaml") + ": file not found\n");

        MainTest.Run usage = MainTest.run("gate", "--candidate", "x.json");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).isEqualTo("mlcicd: Missing required option: '--policy=FILE'\nRun 'mlcicd gate --help' for usage.\n");
        MainTest.Run misspelt = MainTest.run("gate", "--polcy", "gate.yaml");
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err()).contains("--polcy");
    }

    @Test
    void theShippedExampleWorks() {
        MainTest.Run run = MainTest.run("gate", "--policy", "../examples/gate/policy.yaml",
                "--candidate", "../examples/gate/candidate.json", "--baseline", "../examples/gate/baseline.json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("PASSED: all ");
        MainTest.Run firstBuild = MainTest.run("gate", "--policy", "../examples/gate/policy.yaml",
                "--candidate", "../examples/gate/candidate.json");
        assertThat(firstBuild.exitCode()).isEqualTo(4);
    }
}
