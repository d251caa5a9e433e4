package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurvesTest {
    @Test
    void rocAndPrVerticesAreExactOnASmallSample() {
        // Scores descending: 0.9(1) 0.8(0) 0.7(1) 0.7(0) 0.2(0)
        double[] y = {1, 0, 1, 0, 0};
        double[] p = {0.9, 0.8, 0.7, 0.7, 0.2};
        ObjectNode curves = Curves.of(ScoreBlocks.of(y, p));
        assertThat(doubles(curves.at("/roc/fpr"))).containsExactly(0, 0, 1.0 / 3, 2.0 / 3, 1);
        assertThat(doubles(curves.at("/roc/tpr"))).containsExactly(0, 0.5, 0.5, 1, 1);
        assertThat(doubles(curves.at("/pr/recall"))).containsExactly(0.5, 1);
        assertThat(doubles(curves.at("/pr/precision"))).containsExactly(1, 0.5);
        assertThat(doubles(curves.at("/scores/positives"))).hasSize(Curves.SCORE_BINS);
        assertThat(curves.at("/scores/positives/18").asLong()).isEqualTo(1); // 0.9 in [0.9, 0.95)
        assertThat(curves.at("/calibration/count/7").asLong()).isEqualTo(2); // 0.7, 0.7
        assertThat(curves.at("/calibration/fractionPositive/7").asDouble()).isEqualTo(0.5);
        assertThat(curves.at("/calibration/meanScore/0").isNull()).as("an empty bin has no point").isTrue();
    }

    @Test
    void manyDistinctScoresAreThinnedToTwoHundredExactVerticesWithBothEnds() {
        Random random = new Random(3);
        int n = 5000;
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextDouble() < 0.4 ? 1 : 0;
            p[i] = Math.min(1, Math.max(0, 0.5 + (y[i] - 0.5) * 0.4 + random.nextGaussian() * 0.25));
        }
        ScoreBlocks blocks = ScoreBlocks.of(y, p);
        ObjectNode curves = Curves.of(blocks);
        double[] fpr = doubles(curves.at("/roc/fpr"));
        double[] tpr = doubles(curves.at("/roc/tpr"));
        assertThat(fpr).hasSize(Curves.MAX_POINTS);
        assertThat(doubles(curves.at("/pr/recall"))).hasSize(Curves.MAX_POINTS);
        assertThat(fpr[0]).isZero();
        assertThat(tpr[0]).isZero();
        assertThat(fpr[fpr.length - 1]).isEqualTo(1);
        assertThat(tpr[tpr.length - 1]).isEqualTo(1);
        double area = 0;
        for (int i = 1; i < fpr.length; i++) {
            assertThat(fpr[i]).isGreaterThanOrEqualTo(fpr[i - 1]);
            assertThat(tpr[i]).isGreaterThanOrEqualTo(tpr[i - 1]);
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        double auc = new BinaryMetrics(0.5, null).compute(blocks, null).get(MetricNames.AUC);
        assertThat(area).as("the thinned curve's area stays close to the exact AUC").isCloseTo(auc, within(0.002));
    }

    @Test
    void oneClassHasNoRocButStillCalibrationAndScores() {
        ObjectNode curves = Curves.of(ScoreBlocks.of(new double[] {1, 1}, new double[] {0.2, 0.6}));
        assertThat(curves.has("roc")).isFalse();
        assertThat(curves.has("calibration")).isTrue();
        assertThat(curves.has("scores")).isTrue();
        assertThat(Curves.of(ScoreBlocks.of(new double[0], new double[0]))).isNull();
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
