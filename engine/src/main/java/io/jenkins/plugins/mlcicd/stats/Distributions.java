package io.jenkins.plugins.mlcicd.stats;

/** Turning counts into proportions, and the distances that need nothing more than proportions. */
public final class Distributions {
    private Distributions() {
    }

    /** counts / total; all zeros when the total is zero. */
    public static double[] proportions(long[] counts) {
        double total = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count");
            }
            total += c;
        }
        double[] p = new double[counts.length];
        if (total > 0) {
            for (int i = 0; i < counts.length; i++) {
                p[i] = counts[i] / total;
            }
        }
        return p;
    }

    /** Proportions with each one raised to at least {@code floor} (not renormalised), as PSI needs. */
    public static double[] flooredProportions(long[] counts, double floor) {
        double[] p = proportions(counts);
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.max(p[i], floor);
        }
        return p;
    }

    /**
     * Proportions with every zero replaced, as Evidently fills empty bins before PSI: by 1e-4, or by a
     * millionth of the smallest non-zero proportion when that is itself ≤ 1e-4 (so the fill stays below
     * every observed proportion). Not renormalised; all zeros stay zeros.
     */
    public static double[] zeroFilledProportions(long[] counts) {
        double[] p = proportions(counts);
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : p) {
            if (v > 0) {
                smallest = Math.min(smallest, v);
            }
        }
        if (smallest == Double.POSITIVE_INFINITY) {
            return p;
        }
        double fill = smallest <= 1e-4 ? smallest / 1e6 : 1e-4;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                p[i] = fill;
            }
        }
        return p;
    }

    /** L-infinity distance max |p_i − q_i| (TFDV's categorical drift measure). */
    public static double lInfinity(double[] p, double[] q) {
        sameLength(p, q);
        double max = 0;
        for (int i = 0; i < p.length; i++) {
            max = Math.max(max, Math.abs(p[i] - q[i]));
        }
        return max;
    }

    static void sameLength(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions have different lengths: " + p.length + " and " + q.length);
        }
    }
}
