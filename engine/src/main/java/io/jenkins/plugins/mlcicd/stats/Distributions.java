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
