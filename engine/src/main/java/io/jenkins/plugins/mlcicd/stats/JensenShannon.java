package io.jenkins.plugins.mlcicd.stats;

/**
 * Jensen–Shannon distance — the square root of the divergence — as
 * {@code scipy.spatial.distance.jensenshannon(p, q, base)}: both vectors are normalised to sum 1 and
 * 0 · log 0 counts as 0. The natural log by default (SciPy's and Evidently's default, so the customary
 * 0.1 threshold means the same here), in [0, √ln 2]; base 2 gives [0, 1] and values √(1/ln 2) ≈ 1.2011× larger.
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /** The base of the logarithm of {@link #distance(long[], long[])}: e. */
    public static final double DEFAULT_BASE = Math.E;

    public static double distance(long[] p, long[] q) {
        return distance(Distributions.proportions(p), Distributions.proportions(q));
    }

    public static double distance(long[] p, long[] q, double base) {
        return distance(Distributions.proportions(p), Distributions.proportions(q), base);
    }

    public static double distance(double[] p, double[] q) {
        return distance(p, q, DEFAULT_BASE);
    }

    /** The distance with logarithms to {@code base} (e or 2 in practice). */
    public static double distance(double[] p, double[] q, double base) {
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("logarithm base must be a finite number > 1, was " + base);
        }
        Distributions.sameLength(p, q);
        double[] pn = normalised(p);
        double[] qn = normalised(q);
        double left = 0;
        double right = 0;
        for (int i = 0; i < pn.length; i++) {
            double m = (pn[i] + qn[i]) / 2;
            left += relativeEntropy(pn[i], m);
            right += relativeEntropy(qn[i], m);
        }
        // Dividing by ln e = 1 leaves the natural-log sum exactly as SciPy computes it.
        double divergence = base == Math.E ? (left + right) / 2 : (left + right) / Math.log(base) / 2;
        return Math.sqrt(Math.max(divergence, 0));
    }

    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    private static double[] normalised(double[] p) {
        double total = 0;
        for (double v : p) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("probabilities must be >= 0");
            }
            total += v;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("a distribution with total 0 has no Jensen-Shannon distance");
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / total;
        }
        return out;
    }
}
