package io.jenkins.plugins.mlcicd.stats;

import java.util.Arrays;

/**
 * Mann–Whitney U test of two independent samples, with the normal approximation corrected for ties
 * and for continuity (as {@code scipy.stats.mannwhitneyu(x, y, method='asymptotic')}), and its effect
 * sizes: the common-language effect size P(X &gt; Y) + ½·P(X = Y) and the rank-biserial correlation.
 * A canary judge compares the canary's samples (x) with the baseline's (y) over a stage, as Kayenta's
 * judge does; the effect size says whether a significant difference is also a large one.
 */
public final class MannWhitney {
    /**
     * @param u              U of the first sample: the number of pairs (x, y) with x &gt; y, ties counting ½
     * @param z              the standardised U (continuity-corrected towards 0)
     * @param pGreater       one-sided p-value of "x tends to be greater than y"
     * @param pLess          one-sided p-value of "x tends to be less than y"
     * @param pTwoSided      two-sided p-value
     * @param commonLanguage U / (n₁n₂): the probability that a random x exceeds a random y (ties ½)
     * @param rankBiserial   2·commonLanguage − 1, in [−1, 1]; 0 is no effect
     */
    public record Result(double u, double z, double pGreater, double pLess, double pTwoSided,
                         double commonLanguage, double rankBiserial, int n1, int n2) {
    }

    private MannWhitney() {
    }

    /** The test; NaN values are not allowed, both samples need at least one value. */
    public static Result test(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("Mann-Whitney needs two non-empty samples");
        }
        double[][] all = new double[n1 + n2][];
        for (int i = 0; i < n1; i++) {
            all[i] = new double[] {checked(x[i]), 0};
        }
        for (int i = 0; i < n2; i++) {
            all[n1 + i] = new double[] {checked(y[i]), 1};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double rankSumX = 0;
        double tieTerm = 0; // Σ (t³ − t) over groups of ties
        int n = n1 + n2;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average rank of the tie group, 1-based
            int t = j - i + 1;
            tieTerm += (double) t * t * t - t;
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 0) {
                    rankSumX += rank;
                }
            }
            i = j + 1;
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        double mean = n1 * (double) n2 / 2.0;
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
        double pGreater;
        double pLess;
        double z;
        if (variance <= 0) {
            // every value equal: no evidence either way
            z = 0;
            pGreater = 1;
            pLess = 1;
        } else {
            double sd = Math.sqrt(variance);
            z = continuity(u - mean) / sd;
            pGreater = upperNormalTail((u - mean - 0.5) / sd);
            pLess = upperNormalTail((mean - u - 0.5) / sd);
        }
        double pTwo = Math.min(1, 2 * Math.min(pGreater, pLess));
        double commonLanguage = u / (n1 * (double) n2);
        return new Result(u, z, Math.min(1, pGreater), Math.min(1, pLess), pTwo, commonLanguage,
                2 * commonLanguage - 1, n1, n2);
    }

    private static double continuity(double d) {
        return d > 0 ? Math.max(0, d - 0.5) : Math.min(0, d + 0.5);
    }

    private static double checked(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("Mann-Whitney: NaN in a sample");
        }
        return value;
    }

    /** P(Z &gt; z) of the standard normal, via erfc(z/√2) = Q(½, z²/2). */
    static double upperNormalTail(double z) {
        if (z == 0) {
            return 0.5;
        }
        double half = Gamma.regularizedQ(0.5, z * z / 2) / 2;
        return z > 0 ? half : 1 - half;
    }
}
