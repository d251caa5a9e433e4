package io.jenkins.plugins.mlcicd.stats;

import java.util.Optional;

/**
 * Unpenalised maximum-likelihood logistic regression of a 0/1 outcome on one feature with an
 * intercept, P(y=1) = σ(a + b·x), by Newton–Raphson (IRLS). Observations come grouped by distinct
 * x as counts of outcomes 1 and 0 (binomial form: the same likelihood as one row per observation,
 * at the cost of one evaluation per distinct x). Newton converges quadratically, so the fit agrees
 * with scikit-learn's {@code LogisticRegression(penalty=None)} or statsmodels' {@code Logit} to
 * many more digits than their default tolerances.
 */
public final class SimpleLogisticRegression {
    private static final int MAX_ITERATIONS = 100;
    /**
     * A Newton step this small (relative) is taken and ends the iteration: convergence is
     * quadratic, so the point it lands on is accurate to about the square of it.
     */
    private static final double FINAL_STEP = 1e-8;
    /** Steps larger than this are checked against the log-likelihood and halved if they overshoot. */
    private static final double GUARDED_STEP = 0.5;
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

    private static Optional<Fit> newton(double[] x, long[] ones, long[] zeros, int length, double a, double b) {
        double[] d = new double[5];
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            derivatives(x, ones, zeros, length, a, b, d);
            double g0 = d[0];
            double g1 = d[1];
            double h00 = d[2];
            double h01 = d[3];
            double h11 = d[4];
            double det = h00 * h11 - h01 * h01;
            if (!(det > 1e-300) || !(det > 1e-14 * h00 * h11)) {
                return Optional.empty(); // singular information: constant x or fitted probabilities 0/1
            }
            double da = (h11 * g0 - h01 * g1) / det;
            double db = (h00 * g1 - h01 * g0) / det;
            if (Math.abs(da) <= FINAL_STEP * (1 + Math.abs(a)) && Math.abs(db) <= FINAL_STEP * (1 + Math.abs(b))) {
                return Optional.of(new Fit(a + da, b + db, iteration));
            }
            double step = 1;
            if (Math.max(Math.abs(da), Math.abs(db)) > GUARDED_STEP) {
                // Far from the optimum a full Newton step can overshoot: halve it until the
                // (concave) log-likelihood does not decrease.
                double current = logLikelihood(x, ones, zeros, length, a, b);
                while (!(logLikelihood(x, ones, zeros, length, a + step * da, b + step * db) >= current) && step > 1e-10) {
                    step /= 2;
                }
            }
            a += step * da;
            b += step * db;
            if (Math.abs(a) > DIVERGED || Math.abs(b) > DIVERGED || !Double.isFinite(a) || !Double.isFinite(b)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Gradient (g0, g1) and information matrix (h00, h01, h11) of the log-likelihood at (a, b), into {@code out}. */
    private static void derivatives(double[] x, long[] ones, long[] zeros, int length, double a, double b, double[] out) {
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
            double e = Math.exp(-Math.abs(eta)); // never overflows
            double mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
            double r = y1 - mu * w;
            double v = mu * (1 - mu) * w;
            g0 += r;
            g1 += r * xi;
            h00 += v;
            h01 += v * xi;
            h11 += v * xi * xi;
        }
        out[0] = g0;
        out[1] = g1;
        out[2] = h00;
        out[3] = h01;
        out[4] = h11;
    }

    /** Σ y·η − w·log(1 + e^η). */
    private static double logLikelihood(double[] x, long[] ones, long[] zeros, int length, double a, double b) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double y1 = ones[i];
            double w = y1 + zeros[i];
            if (w == 0) {
                continue;
            }
            double eta = a + b * x[i];
            sum += y1 * eta - w * (Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))));
        }
        return sum;
    }
}
