package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void roundingInTheLastBitsDoesNotFlipAComparison() {
        double bound = 0.81 + 0.005;
        assertThat(0.815 >= bound).as("premise: plain double comparison is off by rounding").isFalse();
        assertThat(Tolerance.atLeast(0.815, bound, 0.81)).isTrue();
        assertThat(Tolerance.atMost(0.3 - 0.1, 0.2, 0.3)).isTrue();
        assertThat(0.3 - 0.1 <= 0.2 || 0.1 + 0.2 > 0.3).isTrue();
        assertThat(Tolerance.atMost(0.1 + 0.2, 0.3, 0)).isTrue();
    }

    @Test
    void realDifferencesAreNotForgiven() {
        assertThat(Tolerance.atLeast(0.9199999, 0.92, 1)).isFalse();
        assertThat(Tolerance.atMost(1e-9, 0, 0)).isFalse();
        assertThat(Tolerance.atLeast(1000.0, 1000.000001, 1000)).isFalse();
        assertThat(Tolerance.atLeast(Double.NaN, 0, 0)).isFalse();
        assertThat(Tolerance.atMost(0, Double.NaN, 0)).isFalse();
        assertThat(Tolerance.atMost(Double.POSITIVE_INFINITY, 1e308, 0)).isFalse();
        assertThat(Tolerance.atLeast(Double.POSITIVE_INFINITY, 1e308, 0)).isTrue();
    }
}
