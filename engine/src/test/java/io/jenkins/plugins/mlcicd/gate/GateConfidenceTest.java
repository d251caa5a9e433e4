package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Baseline bounds with {@code confidence}: the paired-bootstrap interval of candidate − baseline must clear them. */
class GateConfidenceTest {
    @TempDir
    static Path dir;

    /** Evaluation documents (JSON text) of the same 600 rows by {@code mlcicd evaluate}'s engine, 200 replicates. */
    private static String baseline;
    private static String better;
    private static String marginal;
    private static String betterOtherSeed;

    @BeforeAll
    static void evaluate() {
        PairedPredictions predictions = new PairedPredictions(11);
        baseline = PairedPredictions.evaluate(predictions.writeBaseline(dir.resolve("baseline.csv")), 200, 7);
        better = PairedPredictions.evaluate(predictions.writeBetter(dir.resolve("better.csv")), 200, 7);
        marginal = PairedPredictions.evaluate(predictions.writeMarginal(dir.resolve("marginal.csv")), 200, 7);
        betterOtherSeed = PairedPredictions.evaluate(predictions.writeBetter(dir.resolve("better8.csv")), 200, 8);
    }

    private static Check gate(String policyYaml, String candidateJson, String baselineJson) {
        ResultDocument result = Gate.evaluate(GatePolicy.parse("gate.yaml", policyYaml),
                MetricsDocument.parse("candidate.json", candidateJson),
                MetricsDocument.parse("baseline.json", baselineJson), "baseline.json");
        assertThat(result.checks()).hasSize(1);
        assertThat(result.verdict()).isEqualTo(result.checks().get(0).verdict());
        return result.checks().get(0);
    }

    private static double detail(Check check, String key) {
        return ((Number) check.details().get(key)).doubleValue();
    }

    private static final String AUC_RULE = "rules: [{metric: auc, minImprovement: 0.01, confidence: 0.95}]";
    private static final String LOG_LOSS_RULE = "rules: [{metric: log_loss, minImprovement: 0.01, confidence: 0.95}]";

    // ---------------------------------------------------------------- real evaluations

