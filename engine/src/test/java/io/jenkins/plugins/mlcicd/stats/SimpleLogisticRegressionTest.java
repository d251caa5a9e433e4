package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimpleLogisticRegressionTest {
    @Test
    void twoLevelsAreFittedExactly() {
        // rates 1/4 at x = −1 and 9/10 at x = 1: a − b = logit(1/4), a + b = logit(9/10)
        var fit = SimpleLogisticRegression.fit(new double[] {-1, 1}, new long[] {1, 9}, new long[] {3, 1}, 2, 0, 1).orElseThrow();
        double low = Math.log(1 / 3.0);
        double high = Math.log(9);
        assertThat(fit.intercept()).isCloseTo((low + high) / 2, within(1e-12));
        assertThat(fit.slope()).isCloseTo((high - low) / 2, within(1e-12));
    }

    @Test
    void badStartingPointStillConvergesByStepHalving() {
        var fit = SimpleLogisticRegression.fit(new double[] {-3, -1, 0, 2, 5}, new long[] {0, 1, 3, 2, 9},
                new long[] {4, 3, 3, 1, 1}, 5, 30, -20);
        assertThat(fit).isPresent();
        var fromZero = SimpleLogisticRegression.fit(new double[] {-3, -1, 0, 2, 5}, new long[] {0, 1, 3, 2, 9},
                new long[] {4, 3, 3, 1, 1}, 5, 0, 0).orElseThrow();
        assertThat(fit.get().slope()).isCloseTo(fromZero.slope(), within(1e-10));
    }

    @Test
    void noFiniteFitForSeparationOneOutcomeOrConstantX() {
        assertThat(SimpleLogisticRegression.fit(new double[] {-1, 1}, new long[] {0, 5}, new long[] {5, 0}, 2, 0, 1)).isEmpty();
        assertThat(SimpleLogisticRegression.fit(new double[] {-1, 1}, new long[] {2, 5}, new long[] {0, 0}, 2, 0, 1)).isEmpty();
        assertThat(SimpleLogisticRegression.fit(new double[] {3}, new long[] {2}, new long[] {5}, 1, 0, 1)).isEmpty();
    }
}
