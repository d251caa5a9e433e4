package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void matchesNumpyLinearInterpolation() {
        double[] sorted = {1, 2, 3, 4, 10};
        // numpy.quantile([1,2,3,4,10], [0, .1, .5, .9, 1]) = [1, 1.4, 3, 7.6, 10]
        assertThat(Quantiles.ofSorted(sorted, 0, 0.1, 0.5, 0.9, 1))
                .containsExactly(new double[] {1, 1.4, 3, 7.6, 10}, within(1e-12));
    }

    @Test
    void singleValueAndBadLevels() {
        assertThat(Quantiles.ofSorted(new double[] {5}, 0.3)).isEqualTo(5);
        assertThatThrownBy(() -> Quantiles.ofSorted(new double[0], 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantiles.ofSorted(new double[] {1}, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
