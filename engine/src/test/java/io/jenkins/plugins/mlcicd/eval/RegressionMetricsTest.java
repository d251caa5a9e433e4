package io.jenkins.plugins.mlcicd.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegressionMetricsTest {
    private static MetricValues evaluate(double[] y, double[] p) {
        return Evaluator.evaluate(Tables.regression(), Tables.table(y, p)).overall();
    }

    @Test
    void handComputedErrors() {
        // errors 0, 0, −2: squared 4, absolute 2; labels mean 2, total sum of squares 2
        MetricValues m = evaluate(new double[] {1, 2, 3}, new double[] {1, 2, 5});
        assertThat(m.get("count")).isEqualTo(3);
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt(4 / 3.0), within(1e-15));
        assertThat(m.get("mae")).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(m.get("r2")).isCloseTo(-1, within(1e-15));
        assertThat(m.get("mean_prediction")).isCloseTo(8 / 3.0, within(1e-15));
        assertThat(m.get("mean_label")).isEqualTo(2);
    }

    @Test
    void perfectPredictionsAndConstantLabels() {
        assertThat(evaluate(new double[] {1, 2}, new double[] {1, 2}).get("r2")).isEqualTo(1);
        MetricValues constant = evaluate(new double[] {2, 2}, new double[] {1, 3});
        assertThat(constant.undefined()).containsEntry("r2", "labels are constant");
        assertThat(constant.get("rmse")).isEqualTo(1);
    }

    @Test
    void compensatedSumsKeepLargeOffsetsExact() {
        int n = 100_000;
        double[] y = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 1e8 + (i % 2);
            p[i] = 1e8;
        }
        MetricValues m = evaluate(y, p);
        assertThat(m.get("mae")).isEqualTo(0.5);
        assertThat(m.get("mean_label")).isEqualTo(1e8 + 0.5);
        assertThat(m.get("r2")).isCloseTo(1 - 0.5 / 0.25, within(1e-12));
    }
}
