package io.jenkins.plugins.mlcicd.stats;

import java.util.Arrays;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as {@code scipy.stats.ks_2samp(a, b, method='auto')}:
 * the statistic is the largest distance between the two empirical CDFs; the p-value is exact (the
 * lattice-path count of Hodges) when both samples have at most {@value #MAX_EXACT_N} values, otherwise
 * the one-sample Kolmogorov distribution at n = round(n₁n₂/(n₁+n₂)).
 */
public final class KolmogorovSmirnov {
    /** scipy's {@code MAX_AUTO_N}: above this sample size 'auto' switches to the asymptotic p-value. */
    public static final int MAX_EXACT_N = 10_000;

    /** How the p-value was obtained. */
    public enum Method {
        EXACT, ASYMPTOTIC
    }

    /**
     * @param statistic sup |F₁ − F₂|
     * @param pValue    probability of a statistic at least this large if both samples come from one distribution
     * @param method    exact or asymptotic, as scipy's 'auto' chooses
     */
    public record Result(double statistic, double pValue, Method method) {
    }

    private KolmogorovSmirnov() {
    }

    /** The test on two samples; NaN values are not allowed. */
    public static Result twoSample(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("Kolmogorov-Smirnov needs two non-empty samples");
        }
        double[] x = sortedWithoutNaN(a);
        double[] y = sortedWithoutNaN(b);
        return fromStatistic(x.length, y.length, statistic(x, y));
    }

    /** sup |F₁ − F₂| of two ascending samples. */
    public static double statistic(double[] sortedA, double[] sortedB) {
        EcdfComparison comparison = new EcdfComparison(sortedA.length, sortedB.length);
        comparison.addSorted(sortedA, sortedB);
        return comparison.ksStatistic();
    }

    /** The p-value of statistic {@code d} for sample sizes n₁ and n₂ (scipy's 'auto' method). */
    public static Result fromStatistic(long n1, long n2, double d) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("sample sizes must be positive");
        }
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            Result exact = exact(n1, n2, d);
            if (exact != null) {
                return exact;
            }
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        long en = Math.round(m * n / (m + n));
        return new Result(d, KolmogorovDistribution.survival(Math.max(en, 1), d), Method.ASYMPTOTIC);
    }

    /** Exact p-value, or null when the computation fails numerically (scipy then falls back too). */
    private static Result exact(long n1, long n2, double d) {
        long g = gcd(n1, n2);
        long lcm = (n1 / g) * n2;
        long h = Math.round(d * lcm);
        double rounded = (double) h / lcm;
        if (h == 0) {
            return new Result(rounded, 1.0, Method.EXACT);
        }
        double p = n1 == n2 ? probabilityOutsideSquare(n1, h) : probabilityOutside(n1, n2, g, h);
        if (!(p >= 0 && p <= 1) || Double.isNaN(p)) {
            return null;
        }
        return new Result(rounded, p, Method.EXACT);
    }

    /** P(D_{n,n} ≥ h/n), alternating series in Horner form to avoid cancellation. */
    static double probabilityOutsideSquare(long n, long h) {
        double p = 0;
        for (long k = n / h; k >= 0; k--) {
            double term = 1;
            for (long j = 0; j < h; j++) {
                term = (n - k * h - j) * term / (n + k * h + j + 1);
            }
            p = term * (1 - p);
        }
        return 2 * p;
    }

    /**
     * 1 − (fraction of lattice paths from (0,0) to (m,n) staying strictly inside |x/m − y/n| &lt; h/lcm),
     * computed directly as a probability column by column (Hodges; Viehmann's stable recursion).
     */
    static double probabilityOutside(long n1, long n2, long g, long h) {
        long m = Math.max(n1, n2);
        long n = Math.min(n1, n2);
        long mg = m / g;
        long ng = n / g;
        int minJ = 0;
        int maxJ = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
        int currentLength = maxJ - minJ;
        int length = (int) Math.min(2L * maxJ + 2, n + 1);
        double[] a = new double[length];
        Arrays.fill(a, 1.0);
        Arrays.fill(a, minJ, maxJ, 0.0);
        for (long i = 1; i <= m; i++) {
            int lastMinJ = minJ;
            int lastLength = currentLength;
            minJ = (int) Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minJ = (int) Math.min(minJ, n);
            maxJ = (int) Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxJ <= minJ) {
                return 1.0;
            }
            double value = minJ == 0 ? 0.0 : 1.0;
            for (int jj = 0; jj < maxJ - minJ; jj++) {
                int j = jj + minJ;
                value = (a[jj + minJ - lastMinJ] * i + value * j) / (i + j);
                a[jj] = value;
            }
            currentLength = maxJ - minJ;
            if (lastLength > currentLength) {
                Arrays.fill(a, maxJ - minJ, maxJ - minJ + (lastLength - currentLength), 1.0);
            }
        }
        return a[maxJ - minJ - 1];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    static double[] sortedWithoutNaN(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        Arrays.sort(sorted);
        return sorted;
    }
}