    @Test
    void clearlyBetterCandidatePasses() {
        Check check = gate(AUC_RULE, better, baseline);
        assertThat(check.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(check.name()).isEqualTo("auc vs baseline");
        assertThat(check.threshold()).isEqualTo("≥ +0.01 vs baseline with 95% confidence");
        assertThat(detail(check, "lower")).isGreaterThan(0.1);
        assertThat(detail(check, "upper")).isGreaterThan(detail(check, "lower"));
        assertThat(detail(check, "level")).isEqualTo(0.95);
        assertThat(check.details().get("replicates")).isEqualTo(200);
        assertThat(check.message()).matches("auc 0\\.98\\d* vs baseline 0\\.82\\d*: \\+0\\.1\\d*, "
                + "95% CI of the paired difference \\[\\+0\\.1\\d*, \\+0\\.1\\d*], meets ≥ \\+0\\.01 with 95% confidence");
    }

    @Test
    void marginallyBetterCandidateFailsOnConfidenceThoughItsPointDeltaClearsTheBound() {
        Check check = gate(AUC_RULE, marginal, baseline);
        assertThat(check.delta()).isGreaterThan(0.01);
        assertThat(detail(check, "lower")).isBetween(0.0, 0.01);
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.message()).contains("95% CI of the paired difference [+0.00", "needs ≥ +0.01 with 95% confidence");
        // Without confidence the same comparison passes on the point estimates alone.
        assertThat(gate("rules: [{metric: auc, minImprovement: 0.01}]", marginal, baseline).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(gate("rules: [{metric: auc, minImprovement: 0.01, confidence: 0.95, severity: unstable}]", marginal, baseline)
                .verdict()).isEqualTo(Verdict.WARNING);
    }

    @Test
    void lowerIsBetterMirrorsTheIntervalEnd() {
        Check good = gate(LOG_LOSS_RULE, better, baseline);
        assertThat(good.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(good.threshold()).isEqualTo("≤ −0.01 vs baseline with 95% confidence");
        assertThat(detail(good, "upper")).isLessThan(-0.01);

        Check weak = gate(LOG_LOSS_RULE, marginal, baseline);
        assertThat(weak.delta()).isLessThan(-0.01);
        assertThat(detail(weak, "upper")).isBetween(-0.01, 0.0);
        assertThat(weak.verdict()).isEqualTo(Verdict.FAILED);

        // The baseline judged against the better model: a regression of 0.27 is not "at most 0.05".
        Check worse = gate("rules: [{metric: log_loss, maxRegression: 0.05, confidence: 0.95}]", baseline, better);
        assertThat(worse.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(detail(worse, "lower")).isGreaterThan(0.05);
    }

    @Test
    void differentSeedsAreInconclusiveNeverAPass() {
        Check check = gate(AUC_RULE, betterOtherSeed, baseline);
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat((String) check.details().get("reason")).contains("bootstrap.seed differs: 8 vs 7");
        assertThat(check.message()).contains("no paired interval", "cannot check ≥ +0.01 with 95% confidence");
        assertThat(check.details()).doesNotContainKeys("lower", "upper");
    }

    @Test
    void plainMetricsBaselineIsInconclusive() {
        Check check = gate(AUC_RULE, better, "{\"auc\": 0.80}");
        assertThat(check.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(check.details().get("reason")).isEqualTo("both evaluations need --bootstrap for a paired comparison");
    }

    @Test
    void aPointDeltaThatAlreadyViolatesFailsEvenWithoutAnInterval() {
        Check check = gate(AUC_RULE, marginal, "{\"auc\": 0.95}");
        assertThat(check.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check.message()).contains("needs ≥ +0.01 with 95% confidence (no paired interval: both evaluations need --bootstrap");
    }

    @Test
    void noBaselineStaysTheFirstBuildCase() {
        ResultDocument result = Gate.evaluate(GatePolicy.parse("gate.yaml", AUC_RULE),
                MetricsDocument.parse("candidate.json", better), null, null);
        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Gate.passedExceptForMissingBaseline(result)).isTrue();
        assertThat(result.checks().get(0).threshold()).isEqualTo("≥ +0.01 vs baseline with 95% confidence");
    }

    // ---------------------------------------------------------------- round trip (the plugin's stored baseline)

    @Test
    void toJsonKeepsTheBootstrapSamplesSoAStoredCandidateIsTheNextPairedBaseline() {
        MetricsDocument original = MetricsDocument.parse("baseline.json", baseline);
        String stored = original.toJson();
        MetricsDocument reread = MetricsDocument.parse("build #12", stored);
        assertThat(reread).isEqualTo(original);
        assertThat(reread.hasBootstrap()).isTrue();
        assertThat(reread.toJson()).isEqualTo(stored);

        JsonNode evaluation = StructuredFiles.parseTree("baseline.json", baseline);
        JsonNode storedTree = StructuredFiles.parseTree("stored.json", stored);
        assertThat(storedTree.path("bootstrap").path("samples").path("auc"))
                .isEqualTo(evaluation.path("bootstrap").path("samples").path("auc"))
                .hasSize(200);
        assertThat(storedTree.path("bootstrap").path("keyDigest")).isEqualTo(evaluation.path("bootstrap").path("keyDigest"));

        Check direct = gate(AUC_RULE, marginal, baseline);
        Check viaStored = gate(AUC_RULE, MetricsDocument.parse("candidate.json", marginal).toJson(), stored);
        assertThat(viaStored.message()).isEqualTo(direct.message());
        assertThat(viaStored.details()).isEqualTo(direct.details());
        assertThat(MetricsDocument.parse("plain.json", "{\"auc\": 0.9}").hasBootstrap()).isFalse();
    }

    @Test
    void bootstrapIsReservedInPlainDocumentsAndLeftAloneInOtherResultDocuments() {
        assertThatThrownBy(() -> MetricsDocument.parse("metrics.json", "{\"auc\": 0.9, \"bootstrap\": 3}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("metrics.json: bootstrap: expected the bootstrap replicates of an evaluation "
                        + "(an object with method, seed, samples, ...), got 3");
        assertThatThrownBy(() -> MetricsDocument.parse("train.json",
                "{\"schema\": \"mlcicd/training/v1\", \"kind\": \"training\", \"metrics\": {\"bootstrap\": 1}}"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("train.json: metrics.bootstrap: 'bootstrap' is reserved for bootstrap replicates; rename the metric");
        MetricsDocument training = MetricsDocument.parse("train.json",
                "{\"schema\": \"mlcicd/training/v1\", \"kind\": \"training\", \"metrics\": {\"auc\": 0.9}, \"bootstrap\": true}");
        assertThat(training.hasBootstrap()).isFalse();
        assertThat(training.metricNames()).containsExactly("auc");
    }

    @Test
    void ruleInvariantsHoldOutsideThePolicyReaderToo() {
        assertThatThrownBy(() -> new GateRule("r", "auc", true, 0.8, null, null, null, false, 0.95, null,
                SliceSelection.OVERALL, Severity.FAILURE, OnMissing.FAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence needs a baseline bound");
        assertThatThrownBy(() -> new GateRule("r", "auc", true, null, null, 0.01, null, false, 1.0, null,
                SliceSelection.OVERALL, Severity.FAILURE, OnMissing.FAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence must be in (0, 1)");
        assertThatThrownBy(() -> new GateRule("r", "auc", true, null, null, 0.01, null, false, 0.9, null,
                SliceSelection.ALL, Severity.FAILURE, OnMissing.FAIL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overall metrics only");
    }

    // ---------------------------------------------------------------- exact numbers on hand-made replicates

    /** Each of the five hand-made replicates 60 times: 300, enough for every interval below (5 beyond each end). */
    private static String doc(String metric, double value, String samples) {
        String five = samples.substring(1, samples.length() - 1);
        String repeated = "[" + String.join(", ", java.util.Collections.nCopies(60, five)) + "]";
        return """
                {"%s": %s, "bootstrap": {"method": "poisson", "replicates": 300, "seed": 7, "rowKey": "id:id",
                 "keyDigest": "5-abc", "samples": {"%s": %s}}}""".formatted(metric, value, metric, repeated);
    }

    @Test
    void messageShowsThePointDeltaTheIntervalAndWhatIsNeeded() {
        // Paired differences 0.002, 0.002, 0.007, 0.012, 0.012: the 2.5% and 97.5% quantiles are 0.002 and 0.012.
        String candidate = doc("auc", 0.912, "[0.912, 0.915, 0.910, 0.920, 0.905]");
        String base = doc("auc", 0.905, "[0.910, 0.913, 0.903, 0.908, 0.893]");
        Check failed = gate("rules: [{metric: auc, minImprovement: 0.005, confidence: 0.95}]", candidate, base);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.message()).isEqualTo("auc 0.912 vs baseline 0.905: +0.007, 95% CI of the paired difference "
                + "[+0.002, +0.012], needs ≥ +0.005 with 95% confidence");
        assertThat(detail(failed, "lower")).isCloseTo(0.002, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(detail(failed, "upper")).isCloseTo(0.012, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(failed.details().get("replicates")).isEqualTo(300);

        Check passed = gate("rules: [{metric: auc, maxRegression: 0.005, confidence: 0.95}]", candidate, base);
        assertThat(passed.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(passed.message()).endsWith("[+0.002, +0.012], meets ≥ −0.005 with 95% confidence");
    }

    @ParameterizedTest
    @CsvSource({
        // differences −0.03, −0.02, −0.02, +0.01, +0.03; the bound is 5% of 0.42 = +0.021 on candidate − baseline
        "0.95, FAILED, '[−0.03, +0.03], needs ≤ +5% (+0.021) with 95% confidence'",
        "0.5,  PASSED, '[−0.02, +0.01], meets ≤ +5% (+0.021) with 50% confidence'",
    })
    void relativeBoundsApplyTheFractionToTheBaselinePointEstimate(double level, Verdict verdict, String ending) {
        String candidate = doc("log_loss", 0.40, "[0.39, 0.40, 0.41, 0.43, 0.45]");
        String base = doc("log_loss", 0.42, "[0.42, 0.42, 0.43, 0.42, 0.42]");
        Check check = gate("rules: [{metric: log_loss, maxRegression: 0.05, relative: true, confidence: " + level + "}]",
                candidate, base);
        assertThat(check.verdict()).isEqualTo(verdict);
        assertThat(check.message()).startsWith("log_loss 0.4 vs baseline 0.42: −0.02 (−4.76%), " + (int) (level * 100)
                + "% CI of the paired difference ").endsWith(ending);
    }

    @Test
    void replicatesUndefinedOnEitherSideAreLeftOutAndAllUndefinedIsInconclusive() {
        String candidate = doc("auc", 0.912, "[NaN, 0.915, 0.910, null, 0.905]");
        String base = doc("auc", 0.905, "[0.910, 0.913, 0.903, 0.908, null]");
        Check some = gate("rules: [{metric: auc, maxRegression: 0.01, confidence: 0.9}]", candidate, base);
        assertThat(some.details().get("replicates")).isEqualTo(120);
        assertThat(some.verdict()).isEqualTo(Verdict.PASSED);

        Check none = gate("rules: [{metric: auc, maxRegression: 0.01, confidence: 0.9}]", candidate,
                doc("auc", 0.905, "[null, null, null, null, null]"));
        assertThat(none.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(none.details().get("reason")).isEqualTo("auc is undefined in every bootstrap replicate");

        Check noSamples = gate("rules: [{metric: brier, maxRegression: 0.01, confidence: 0.9}]",
                "{\"brier\": 0.1, " + candidate.substring(candidate.indexOf("\"bootstrap\"")),
                "{\"brier\": 0.1, " + base.substring(base.indexOf("\"bootstrap\"")));
        assertThat(noSamples.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(noSamples.details().get("reason")).isEqualTo("brier is not in both evaluations (or has no bootstrap samples)");
    }

    @Test
    void aNaNReplicateReadsAsUndefinedAndRoundTrips() {
        MetricsDocument document = MetricsDocument.parse("c.json", doc("auc", 0.9, "[NaN, 0.9, 0.91, 0.92, 0.93]"));
        assertThat(document.toJson()).contains("\"auc\" : [ null, 0.9,");
        assertThat(MetricsDocument.parse("stored", document.toJson())).isEqualTo(document);
    }

    // ---------------------------------------------------------------- policy validation

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "confidence: 0           | rules[0].confidence: expected a level between 0 and 1 (exclusive), e.g. 0.95, got 0",
        "confidence: 1           | rules[0].confidence: expected a level between 0 and 1 (exclusive), e.g. 0.95, got 1",
        "confidence: -0.5        | rules[0].confidence: expected a level between 0 and 1 (exclusive)",
        "confidence: 95          | rules[0].confidence: expected a level between 0 and 1 (exclusive), e.g. 0.95, got 95 (a fraction: 95% is 0.95)",
        "confidence: high        | rules[0].confidence: expected a number, got 'high'",
        "confidence: true        | rules[0].confidence: expected a number, got true",
    })
    void badConfidenceValuesAreBadInputNamingTheKey(String bound, String message) {
        assertThatThrownBy(() -> GatePolicy.parse("gate.yaml", "rules: [{metric: auc, minImprovement: 0.01, " + bound + "}]"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("gate.yaml: " + message);
    }

    @Test
    void confidenceNeedsABaselineBoundOnTheOverallMetrics() {
        assertThatThrownBy(() -> GatePolicy.parse("gate.yaml", "rules: [{metric: auc, atLeast: 0.8, confidence: 0.95}]"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("gate.yaml: rules[0].confidence: applies to minImprovement or maxRegression "
                        + "(the paired difference to the baseline), and the rule has neither");
        for (String slices : List.of("all", "'top:3'", "[country=DE]", "[overall, country=DE]")) {
            assertThatThrownBy(() -> GatePolicy.parse("gate.yaml",
                    "rules: [{metric: auc, maxRegression: 0.01, confidence: 0.95, slices: " + slices + "}]"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("rules[0].confidence: needs bootstrap samples, which evaluations have for the "
                            + "overall metrics only, not for slices")
                    .hasMessageContaining("put confidence on a separate rule without slices");
        }
        GatePolicy policy = GatePolicy.parse("gate.yaml", """
                rules:
                  - {metric: auc, maxRegression: 0.01, confidence: 0.9, slices: [overall]}
                  - {metric: auc, maxRegression: 0.02, slices: all}
                """);
        assertThat(policy.rules().get(0).confidence()).isEqualTo(0.9);
        assertThat(policy.rules().get(1).confidence()).isNull();
    }

    @Test
    void inlinePipelineRulesTakeConfidenceToo() {
        GatePolicy policy = GatePolicy.fromRules("mlGate", List.of(
                Map.of("metric", "auc", "minImprovement", 0.005, "confidence", new java.math.BigDecimal("0.95"))));
        assertThat(policy.rules().get(0).confidence()).isEqualTo(0.95);
        assertThatThrownBy(() -> GatePolicy.fromRules("mlGate", List.of(Map.of("metric", "auc", "minImprovement", 0.005, "confidence", 1.5))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlGate: rules[0].confidence: expected a level between 0 and 1");
    }
}
