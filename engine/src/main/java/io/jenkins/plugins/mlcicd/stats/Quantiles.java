package io.jenkins.plugins.mlcicd.stats;

/**
 * Quantiles of sorted samples with linear interpolation between closest ranks — numpy's
 * default ({@code method='linear'}), so values can be checked against numpy and pandas.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The {@code q}-quantile of {@code sorted} (ascending, no NaN), {@code 0 ≤ q ≤ 1}.
     *
     * @throws IllegalArgumentException for an empty array or q outside [0, 1]
     */
    public static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], was " + q);
        }
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }

    /** Several quantiles of the same sorted sample. */
    public static double[] ofSorted(double[] sorted, double... levels) {
        double[] result = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            result[i] = ofSorted(sorted, levels[i]);
        }
        return result;
    }
}
