package io.jenkins.plugins.mlcicd.stats;

/**
 * Jensen–Shannon distance in base 2 — the square root of the divergence, in [0, 1] — as
 * {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}: both vectors are normalised to sum 1
 * and 0 · log 0 counts as 0.
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    public static double distance(long[] p, long[] q) {
        return distance(Distributions.proportions(p), Distributions.proportions(q));
    }

    public static double distance(double[] p, double[] q) {
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
        double divergence = (left + right) / Math.log(2) / 2;
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
