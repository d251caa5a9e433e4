package io.jenkins.plugins.mlcicd.stats;

import java.util.Optional;

/**
 * Unpenalised maximum-likelihood logistic regression of a 0/1 outcome on one feature with an
 * intercept, P(y=1) = σ(a + b·x), by Newton–Raphson (IRLS) with step halving. Newton converges
 * quadratically, so the fit agrees with scikit-learn's {@code LogisticRegression(penalty=None)} or
 * statsmodels' {@code Logit} to many more digits than their default tolerances.
 */
public final class SimpleLogisticRegression {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-12;
    /** Beyond this a coefficient means the classes are (quasi-)separated: no finite maximum exists. */
    private static final double DIVERGED = 1e6;

    /**
     * @param intercept  a
     * @param slope      b
     * @param iterations Newton steps taken
     */
    public record Fit(double intercept, double slope, int iterations) {
    }

    private SimpleLogisticRegression() {
    }

    /**
     * Fits {@code y ~ a + b·x}, each observation counted {@code weights[i]} times (all once when
     * {@code weights} is null), starting from {@code start} (e.g. a previous fit; (0, 1) otherwise).
     *
     * @return the fit, or empty when no finite maximum-likelihood estimate exists (one outcome only,
     *         constant x, separated classes)
     */
    public static Optional<Fit> fit(double[] x, byte[] y, byte[] weights, double startIntercept, double startSlope) {
        double a = startIntercept;
        double b = startSlope;
        double logLikelihood = logLikelihood(x, y, weights, a, b);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < x.length; i++) {
                int w = weights == null ? 1 : weights[i];
                if (w == 0) {
                    continue;
                }
                double mu = sigmoid(a + b * x[i]);
                double r = (y[i] - mu) * w;
                double v = mu * (1 - mu) * w;
                g0 += r;
                g1 += r * x[i];
                h00 += v;
                h01 += v * x[i];
                h11 += v * x[i] * x[i];
            }
            double det = h00 * h11 - h01 * h01;
            if (!(det > 1e-300) || !(det > 1e-14 * h00 * h11)) {
                return Optional.empty(); // singular information: constant x or fitted probabilities 0/1
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            double step = 1;
            double nextA = a + da;
            double nextB = b + db;
            double next = logLikelihood(x, y, weights, nextA, nextB);
            while (!(next >= logLikelihood - 1e-12 * Math.abs(logLikelihood)) && step > 1e-10) {
                step /= 2;
                nextA = a + step * da;
                nextB = b + step * db;
                next = logLikelihood(x, y, weights, nextA, nextB);
            }
            boolean converged = Math.abs(nextA - a) <= TOLERANCE * (1 + Math.abs(a))
                    && Math.abs(nextB - b) <= TOLERANCE * (1 + Math.abs(b));
            a = nextA;
            b = nextB;
            logLikelihood = next;
            if (Math.abs(a) > DIVERGED || Math.abs(b) > DIVERGED || !Double.isFinite(a) || !Double.isFinite(b)) {
                return Optional.empty();
            }
            if (converged) {
                return Optional.of(new Fit(a, b, iteration));
            }
        }
        return Optional.empty();
    }

    static double logLikelihood(double[] x, byte[] y, byte[] weights, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            int w = weights == null ? 1 : weights[i];
            if (w == 0) {
                continue;
            }
            double eta = a + b * x[i];
            sum += w * (y[i] * eta - log1pExp(eta));
        }
        return sum;
    }

    /** log(1 + e^t) without overflow. */
    static double log1pExp(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
