package io.jenkins.plugins.mlcicd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-checkable cases of each statistic; SciPy agreement on larger data is DriftCrossCheckTest's job. */
class DriftStatisticsTest {
    @Test
    void gammaFunctionsHitKnownValues() {
        assertThat(Gamma.logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(Gamma.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-13));
        assertThat(Gamma.logGamma(171.5)).isCloseTo(709.1431630309283, within(1e-9));
        // P(1, x) = 1 − e^{−x}; Q(a, x) tiny stays accurate (no 1 − P cancellation)
        assertThat(Gamma.regularizedP(1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-15));
        assertThat(Gamma.regularizedQ(1, 50)).isCloseTo(Math.exp(-50), within(1e-30));
        assertThat(Gamma.regularizedP(3, 0)).isZero();
        assertThat(Gamma.regularizedQ(3, Double.POSITIVE_INFINITY)).isZero();
        assertThatThrownBy(() -> Gamma.regularizedP(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chiSquareOfIndependenceAndItsEdgeCases() {
        // 2x2 without correction, by hand: [[10, 20], [20, 10]]
        // expected 15 everywhere, (5^2/15) * 4 = 6.6667, dof 1, p = 0.00982
        ChiSquare.Result r = ChiSquare.contingency(new long[][] {{10, 20}, {20, 10}});
        assertThat(r.statistic()).isCloseTo(20.0 / 3, within(1e-12));
        assertThat(r.dof()).isEqualTo(1);
        assertThat(r.pValue()).isCloseTo(0.009823274507519, within(1e-12));
        assertThat(ChiSquare.twoSample(new long[] {5, 0}, new long[] {7, 0}).pValue()).isEqualTo(1.0);
        assertThat(ChiSquare.survival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void binsCountEdgesAtOrBelowTheValue() {
        double[] edges = {1, 1, 2};
        assertThat(Histograms.binIndex(edges, 0.5)).isZero();
        assertThat(Histograms.binIndex(edges, 1)).isEqualTo(2);
        assertThat(Histograms.binIndex(edges, 2)).isEqualTo(3);
        assertThat(Histograms.counts(new double[] {0, 1, 1.5, 2, Double.NaN}, edges)).containsExactly(1, 0, 2, 1);
        assertThatThrownBy(() -> Histograms.counts(new double[] {1}, new double[] {2, 1}))
                .hasMessageContaining("ascending");
    }

    @Test
    void psiFloorsEmptyBinsAndIsZeroForEqualDistributions() {
        assertThat(Psi.ofCounts(new long[] {10, 20}, new long[] {1, 2})).isCloseTo(0, within(1e-15));
        double expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
        assertThat(Psi.ofCounts(new long[] {5, 5}, new long[] {0, 8})).isCloseTo(expected, within(1e-12));
    }

    @Test
    void zeroFilledPsiFillsOnlyEmptyBinsAsEvidentlyDoes() {
        // Smallest non-zero proportion 0.2 > 1e-4: empty bins become 1e-4, the others stay as they are.
        double expected = (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
        assertThat(Psi.ofCountsZeroFilled(new long[] {5, 5}, new long[] {0, 8})).isCloseTo(expected, within(1e-12));
        // A proportion below 1e-4 is kept (the floored PSI raises it), and the fill drops to a millionth of it.
        double[] filled = Distributions.zeroFilledProportions(new long[] {0, 1, 99_999});
        assertThat(filled[0]).isCloseTo(1e-5 / 1e6, within(1e-20));
        assertThat(filled[1]).isEqualTo(1e-5);
    }

    @Test
    void jensenShannonIsZeroForEqualAndAtItsMaximumForDisjoint() {
        assertThat(JensenShannon.distance(new long[] {1, 2, 3}, new long[] {2, 4, 6})).isCloseTo(0, within(1e-8));
        // Natural log by default: disjoint distributions are √ln 2 apart; in base 2 they are 1 apart.
        assertThat(JensenShannon.distance(new long[] {1, 0}, new long[] {0, 1})).isCloseTo(Math.sqrt(Math.log(2)), within(1e-15));
        assertThat(JensenShannon.distance(new long[] {1, 0}, new long[] {0, 1}, 2)).isCloseTo(1, within(1e-15));
        long[] p = {30, 50, 20};
        long[] q = {10, 40, 50};
        assertThat(JensenShannon.distance(p, q, 2) / JensenShannon.distance(p, q)).isCloseTo(Math.sqrt(1 / Math.log(2)), within(1e-12));
        assertThatThrownBy(() -> JensenShannon.distance(p, q, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Distributions.lInfinity(new double[] {0.5, 0.5}, new double[] {0.2, 0.8})).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void kolmogorovSmirnovExactSmallSamples() {
        // ks_2samp([1,2,3], [4,5,6]): D = 1, exact p = 2 / C(6,3) = 0.1
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSample(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertThat(r.statistic()).isEqualTo(1.0);
        assertThat(r.pValue()).isCloseTo(0.1, within(1e-15));
        assertThat(r.method()).isEqualTo(KolmogorovSmirnov.Method.EXACT);
        KolmogorovSmirnov.Result same = KolmogorovSmirnov.twoSample(new double[] {1, 2}, new double[] {1, 2});
        assertThat(same.statistic()).isZero();
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(KolmogorovSmirnov.fromStatistic(20_000, 30_000, 0.02).method()).isEqualTo(KolmogorovSmirnov.Method.ASYMPTOTIC);
    }

    @Test
    void wassersteinIsTheAreaBetweenCdfs() {
        assertThat(Wasserstein.distance(new double[] {0, 1}, new double[] {1, 2})).isCloseTo(1, within(1e-15));
        assertThat(Wasserstein.distance(new double[] {0, 0, 3}, new double[] {0})).isCloseTo(1, within(1e-15));
        assertThat(Wasserstein.normed(0.5, 0)).isEqualTo(500.0);
        EcdfComparison c = new EcdfComparison(2, 2);
        c.add(1, 1, 0);
        assertThatThrownBy(() -> c.add(1, 0, 1)).hasMessageContaining("ascending");
    }
}
