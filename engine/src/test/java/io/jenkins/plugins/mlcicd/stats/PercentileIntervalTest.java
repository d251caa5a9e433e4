package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileIntervalTest {
    @Test
    void percentilesOfTheReplicatesLikeNumpy() {
        double[] replicates = new double[101];
        for (int i = 0; i <= 100; i++) {
            replicates[100 - i] = i / 100.0; // unsorted on purpose
        }
        PercentileInterval interval = PercentileInterval.of(replicates, 0.95);
        // numpy.percentile(arange(101)/100, [2.5, 97.5]) = [0.025, 0.975]
        assertThat(interval.lower()).isCloseTo(0.025, within(1e-15));
        assertThat(interval.upper()).isCloseTo(0.975, within(1e-15));
        assertThat(interval.level()).isEqualTo(0.95);
        assertThat(replicates[0]).isEqualTo(1.0); // input untouched
    }

    @Test
    void refusesNaNAndBadLevels() {
        assertThatThrownBy(() -> PercentileInterval.of(new double[] {1, Double.NaN}, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentileInterval.of(new double[] {1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
