package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {
    /** Reference: scipy.stats.mannwhitneyu(x, y, method='asymptotic', alternative=...), scipy 1.x. */
    @Test
    void matchesScipyWithTies() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {3, 4, 5, 6, 7, 8, 9};
        MannWhitney.Result r = MannWhitney.test(x, y);
        assertThat(r.u()).isEqualTo(8.0);
        assertThat(r.pGreater()).isCloseTo(0.9737649202302479, within(1e-9));
        assertThat(r.pLess()).isCloseTo(0.036278479901612794, within(1e-9));
        assertThat(r.pTwoSided()).isCloseTo(0.07255695980322559, within(1e-9));
        assertThat(r.commonLanguage()).isCloseTo(8.0 / 42, within(1e-12));
        assertThat(r.rankBiserial()).isCloseTo(2 * 8.0 / 42 - 1, within(1e-12));
    }

    @Test
    void separatedSamplesHaveTheExtremeEffectSize() {
        MannWhitney.Result r = MannWhitney.test(new double[] {10, 11, 12, 13, 14}, new double[] {1, 2, 3, 4, 5});
        assertThat(r.u()).isEqualTo(25.0);
        assertThat(r.commonLanguage()).isEqualTo(1.0);
        assertThat(r.pGreater()).isLessThan(0.01);
        assertThat(r.pLess()).isGreaterThan(0.99);
    }

    @Test
    void identicalValuesGiveNoEvidence() {
        MannWhitney.Result r = MannWhitney.test(new double[] {1, 1, 1}, new double[] {1, 1});
        assertThat(r.pGreater()).isEqualTo(1.0);
        assertThat(r.pTwoSided()).isEqualTo(1.0);
        assertThat(r.commonLanguage()).isEqualTo(0.5);
    }

    @Test
    void normalTailIsAccurate() {
        assertThat(MannWhitney.upperNormalTail(1.959963984540054)).isCloseTo(0.025, within(1e-12));
        assertThat(MannWhitney.upperNormalTail(-1)).isCloseTo(0.8413447460685429, within(1e-12));
    }

    @Test
    void refusesEmptyOrNaN() {
        assertThatThrownBy(() -> MannWhitney.test(new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MannWhitney.test(new double[] {Double.NaN}, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }
}
