package io.jenkins.plugins.mlcicd.stats;

/**
 * First Wasserstein distance between two 1-D samples, {@code scipy.stats.wasserstein_distance(u, v)}
 * (unweighted): the area between their empirical CDFs.
 */
public final class Wasserstein {
    private Wasserstein() {
    }

    public static double distance(double[] u, double[] v) {
        if (u.length == 0 || v.length == 0) {
            throw new IllegalArgumentException("Wasserstein distance needs two non-empty samples");
        }
        double[] a = KolmogorovSmirnov.sortedWithoutNaN(u);
        double[] b = KolmogorovSmirnov.sortedWithoutNaN(v);
        EcdfComparison comparison = new EcdfComparison(a.length, b.length);
        comparison.addSorted(a, b);
        return comparison.wasserstein();
    }

    /**
     * The distance divided by the reference's standard deviation (Evidently's normed Wasserstein),
     * so one threshold fits features of any scale. {@code referenceStd} is the population standard
     * deviation (numpy's default, ddof = 0), floored at {@value #MIN_NORM} as Evidently does so a
     * constant reference does not divide by zero.
     */
    public static double normed(double distance, double referenceStd) {
        return distance / Math.max(referenceStd, MIN_NORM);
    }

    /** Smallest standard deviation used as the norm. */
    public static final double MIN_NORM = 0.001;
}
