package io.jenkins.plugins.mlcicd.stats;

/**
 * Comparisons of computed doubles that forgive rounding: {@code 0.915 + 0.005} is not exactly
 * {@code 0.92} in binary floating point, and a gate must not flip on the last bit. The slack is
 * relative to the magnitude of the operands that went into the comparison, so it is far below
 * any difference a metric can meaningfully have.
 */
public final class Tolerance {
    /** Relative slack: about 4500 ulps, far below any meaningful metric difference. */
    public static final double RELATIVE = 1e-12;

    private Tolerance() {
    }

    /**
     * Whether {@code value ≥ bound}, allowing a slack of {@link #RELATIVE} times the largest of
     * {@code |value|}, {@code |bound|} and {@code scale} (the magnitude of the operands {@code bound}
     * was computed from, e.g. a baseline it was derived from).
     */
    public static boolean atLeast(double value, double bound, double scale) {
        if (Double.isNaN(value) || Double.isNaN(bound)) {
            return false;
        }
        if (value >= bound) {
            return true;
        }
        return value >= bound - slack(value, bound, scale);
    }

    /** Whether {@code value ≤ bound}, with the slack of {@link #atLeast}. */
    public static boolean atMost(double value, double bound, double scale) {
        if (Double.isNaN(value) || Double.isNaN(bound)) {
            return false;
        }
        if (value <= bound) {
            return true;
        }
        return value <= bound + slack(value, bound, scale);
    }

    private static double slack(double value, double bound, double scale) {
        double magnitude = Math.max(Math.abs(scale), Math.max(Math.abs(value), Math.abs(bound)));
        return Double.isInfinite(magnitude) ? 0 : RELATIVE * magnitude;
    }
}
