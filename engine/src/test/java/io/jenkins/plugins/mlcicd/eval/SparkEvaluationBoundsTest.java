package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The error bounds of binned AUC and PR-AUC hold: for random samples, the exact metrics of the rows (any order
 * within a bin) stay within the bound of the value computed from the bins.
 */
class SparkEvaluationBoundsTest {
    @RepeatedTest(20)
    void binnedAucAndAveragePrecisionStayWithinTheirBounds(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int n = 50 + random.nextInt(400);
        int bins = 2 + random.nextInt(12);
        double[] labels = new double[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(1000) / 999.0;
            labels[i] = random.nextDouble() < 0.2 + 0.6 * scores[i] ? 1 : 0;
        }
        BinaryMetrics metrics = new BinaryMetrics(0.5, null);
        MetricValues exact = metrics.compute(ScoreBlocks.of(labels, scores), null);
        // bins as SparkEvaluation makes them: equal width, each at its mean score
        double[] sum = new double[bins];
        long[] count = new long[bins];
        long[] positives = new long[bins];
        for (int i = 0; i < n; i++) {
            int b = Math.min((int) Math.floor(scores[i] * bins), bins - 1);
            sum[b] += scores[i];
            count[b]++;
            positives[b] += (long) labels[i];
        }
        int used = 0;
        for (long c : count) {
            used += c > 0 ? 1 : 0;
        }
        double[] level = new double[used];
        long[] ones = new long[used];
        long[] zeros = new long[used];
        for (int b = 0, j = 0; b < bins; b++) {
            if (count[b] > 0) {
                level[j] = sum[b] / count[b];
                ones[j] = positives[b];
                zeros[j] = count[b] - positives[b];
                j++;
            }
        }
        ScoreBlocks binned = new ScoreBlocks(new ScoreLevels(level, used), ones, zeros);
        MetricValues approximate = metrics.compute(binned, null);
        if (exact.get(MetricNames.AUC) == null) {
            return;
        }
        assertThat(Math.abs(approximate.get(MetricNames.AUC) - exact.get(MetricNames.AUC)))
                .isLessThanOrEqualTo(SparkEvaluation.aucBound(binned) + 1e-12);
        assertThat(Math.abs(approximate.get(MetricNames.PR_AUC) - exact.get(MetricNames.PR_AUC)))
                .isLessThanOrEqualTo(SparkEvaluation.prAucBound(binned) + 1e-12);
    }

    @Test
    void oneScorePerBinHasNoErrorOnlyTiesWithinABinDo() {
        ScoreBlocks separated = new ScoreBlocks(new ScoreLevels(new double[] {0.1, 0.9}, 2), new long[] {0, 3}, new long[] {4, 0});
        assertThat(SparkEvaluation.aucBound(separated)).isZero();
        assertThat(SparkEvaluation.prAucBound(separated)).isZero();
        ScoreBlocks mixed = new ScoreBlocks(new ScoreLevels(new double[] {0.5}, 1), new long[] {2}, new long[] {2});
        assertThat(SparkEvaluation.aucBound(mixed)).isEqualTo(0.5);
        // precision of a positive: between 1/3 (first positive after both negatives) and 1 (both positives first)
        assertThat(SparkEvaluation.prAucBound(mixed)).isEqualTo(1 - 1 / 3.0);
    }
}
