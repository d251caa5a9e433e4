package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTest {
    static ResultDocument gate(String policyYaml, String candidateJson, String baselineJson) {
        return Gate.evaluate(GatePolicy.parse("gate.yaml", policyYaml),
                MetricsDocument.parse("candidate.json", candidateJson),
                baselineJson == null ? null : MetricsDocument.parse("baseline.json", baselineJson),
                baselineJson == null ? null : "build #7");
    }

    static Check check(ResultDocument result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + result.checks()));
    }

    // ---------------------------------------------------------------- absolute bounds

    @ParameterizedTest
    @CsvSource({
        "atLeast: 0.8,        0.8,   PASSED",
        "atLeast: 0.8,        0.79,  FAILED",
        "atMost: 0.3,         0.3,   PASSED",
        "atMost: 0.3,         0.31,  FAILED",
        "'within: [0.9, 1.1]', 0.9,  PASSED",
        "'within: [0.9, 1.1]', 1.1,  PASSED",
        "'within: [0.9, 1.1]', 1.11, FAILED",
        "'within: [0.9, 1.1]', 0.89, FAILED",
    })
    void absoluteBounds(String bound, double value, Verdict expected) {
        ResultDocument result = gate("rules: [{metric: calibration_slope, " + bound + "}]",
                "{\"calibration_slope\": " + value + "}", null);
        assertThat(result.verdict()).isEqualTo(expected);
        assertThat(result.checks()).hasSize(1);
        Check check = result.checks().get(0);
        assertThat(check.name()).isEqualTo("calibration_slope");
        assertThat(check.value()).isEqualTo(value);
        assertThat(check.details()).containsEntry("bound", "absolute").containsEntry("slice", "overall");
    }

    @Test
    void absoluteMessagesSayWhatWasNeeded() {
        Check failed = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.712}", null).checks().get(0);
        assertThat(failed.message()).isEqualTo("auc 0.712: needs ≥ 0.8");
        assertThat(failed.threshold()).isEqualTo("≥ 0.8");
        Check passed = gate("rules: [{metric: auc, atLeast: 0.8, atMost: 0.99}]", "{\"auc\": 0.912}", null).checks().get(0);
        assertThat(passed.message()).isEqualTo("auc 0.912: meets ≥ 0.8 and ≤ 0.99");
    }

    @Test
    void absoluteChecksPassOnAFirstBuild() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": 0.9}", null);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.summary()).isEqualTo("the check passed");
    }

    // ---------------------------------------------------------------- baseline-relative bounds

    @Test
    void minImprovementFailsWithTheSentenceOfTheIssue() {
        ResultDocument result = gate("rules: [{metric: auc, minImprovement: 0.005}]", "{\"auc\": 0.912}", "{\"auc\": 0.915}");
        Check check = check(result, "auc vs baseline");
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.value()).isEqualTo(0.912);
        assertThat(check.baseline()).isEqualTo(0.915);
        assertThat(check.delta()).isCloseTo(-0.003, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(check.threshold()).isEqualTo("≥ +0.005 vs baseline");
        assertThat(check.message()).isEqualTo("auc 0.912 vs baseline 0.915: −0.003, needs ≥ +0.005");
        assertThat(check.details()).containsEntry("bound", "baseline").containsEntry("metric", "auc")
                .containsEntry("higherIsBetter", true);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.summary()).isEqualTo("1 of 1 check failed: auc vs baseline −0.003 (needs ≥ +0.005)");
    }

    @ParameterizedTest(name = "{0}: candidate {1} vs baseline {2} → {3}")
    @CsvSource({
        // higher is better
        "'metric: auc, minImprovement: 0.005',       0.920, 0.915, PASSED",
        "'metric: auc, minImprovement: 0.005',       0.919, 0.915, FAILED",
        "'metric: auc, minImprovement: 0',           0.915, 0.915, PASSED",
        "'metric: auc, minImprovement: 0',           0.914, 0.915, FAILED",
        "'metric: auc, maxRegression: 0.01',         0.905, 0.915, PASSED",
        "'metric: auc, maxRegression: 0.01',         0.904, 0.915, FAILED",
        "'metric: auc, maxRegression: 0.01',         0.990, 0.915, PASSED",
        // lower is better: improvement means going down
        "'metric: log_loss, minImprovement: 0.01',   0.29,  0.30,  PASSED",
        "'metric: log_loss, minImprovement: 0.01',   0.295, 0.30,  FAILED",
        "'metric: log_loss, minImprovement: 0.01',   0.31,  0.30,  FAILED",
        "'metric: log_loss, maxRegression: 0.02',    0.32,  0.30,  PASSED",
        "'metric: log_loss, maxRegression: 0.02',    0.321, 0.30,  FAILED",
        "'metric: latency_p99_ms, maxRegression: 5', 54.9,  50,    PASSED",
        "'metric: latency_p99_ms, maxRegression: 5', 55.1,  50,    FAILED",
        // an explicit direction for an unknown metric
        "'metric: psi, higherIsBetter: false, maxRegression: 0.05', 0.14, 0.1, PASSED",
        "'metric: psi, higherIsBetter: false, maxRegression: 0.05', 0.16, 0.1, FAILED",
        // relative: fractions of |baseline|
        "'metric: auc, minImprovement: 0.01, relative: true',  0.808, 0.8, PASSED",
        "'metric: auc, minImprovement: 0.01, relative: true',  0.807, 0.8, FAILED",
        "'metric: rmse, maxRegression: 0.1, relative: true',   2.2,   2.0, PASSED",
        "'metric: rmse, maxRegression: 0.1, relative: true',   2.21,  2.0, FAILED",
        "'metric: r2, maxRegression: 0.5, relative: true',    -0.15, -0.1, PASSED",
        "'metric: r2, maxRegression: 0.5, relative: true',    -0.16, -0.1, FAILED",
        // floating point: these sums are not exact in binary, the gate must not flip on them
        "'metric: auc, minImprovement: 0.005',       0.815, 0.81,  PASSED",
        "'metric: auc, minImprovement: 0.005',       0.92,  0.915, PASSED",
        "'metric: auc, minImprovement: 0.02',        0.945, 0.925, PASSED",
        "'metric: log_loss, maxRegression: 0.2',     0.3,   0.1,   PASSED",
        "'metric: auc, minImprovement: 0.05, relative: true', 0.84, 0.8, PASSED",
    })
    void baselineBounds(String rule, double candidate, double baseline, Verdict expected) {
        String metric = rule.substring("metric: ".length(), rule.indexOf(','));
        ResultDocument result = gate("rules: [{" + rule + "}]",
                "{\"" + metric + "\": " + candidate + "}", "{\"" + metric + "\": " + baseline + "}");
        Check check = check(result, metric + " vs baseline");
        assertThat(check.verdict()).as(check.message()).isEqualTo(expected);
        assertThat(check.delta()).isEqualTo(candidate - baseline);
    }

    @Test
    void lowerIsBetterSentences() {
        Check check = check(gate("rules: [{metric: log_loss, minImprovement: 0.01}]", "{\"log_loss\": 0.31}",
                "{\"log_loss\": 0.30}"), "log_loss vs baseline");
        assertThat(check.threshold()).isEqualTo("≤ −0.01 vs baseline");
        assertThat(check.message()).isEqualTo("log_loss 0.31 vs baseline 0.3: +0.01, needs ≤ −0.01");
        Check regression = check(gate("rules: [{metric: log_loss, maxRegression: 0.02}]", "{\"log_loss\": 0.31}",
                "{\"log_loss\": 0.30}"), "log_loss vs baseline");
        assertThat(regression.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(regression.message()).isEqualTo("log_loss 0.31 vs baseline 0.3: +0.01, meets ≤ +0.02");
    }

    @Test
    void relativeSentencesShowPercentAndAbsoluteAmount() {
        Check check = check(gate("rules: [{metric: auc, minImprovement: 0.01, relative: true}]", "{\"auc\": 0.804}",
                "{\"auc\": 0.8}"), "auc vs baseline");
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.threshold()).isEqualTo("≥ +1% vs baseline");
        assertThat(check.message()).isEqualTo("auc 0.804 vs baseline 0.8: +0.004 (+0.5%), needs ≥ +1% (+0.008)");
        assertThat(check(gate("rules: [{metric: auc, minImprovement: 0.01, relative: true}]", "{\"auc\": 0.804}",
                "{\"auc\": 0.8}"), "auc vs baseline").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(gate("rules: [{metric: auc, minImprovement: 0.01, relative: true}]", "{\"auc\": 0.804}",
                "{\"auc\": 0.8}").summary()).isEqualTo("1 of 1 check failed: auc vs baseline +0.5% (needs ≥ +1%)");
    }

    @Test
    void relativeBoundOnAZeroBaselineIsInconclusive() {
        Check check = check(gate("rules: [{metric: auc, minImprovement: 0.01, relative: true}]", "{\"auc\": 0.5}",
                "{\"auc\": 0}"), "auc vs baseline");
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).contains("a relative bound needs a non-zero baseline");
        assertThat(check.baseline()).isEqualTo(0.0);
        Check absolute = check(gate("rules: [{metric: auc, minImprovement: 0.01}]", "{\"auc\": 0.5}", "{\"auc\": 0}"),
                "auc vs baseline");
        assertThat(absolute.verdict()).as("absolute units need no non-zero baseline").isEqualTo(Verdict.PASSED);
    }

    @Test
    void absoluteAndBaselinePartsAreSeparateChecks() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, minImprovement: 0.005}]",
                "{\"auc\": 0.85}", "{\"auc\": 0.9}");
        assertThat(result.checks()).extracting(Check::name).containsExactly("auc", "auc vs baseline");
        assertThat(check(result, "auc").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(check(result, "auc").baseline()).as("context for the reader").isEqualTo(0.9);
        assertThat(check(result, "auc vs baseline").verdict()).isEqualTo(Verdict.FAILED);
    }

    // ---------------------------------------------------------------- first build, missing baseline values

    @Test
    void firstBuildMakesBaselinePartsInconclusiveNotFailed() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, minImprovement: 0.005}, {metric: f1, atLeast: 0.5}]",
                "{\"auc\": 0.85, \"f1\": 0.6}", null);
        assertThat(check(result, "auc").verdict()).isEqualTo(Verdict.PASSED);
        Check relative = check(result, "auc vs baseline");
        assertThat(relative.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(relative.message()).isEqualTo("auc 0.85: no baseline (first build?), cannot check ≥ +0.005 vs baseline");
        assertThat(relative.baseline()).isNull();
        assertThat(relative.delta()).isNull();
        assertThat(relative.details()).containsEntry("reason", "no baseline");
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.summary()).isEqualTo("no baseline: 1 of 3 checks inconclusive: auc vs baseline");
        assertThat(result.fields().get("baseline").isNull()).isTrue();
    }

    @Test
    void metricMissingOnlyInTheBaselineIsInconclusive() {
        ResultDocument result = gate("rules: [{metric: auc, minImprovement: 0.005, onMissing: fail}]",
                "{\"auc\": 0.85}", "{\"f1\": 0.6}");
        Check check = check(result, "auc vs baseline");
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).isEqualTo("auc 0.85: auc not in baseline, cannot check ≥ +0.005 vs baseline");
        assertThat(result.summary()).isEqualTo("1 of 1 check inconclusive: auc vs baseline: not in baseline");
        assertThat(check(gate("rules: [{metric: auc, minImprovement: 0.005}]", "{\"auc\": 0.85}", "{\"auc\": NaN}"),
                "auc vs baseline").message()).contains("auc NaN in baseline");
    }

    // ---------------------------------------------------------------- missing candidate values

    @ParameterizedTest
    @CsvSource({
        "fail,         FAILED",
        "unstable,     WARNING",
        "inconclusive, INCONCLUSIVE",
        "ignore,       PASSED",
    })
    void onMissingDecidesWhatAMissingMetricIs(String onMissing, Verdict expected) {
        for (String candidate : List.of("{\"f1\": 0.5}", "{\"auc\": null}", "{\"auc\": NaN}", "{\"auc\": \"NaN\"}")) {
            ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, maxRegression: 0.01, onMissing: " + onMissing + "}]",
                    candidate, "{\"auc\": 0.9}");
            assertThat(result.checks()).as(candidate).hasSize(2).allSatisfy(c -> {
                assertThat(c.verdict()).isEqualTo(expected);
                assertThat(c.value()).isNull();
            });
            assertThat(result.verdict()).isEqualTo(expected);
        }
    }

    @Test
    void missingMessages() {
        Check failed = gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"auc\": NaN}", null).checks().get(0);
        assertThat(failed.message()).isEqualTo("auc NaN in candidate (onMissing: fail)");
        assertThat(failed.details()).containsEntry("reason", "NaN in candidate");
        Check ignored = gate("rules: [{metric: auc, atLeast: 0.8, onMissing: ignore}]", "{\"f1\": 1}", null).checks().get(0);
        assertThat(ignored.message()).isEqualTo("ignored: missing (auc not in candidate)");
        Check inSlice = gate("rules: [{metric: auc, maxRegression: 0.1, slices: [a]}]", "{\"slices\": {\"a\": {\"f1\": 1}}}",
                "{\"auc\": 0.9}").checks().get(0);
        assertThat(inSlice.name()).isEqualTo("auc[a] vs baseline");
        assertThat(inSlice.message()).isEqualTo("auc[a] not in candidate (onMissing: fail)");
        assertThat(ignored.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(gate("rules: [{metric: auc, atLeast: 0.8}]", "{\"f1\": 1}", null).summary())
                .isEqualTo("1 of 1 check failed: auc: not in candidate");
        assertThat(gate("rules: [{metric: auc, atLeast: 0.8, onMissing: ignore}, {metric: f1, atLeast: 0.5}]", "{\"f1\": 1}", null)
                .summary()).as("an ignored metric is still visible").isEqualTo("all 2 checks passed (1 ignored: missing)");
        assertThat(gate("rules: [{metric: auc, atLeast: 0.8, onMissing: ignore}, {metric: f1, atLeast: 2}]", "{\"f1\": 1}", null)
                .summary()).isEqualTo("1 of 2 checks failed: f1 1 (needs ≥ 2); also 1 ignored (missing)");
    }

    @Test
    void nonNumericCandidateValueIsBadInputNamingFileAndKey() {
        assertThatThrownBy(() -> gate("rules: [{metric: eval.auc, atLeast: 0.8}]", "{\"eval\": {\"auc\": \"high\"}}", null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("candidate.json: eval.auc: expected a number for metric 'eval.auc', got 'high'");
        assertThatThrownBy(() -> gate("rules: [{metric: auc, maxRegression: 0.1}]", "{\"auc\": 0.9}", "{\"auc\": [0.9]}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("baseline.json: auc: expected a number for metric 'auc', got a list");
    }

    // ---------------------------------------------------------------- severity

    @Test
    void severityUnstableWarnsInsteadOfFailing() {
        ResultDocument result = gate("rules: [{metric: ece, atMost: 0.05, severity: unstable}, {metric: auc, atLeast: 0.5}]",
                "{\"ece\": 0.07, \"auc\": 0.9}", null);
        Check check = check(result, "ece");
        assertThat(check.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(check.message()).isEqualTo("ece 0.07: needs ≤ 0.05 (severity: unstable)");
        assertThat(result.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(result.summary()).isEqualTo("1 of 2 checks unstable: ece 0.07 (needs ≤ 0.05)");
        assertThat(check(gate("rules: [{metric: ece, atMost: 0.05, severity: unstable}]", "{\"ece\": 0.01}", null), "ece")
                .verdict()).isEqualTo(Verdict.PASSED);
    }

    // ---------------------------------------------------------------- slices

    private static final String SLICED = """
            {"auc": 0.9, "slices": {
               "country=DE": {"count": 500, "auc": 0.91},
               "country=FR": {"count": 300, "auc": 0.79},
               "country=AT": {"count": 300, "auc": 0.85},
               "country=NL": {"count": 100, "auc": 0.70}}}
            """;

    @Test
    void allSlicesGiveOneCheckPerSliceWithItsName() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: all}]", SLICED, null);
        assertThat(result.checks()).extracting(Check::name)
                .containsExactly("auc[country=AT]", "auc[country=DE]", "auc[country=FR]", "auc[country=NL]");
        Check fr = check(result, "auc[country=FR]");
        assertThat(fr.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(fr.details()).containsEntry("slice", "country=FR").containsEntry("sliceCount", 300L);
        assertThat(fr.message()).isEqualTo("auc[country=FR] 0.79: needs ≥ 0.8");
        assertThat(result.summary()).isEqualTo("2 of 4 checks failed: auc[country=FR] 0.79 (needs ≥ 0.8); auc[country=NL] 0.7 (needs ≥ 0.8)");
    }

    @Test
    void topNTakesTheLargestSlicesAndBreaksTiesByName() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: top:2}]", SLICED, null);
        assertThat(result.checks()).extracting(Check::name).containsExactly("auc[country=DE]", "auc[country=AT]");
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        ResultDocument three = gate("rules: [{metric: auc, atLeast: 0.8, slices: top:3}]", SLICED, null);
        assertThat(three.checks()).extracting(Check::name).containsExactly("auc[country=DE]", "auc[country=AT]", "auc[country=FR]");
        ResultDocument many = gate("rules: [{metric: auc, atLeast: 0.8, slices: top:10}]", SLICED, null);
        assertThat(many.checks()).as("fewer slices than N: all of them").hasSize(4);
    }

    @Test
    void theOverallSliceOfAnEvaluationIsNotRankedAmongSlices() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: top:1}]", """
                {"schema": "mlcicd/evaluation/v1", "metrics": {"auc": 0.9},
                 "slices": {"overall": {"auc": 0.9, "count": 900}, "a": {"auc": 0.85, "count": 600}, "b": {"auc": 0.7, "count": 300}}}
                """, null);
        assertThat(result.checks()).extracting(Check::name).containsExactly("auc[a]");
    }

    @Test
    void topNWithoutCountsCannotRankAndIsInconclusive() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: top:1}]",
                "{\"slices\": {\"a\": {\"auc\": 0.9, \"count\": 5}, \"b\": {\"auc\": 0.9}}}", null);
        assertThat(result.checks()).hasSize(1);
        Check check = result.checks().get(0);
        assertThat(check.name()).isEqualTo("auc[top:1]");
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.message()).isEqualTo("auc[top:1]: cannot rank slices by size: no count for slice 'b'");
    }

    @Test
    void namedSlicesAndAbsentOnes() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: [country=NL, country=IT], onMissing: unstable}]",
                SLICED, null);
        assertThat(result.checks()).extracting(Check::name).containsExactly("auc[country=NL]", "auc[country=IT]");
        assertThat(check(result, "auc[country=NL]").verdict()).isEqualTo(Verdict.FAILED);
        Check it = check(result, "auc[country=IT]");
        assertThat(it.verdict()).isEqualTo(Verdict.WARNING);
        assertThat(it.message()).isEqualTo("auc[country=IT]: slice 'country=IT' not in candidate (onMissing: unstable)");
        assertThat(it.details()).containsEntry("slice", "country=IT");
    }

    @Test
    void overallInASliceListMeansTheTopLevelMetrics() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: [overall, country=NL]}]", SLICED, null);
        assertThat(result.checks()).extracting(Check::name).containsExactly("auc", "auc[country=NL]");
        assertThat(check(result, "auc").value()).isEqualTo(0.9);
        assertThat(check(result, "auc").details()).containsEntry("slice", "overall");
    }

    @Test
    void noSlicesAtAllIsMissingNotAPass() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: all}]", "{\"auc\": 0.9}", null);
        assertThat(result.checks()).hasSize(1);
        assertThat(result.checks().get(0).name()).isEqualTo("auc[all]");
        assertThat(result.checks().get(0).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.checks().get(0).message()).contains("candidate has no slices");
    }

    @Test
    void perSliceBaselineComparison() {
        String baseline = """
                {"slices": {"country=DE": {"count": 480, "auc": 0.90}, "country=FR": {"count": 310, "auc": 0.80}}}
                """;
        ResultDocument result = gate("rules: [{metric: auc, maxRegression: 0.005, slices: [country=DE, country=FR, country=NL]}]",
                SLICED, baseline);
        assertThat(check(result, "auc[country=DE] vs baseline").verdict()).isEqualTo(Verdict.PASSED);
        Check fr = check(result, "auc[country=FR] vs baseline");
        assertThat(fr.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(fr.message()).isEqualTo("auc[country=FR] 0.79 vs baseline 0.8: −0.01, needs ≥ −0.005");
        Check nl = check(result, "auc[country=NL] vs baseline");
        assertThat(nl.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(nl.message()).contains("not in baseline (no slice 'country=NL')");
    }

    @Test
    void sliceCountCanBeGatedLikeAMetric() {
        ResultDocument result = gate("rules: [{metric: count, atLeast: 200, slices: all, higherIsBetter: true}]", SLICED, null);
        assertThat(check(result, "count[country=NL]").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "count[country=DE]").verdict()).isEqualTo(Verdict.PASSED);
    }

    // ---------------------------------------------------------------- the whole document

    @Test
    void verdictIsTheWorstCheckAndTheDocumentRecordsItsInputs() {
        ResultDocument result = Gate.evaluate(GatePolicy.read(Path.of("src/test/resources/gate/policy.yaml")),
                MetricsDocument.read(Path.of("src/test/resources/gate/evaluation-result.json")),
                MetricsDocument.read(Path.of("src/test/resources/gate/baseline.json")), "build #41");
        assertThat(result.kind()).isEqualTo(ResultKind.GATE);
        assertThat(result.checks()).extracting(Check::name).containsExactly(
                "auc", "auc vs baseline", "log_loss vs baseline", "calibration_slope", "recall[top:2]");
        assertThat(check(result, "recall[top:2]").verdict()).as("slice country=NL has no count").isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check(result, "auc vs baseline").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "calibration_slope").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(result, "log_loss vs baseline").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.summary()).isEqualTo("2 of 5 checks failed: auc vs baseline −0.003 (needs ≥ +0.005); "
                + "calibration_slope: not in candidate; also 1 inconclusive");

        ObjectNode fields = result.fields();
        assertThat(fields.get("policy").asText()).isEqualTo("src/test/resources/gate/policy.yaml");
        assertThat(fields.get("candidate").asText()).isEqualTo("src/test/resources/gate/evaluation-result.json");
        assertThat(fields.get("baseline").get("source").asText()).isEqualTo("build #41");
        assertThat(fields.get("onInconclusive").asText()).isEqualTo("UNSTABLE");
        assertThat(fields.get("counts").get("failed").asInt()).isEqualTo(2);
        assertThat(fields.get("counts").get("passed").asInt()).isEqualTo(2);
        assertThat(fields.get("counts").get("inconclusive").asInt()).isEqualTo(1);
        assertThat(fields.get("counts").get("warning").asInt()).isZero();

        // the document survives the JSON round trip of the CLI's --out and the plugin's storage
        String json = ResultDocumentJson.toJsonString(result);
        ResultDocument back = ResultDocumentJson.fromJson(Path.of("gate.json"), io.jenkins.plugins.mlcicd.input.StructuredFiles
                .parseTree("gate.json", json));
        assertThat(back.checks()).isEqualTo(result.checks());
        assertThat(back.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void baselineSourceDefaultsToTheDocumentSource() {
        ResultDocument result = Gate.evaluate(GatePolicy.parse("p.yaml", "rules: [{metric: auc, atLeast: 0.5}]"),
                MetricsDocument.parse("c.json", "{\"auc\": 0.9}"), MetricsDocument.parse("b.json", "{\"auc\": 0.9}"), null);
        assertThat(result.fields().get("baseline").get("source").asText()).isEqualTo("b.json");
    }

    @Test
    void summaryNamesAtMostThreeAndCountsTheRest() {
        ResultDocument result = gate("""
                rules:
                  - {metric: a, atLeast: 1}
                  - {metric: b, atLeast: 1}
                  - {metric: c, atLeast: 1}
                  - {metric: d, atLeast: 1}
                  - {metric: e, atLeast: 1, onMissing: inconclusive}
                  - {metric: f, atLeast: 1, severity: unstable}
                  - {metric: g, atLeast: 1}
                """, "{\"a\": 0, \"b\": 0, \"c\": 0, \"d\": 0, \"f\": 0, \"g\": 2}", null);
        assertThat(result.summary()).isEqualTo("4 of 7 checks failed: a 0 (needs ≥ 1); b 0 (needs ≥ 1); c 0 (needs ≥ 1); "
                + "and 1 more; also 1 inconclusive, 1 unstable");
    }

    @Test
    void twoRulesReachingTheSameSliceKeepUniqueCheckNames() {
        ResultDocument result = gate("rules: [{metric: auc, atLeast: 0.8, slices: all}, {metric: auc, atLeast: 0.85, slices: [country=DE]}]",
                SLICED, null);
        assertThat(result.checks()).extracting(Check::name).doesNotHaveDuplicates()
                .contains("auc[country=DE]", "auc[country=DE] (rules[1])");
    }
}
