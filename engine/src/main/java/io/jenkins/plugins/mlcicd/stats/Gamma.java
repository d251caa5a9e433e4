package io.jenkins.plugins.mlcicd.stats;

/**
 * The log-gamma function and the regularized incomplete gamma functions P(a, x) and Q(a, x),
 * which give the chi-square distribution (and with it the p-values of chi-square tests).
 * P is summed as a power series for x &lt; a + 1 and Q as a continued fraction (modified Lentz)
 * above, so each converges fast and neither suffers cancellation from computing 1 − the other.
 */
public final class Gamma {
    private static final int MAX_ITERATIONS = 100_000;
    private static final double EPSILON = 1e-16;
    private static final double TINY = 1e-300;
    /** Lanczos coefficients (g = 7, n = 9), good to about 15 significant digits. */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    private Gamma() {
    }

    /** ln Γ(x) for x &gt; 0. */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs x > 0, was " + x);
        }
        if (x < 0.5) {
            // Reflection keeps the Lanczos sum in its accurate range.
            return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a &gt; 0, x ≥ 0. */
    public static double regularizedP(double a, double x) {
        checkArguments(a, x);
        if (x == 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        return x < a + 1 ? lowerSeries(a, x) : 1 - upperContinuedFraction(a, x);
    }

    /** Regularized upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate also when tiny. */
    public static double regularizedQ(double a, double x) {
        checkArguments(a, x);
        if (x == 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperContinuedFraction(a, x);
    }

    private static void checkArguments(double a, double x) {
        if (!(a > 0) || !(x >= 0)) {
            throw new IllegalArgumentException("incomplete gamma needs a > 0 and x >= 0, was a=" + a + ", x=" + x);
        }
    }

    /** P(a, x) = e^{−x} x^a / Γ(a+1) · Σ x^n / ((a+1)…(a+n)). */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    /** Q(a, x) by its continued fraction, evaluated with the modified Lentz method. */
    private static double upperContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
            }
        }
        throw new ArithmeticException("incomplete gamma continued fraction did not converge for a=" + a + ", x=" + x);
    }
}
