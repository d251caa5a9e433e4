package io.jenkins.plugins.mlcicd.stats;

import java.util.Optional;

/**
 * Unpenalised maximum-likelihood logistic regression of a 0/1 outcome on one feature with an
 * intercept, P(y=1) = σ(a + b·x), by Newton–Raphson (IRLS) with step halving. Observations come
 * grouped by distinct x as counts of outcomes 1 and 0 (binomial form: the same likelihood as one
 * row per observation, at the cost of one evaluation per distinct x). Newton converges
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

    /** Log-likelihood, gradient and Hessian at one point. */
    private record Derivatives(double logLikelihood, double g0, double g1, double h00, double h01, double h11) {
    }

    private SimpleLogisticRegression() {
    }

    /**
     * Fits {@code y ~ a + b·x} where at {@code x[i]} outcome 1 was seen {@code ones[i]} times and
     * outcome 0 {@code zeros[i]} times (i &lt; length), starting from (startIntercept, startSlope) —
     * e.g. a previous fit, or (0, 1) for calibration.
     *
     * @return the fit, or empty when no finite maximum-likelihood estimate exists (one outcome only,
     *         constant x, separated classes)
     */
    public static Optional<Fit> fit(double[] x, long[] ones, long[] zeros, int length, double startIntercept, double startSlope) {
        Optional<Fit> fit = newton(x, ones, zeros, length, startIntercept, startSlope);
        if (fit.isEmpty() && (startIntercept != 0 || startSlope != 0)) {
            // A far start can saturate every probability (singular Hessian); σ(0) = ½ everywhere cannot.
            fit = newton(x, ones, zeros, length, 0, 0);
        }
        return fit;
    }

    private static Optional<Fit> newton(double[] x, long[] ones, long[] zeros, int length, double startIntercept, double startSlope) {
        double a = startIntercept;
        double b = startSlope;
        Derivatives at = derivatives(x, ones, zeros, length, a, b);
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double det = at.h00 * at.h11 - at.h01 * at.h01;
            if (!(det > 1e-300) || !(det > 1e-14 * at.h00 * at.h11)) {
                return Optional.empty(); // singular information: constant x or fitted probabilities 0/1
            }
            double da = (at.h11 * at.g0 - at.h01 * at.g1) / det;
            double db = (at.h00 * at.g1 - at.h01 * at.g0) / det;
            double step = 1;
            Derivatives next = derivatives(x, ones, zeros, length, a + da, b + db);
            // Newton on a concave log-likelihood rarely overshoots; when it does, halve the step.
            while (!(next.logLikelihood >= at.logLikelihood - 1e-12 * Math.abs(at.logLikelihood)) && step > 1e-10) {
                step /= 2;
                next = derivatives(x, ones, zeros, length, a + step * da, b + step * db);
            }
            double nextA = a + step * da;
            double nextB = b + step * db;
            boolean converged = Math.abs(nextA - a) <= TOLERANCE * (1 + Math.abs(a))
                    && Math.abs(nextB - b) <= TOLERANCE * (1 + Math.abs(b));
            a = nextA;
            b = nextB;
            at = next;
            if (Math.abs(a) > DIVERGED || Math.abs(b) > DIVERGED || !Double.isFinite(a) || !Double.isFinite(b)) {
                return Optional.empty();
            }
            if (converged) {
                return Optional.of(new Fit(a, b, iteration));
            }
        }
        return Optional.empty();
    }

    /** One pass: log-likelihood Σ w(y·η − log(1+e^η)), gradient and Hessian at (a, b). */
    private static Derivatives derivatives(double[] x, long[] ones, long[] zeros, int length, double a, double b) {
        double logLikelihood = 0;
        double g0 = 0;
        double g1 = 0;
        double h00 = 0;
        double h01 = 0;
        double h11 = 0;
        for (int i = 0; i < length; i++) {
            double y1 = ones[i];
            double w = y1 + zeros[i];
            if (w == 0) {
                continue;
            }
            double xi = x[i];
            double eta = a + b * xi;
            // e = exp(−|η|) never overflows; μ and log(1 + e^η) follow from it.
            double e = Math.exp(-Math.abs(eta));
            double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            double softplus = Math.max(eta, 0) + Math.log(1 + e);
            double r = y1 - mu * w;
            double v = mu * (1 - mu) * w;
            logLikelihood += y1 * eta - w * softplus;
            g0 += r;
            g1 += r * xi;
            h00 += v;
            h01 += v * xi;
            h11 += v * xi * xi;
        }
        return new Derivatives(logLikelihood, g0, g1, h00, h01, h11);
    }
}
