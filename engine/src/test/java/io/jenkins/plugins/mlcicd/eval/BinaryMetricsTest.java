package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each metric pinned on cases small enough to compute by hand. */
class BinaryMetricsTest {
    private static MetricValues evaluate(double[] y, double[] p, double threshold) {
        return Evaluator.evaluate(Tables.binary(threshold, null, false, false), Tables.table(y, p)).overall();
    }

    private static MetricValues evaluate(double[] y, double[] p) {
        return evaluate(y, p, 0.5);
    }

    @Test
    void aucAndAveragePrecisionOfScikitLearnsDocumentationExample() {
        MetricValues m = evaluate(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertThat(m.get("auc")).isEqualTo(0.75);
        // thresholds 0.8: P=1, R=.5; 0.4: P=2/3 (R unchanged); 0.35: P=2/3, R=1 → .5·1 + .5·2/3
        assertThat(m.get("pr_auc")).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-15));
        assertThat(m.get("count")).isEqualTo(4);
        assertThat(m.get("positives")).isEqualTo(2);
    }

    @Test
    void tiedScoresCountHalfInAucAndOneThresholdInAveragePrecision() {
        // positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs 0.5 (tie) + 1 + 1 + 1 of 4
        MetricValues m = evaluate(new double[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9});
        assertThat(m.get("auc")).isEqualTo(3.5 / 4);
        // threshold 0.9: P=1, R=.5; threshold 0.5 (both tied rows at once): P=2/3, R=1
        assertThat(m.get("pr_auc")).isCloseTo(0.5 * 1 + 0.5 * 2 / 3.0, within(1e-15));
    }

    @Test
    void allEqualScoresGiveChanceAucPrevalenceAndNoCalibrationFit() {
        MetricValues m = evaluate(new double[] {1, 0, 1, 0, 0}, new double[] {0.3, 0.3, 0.3, 0.3, 0.3});
        assertThat(m.get("auc")).isEqualTo(0.5);
        assertThat(m.get("pr_auc")).isCloseTo(0.4, within(1e-15));
        assertThat(m.get("brier")).isCloseTo((2 * 0.49 + 3 * 0.09) / 5, within(1e-15));
        assertThat(m.get("log_loss")).isCloseTo(-(2 * Math.log(0.3) + 3 * Math.log(0.7)) / 5, within(1e-15));
        assertThat(m.get("ece")).isCloseTo(0.1, within(1e-15)); // one bin: |0.4 − 0.3|
        assertThat(m.undefined()).containsEntry("calibration_slope", "all scores are equal")
                .containsEntry("calibration_intercept", "all scores are equal");
    }

    @Test
    void thresholdIsInclusiveAndZeroDivisionGivesZero() {
        MetricValues m = evaluate(new double[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.4, 0.1});
        assertThat(m.get("accuracy")).isEqualTo(0.5);
        assertThat(m.get("precision")).isEqualTo(0.5);
        assertThat(m.get("recall")).isEqualTo(0.5);
        assertThat(m.get("f1")).isEqualTo(0.5);
        MetricValues none = evaluate(new double[] {1, 0, 1}, new double[] {0.1, 0.2, 0.3});
        assertThat(none.get("precision")).isZero();
        assertThat(none.get("recall")).isZero();
        assertThat(none.get("f1")).isZero();
        assertThat(none.get("accuracy")).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(evaluate(new double[] {1, 0, 1}, new double[] {0.1, 0.2, 0.3}, 0.15).get("recall")).isEqualTo(0.5);
    }

    @Test
    void oneClassLeavesRankingAndCalibrationUndefinedNeverHalf() {
        MetricValues m = evaluate(new double[] {1, 1, 1}, new double[] {0.2, 0.9, 0.5});
        assertThat(m.values()).doesNotContainKeys("auc", "pr_auc", "calibration_slope", "calibration_intercept");
        assertThat(m.undefined()).containsEntry("auc", "only one class present").containsEntry("pr_auc", "only one class present");
        assertThat(m.get("log_loss")).isCloseTo(-(Math.log(0.2) + Math.log(0.9) + Math.log(0.5)) / 3, within(1e-15));
        assertThat(m.get("recall")).isCloseTo(2 / 3.0, within(1e-15));
    }

    @Test
    void logLossClipsToMachineEpsilonLikeScikitLearn() {
        MetricValues m = evaluate(new double[] {1, 0}, new double[] {0.0, 0.0});
        // sklearn: log_loss([1, 0], [0, 0]) = (−log(eps) + −log(1 − eps)) / 2 with eps = 2.220446049250313e-16
        double eps = 2.220446049250313e-16;
        assertThat(m.get("log_loss")).isCloseTo((-Math.log(eps) - Math.log(1 - eps)) / 2, within(1e-12));
        assertThat(BinaryMetrics.rowLogLoss(0, 1)).isCloseTo(36.04365338911715, within(1e-12));
    }

    @Test
    void eceUsesTenEqualWidthBinsWithOneInTheLast() {
        // bin 0: {0.05 → 0}: |0 − 0.05|·1/4; bin 1: {0.15 → 1, 0.15 → 0}: |0.5 − 0.15|·2/4; bin 9: {1.0 → 1}: 0
        MetricValues m = evaluate(new double[] {0, 1, 0, 1}, new double[] {0.05, 0.15, 0.15, 1.0});
        assertThat(m.get("ece")).isCloseTo(0.05 / 4 + 0.35 / 2, within(1e-15));
        assertThat(BinaryMetrics.eceBin(0.0)).isZero();
        assertThat(BinaryMetrics.eceBin(Math.nextDown(0.1))).isZero();
        assertThat(BinaryMetrics.eceBin(0.1)).isEqualTo(1);
        assertThat(BinaryMetrics.eceBin(0.3)).isEqualTo(3);
        assertThat(BinaryMetrics.eceBin(0.7)).isEqualTo(7);
        assertThat(BinaryMetrics.eceBin(0.9)).isEqualTo(9);
        assertThat(BinaryMetrics.eceBin(1.0)).isEqualTo(9);
    }

    @Test
    void calibrationOfTwoScoreLevelsHasAClosedForm() {
        // scores 0.2 and 0.8 (logits ∓ln 4) with observed rates 1/4 and 3/4 (logits ∓ln 3):
        // the fit passes through both points: intercept 0, slope ln 3 / ln 4.
        double[] y = {1, 0, 0, 0, 1, 1, 1, 0};
        double[] p = {0.2, 0.2, 0.2, 0.2, 0.8, 0.8, 0.8, 0.8};
        MetricValues m = evaluate(y, p);
        assertThat(m.get("calibration_slope")).isCloseTo(Math.log(3) / Math.log(4), within(1e-12));
        assertThat(m.get("calibration_intercept")).isCloseTo(0, within(1e-12));
    }

    @Test
    void separatedClassesHaveNoCalibrationFit() {
        MetricValues m = evaluate(new double[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.7, 0.9});
        assertThat(m.get("auc")).isEqualTo(1.0);
        assertThat(m.undefined().get("calibration_slope")).contains("separates the classes");
    }

    @Test
    void topKBreaksTiesAtTheKthScoreByFileOrder() {
        double[] p = {0.9, 0.5, 0.5, 0.5, 0.1};
        MetricValues first = atK(new double[] {0, 0, 1, 1, 1}, p, 2, null);
        assertThat(first.get("precision_at_k")).isZero(); // rows 0 and 1 (first of the tied 0.5s)
        assertThat(first.get("recall_at_k")).isZero();
        MetricValues reordered = atK(new double[] {0, 1, 0, 1, 1}, p, 2, null);
        assertThat(reordered.get("precision_at_k")).isEqualTo(0.5);
        assertThat(reordered.get("recall_at_k")).isCloseTo(1 / 3.0, within(1e-15));
        MetricValues three = atK(new double[] {0, 0, 1, 1, 1}, p, 3, null);
        assertThat(three.get("precision_at_k")).isCloseTo(1 / 3.0, within(1e-15));
    }

    @Test
    void topKWithGroupsIsTheMeanOverGroups() {
        double[] y = {1, 0, 0, 1, 1};
        double[] p = {0.9, 0.2, 0.8, 0.7, 0.1};
        String[] g = {"A", "A", "B", "B", "B"};
        MetricValues k1 = atK(y, p, 1, g);
        assertThat(k1.get("precision_at_k")).isEqualTo(0.5); // A: 1, B: 0
        assertThat(k1.get("recall_at_k")).isEqualTo(0.5); // A: 1/1, B: 0/2
        MetricValues k3 = atK(y, p, 3, g);
        assertThat(k3.get("precision_at_k")).isCloseTo((1 / 2.0 + 2 / 3.0) / 2, within(1e-15)); // A has only 2 rows
        assertThat(k3.get("recall_at_k")).isEqualTo(1.0);
        MetricValues noPositives = atK(new double[] {0, 0}, new double[] {0.3, 0.4}, 1, null);
        assertThat(noPositives.get("precision_at_k")).isZero();
        assertThat(noPositives.undefined()).containsEntry("recall_at_k", "no positives");
    }

    private static MetricValues atK(double[] y, double[] p, int k, String[] groups) {
        return Evaluator.evaluate(Tables.binary(0.5, k, groups != null, false),
                Tables.table(y, p, groups, null, List.of())).overall();
    }

    @Test
    void fairnessDifferencesAreMaxMinusMinAcrossGroups() {
        double[] y = {1, 1, 1, 0, 0};
        double[] p = {0.9, 0.2, 0.6, 0.7, 0.1};
        String[] s = {"F", "F", "M", "M", "M"};
        Evaluation e = Evaluator.evaluate(Tables.binary(0.5, null, false, true), Tables.table(y, p, null, s, List.of()));
        // selection F 1/2, M 2/3; true-positive rate F 1/2, M 1/1
        assertThat(e.overall().get("demographic_parity_difference")).isCloseTo(1 / 6.0, within(1e-15));
        assertThat(e.overall().get("equal_opportunity_difference")).isEqualTo(0.5);
        assertThat(e.fairness().groups().get("M").selectionRate()).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(e.fairness().groups().get("F").truePositiveRate()).isEqualTo(0.5);
        Evaluation noPositivesInM = Evaluator.evaluate(Tables.binary(0.5, null, false, true),
                Tables.table(new double[] {1, 0, 0}, new double[] {0.9, 0.8, 0.1}, null, new String[] {"F", "M", "M"}, List.of()));
        assertThat(noPositivesInM.fairness().groups().get("M").truePositiveRate()).isNull();
        assertThat(noPositivesInM.overall().get("equal_opportunity_difference")).isZero();
    }

    @Test
    void rowLevelPathAgreesWithTheTwoSortsPath() {
        Random random = new Random(7);
        int n = 5000;
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.3 ? 1 : 0;
            p[i] = Math.round(Math.min(1, Math.max(0, 0.3 + 0.3 * y[i] + random.nextGaussian() * 0.2)) * 50) / 50.0;
        }
        PredictionTable table = Tables.table(y, p);
        ScoreBlocks fast = ScoreBlocks.of(y, p);
        ScoreBlocks rows = ScoreBlocks.of(BinarySample.of(table), null);
        assertThat(rows.size()).isEqualTo(fast.size());
        for (int d = 0; d < fast.size(); d++) {
            assertThat(rows.levels.score[d]).isEqualTo(fast.levels.score[d]);
            assertThat(rows.positives[d]).isEqualTo(fast.positives[d]);
            assertThat(rows.negatives[d]).isEqualTo(fast.negatives[d]);
        }
        BinaryMetrics metrics = new BinaryMetrics(0.5, null);
        assertThat(metrics.compute(rows, null).values()).isEqualTo(metrics.compute(fast, null).values());
    }

    @Test
    void emptyInputLeavesEveryMetricButCountUndefined() {
        MetricValues m = evaluate(new double[0], new double[0]);
        assertThat(m.values()).containsOnlyKeys("count", "positives");
        assertThat(m.undefined()).containsEntry("auc", "no rows").containsEntry("log_loss", "no rows");
    }
}
