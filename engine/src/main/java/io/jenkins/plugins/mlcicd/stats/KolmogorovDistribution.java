package io.jenkins.plugins.mlcicd.stats;

/**
 * The exact distribution of the one-sample two-sided Kolmogorov–Smirnov statistic D_n, following
 * the choice of algorithm by Simard &amp; L'Ecuyer (2011) as {@code scipy.stats.kstwo} does: Ruben–Gambino
 * closed forms at the ends, the Durbin matrix (Marsaglia–Tsang–Wang) for small n·x, twice the exact
 * one-sided Smirnov tail where the two-sided overlap is negligible, Pelz–Good's expansion for large n.
 * Where scipy uses Pomeranz' recursion (n ≤ 140, 0.754693 &lt; n·x² ≤ 4) we use the Durbin matrix, which
 * is exact too; the two agree to rounding.
 */
public final class KolmogorovDistribution {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double PI2 = Math.PI * Math.PI;
    private static final double PI4 = PI2 * PI2;
    private static final double PI6 = PI4 * PI2;
    private static final int SCALE_EXPONENT = 128;
    private static final double SCALE_UP = Math.scalb(1.0, SCALE_EXPONENT);
    private static final double SCALE_DOWN = Math.scalb(1.0, -SCALE_EXPONENT);
    /** B_{2j} / (2j(2j−1)) for j = 8 … 1, the Stirling series of log(n!/n^n). */
    private static final double[] STIRLING = {
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
        8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2
    };

    private KolmogorovDistribution() {
    }

    /** P(D_n ≥ x), the p-value of an observed statistic x with n observations. */
    public static double survival(long n, double x) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        double t = n * x;
        if (t <= 1) {
            if (t <= 0.5) {
                return 1;
            }
            double cdf;
            if (n <= 140) {
                cdf = 1;
                for (long i = 1; i <= n; i++) {
                    cdf *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return clip(1 - cdf);
        }
        if (t >= n - 1) {
            return clip(2 * Math.pow(1 - x, n));
        }
        if (x >= 0.5) {
            return clip(2 * smirnovSurvival(n, x));
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 4) {
                return clip(1 - durbinCdf(n, x));
            }
            return clip(2 * smirnovSurvival(n, x));
        }
        if (nxSquared >= 370) {
            return 0;
        }
        if (nxSquared >= 2.2) {
            return clip(2 * smirnovSurvival(n, x));
        }
        double cdf;
        if (nxSquared >= 18) {
            cdf = 1;
        } else if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdf = durbinCdf(n, x);
        } else {
            cdf = pelzGoodCdf(n, x);
        }
        return clip(1 - cdf);
    }

    /**
     * Exact one-sided tail P(D_n⁺ ≥ x) = x Σ_{j=0}^{⌊n(1−x)⌋} C(n,j) (1−x−j/n)^{n−j} (x+j/n)^{j−1},
     * summed in log space so neither the binomials nor the powers overflow.
     */
    public static double smirnovSurvival(long n, double x) {
        if (x >= 1) {
            return 0;
        }
        if (x <= 0) {
            return 1;
        }
        long last = (long) Math.floor(n * (1 - x));
        // Streaming log-sum-exp: the running sum is kept relative to the largest term seen so far.
        double logBinomial = 0;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (long j = 0; j <= last; j++) {
            if (j > 0) {
                logBinomial += Math.log((double) (n - j + 1) / j);
            }
            double left = 1 - x - (double) j / n;
            if (left <= 0) {
                continue;
            }
            double term = logBinomial + (n - j) * Math.log(left) + (j - 1) * Math.log(x + (double) j / n);
            if (term > max) {
                sum = sum * Math.exp(max - term) + 1;
                max = term;
            } else {
                sum += Math.exp(term - max);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return clip(x * sum * Math.exp(max));
    }

    /** P(D_n ≤ d) by Durbin's matrix method as Marsaglia, Tsang and Wang compute it. */
    static double durbinCdf(long n, double d) {
        if (d >= 1) {
            return 1;
        }
        double nd = n * d;
        if (nd <= 0.5) {
            return 0;
        }
        int k = (int) Math.ceil(nd);
        double h = k - nd;
        int m = 2 * k - 1;
        double[] v = new double[m];
        double[] w = new double[m];
        double factorial = 1;
        for (int j = 1; j <= m; j++) {
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] = (1 - Math.pow(h, j)) * factorial;
        }
        double tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
        v[m - 1] = (1 + tt) * factorial;
        double[][] matrix = new double[m][m];
        for (int i = 1; i < m; i++) {
            for (int r = i - 1; r < m; r++) {
                matrix[r][i] = w[r - i + 1];
            }
        }
        for (int r = 0; r < m; r++) {
            matrix[r][0] = v[r];
        }
        for (int c = 0; c < m; c++) {
            matrix[m - 1][c] = v[m - 1 - c];
        }
        double[][] power = identity(m);
        long remaining = n;
        long exponent = 0;
        long matrixExponent = 0;
        while (remaining > 0) {
            if (remaining % 2 == 1) {
                power = multiply(power, matrix);
                exponent += matrixExponent;
            }
            matrix = multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.abs(matrix[k - 1][k - 1]) > SCALE_UP) {
                scale(matrix, SCALE_DOWN);
                matrixExponent += SCALE_EXPONENT;
            }
            remaining /= 2;
        }
        double p = power[k - 1][k - 1];
        for (long i = 1; i <= n; i++) {
            p = i * p / n;
            if (Math.abs(p) < SCALE_DOWN) {
                p *= SCALE_UP;
                exponent -= SCALE_EXPONENT;
            }
        }
        if (exponent != 0) {
            p = Math.scalb(p, (int) Math.max(Math.min(exponent, 4096), -4096));
        }
        return clip(p);
    }

    /** Pelz–Good asymptotic expansion of P(D_n ≤ x) for large n. */
    static double pelzGoodCdf(long n, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double z = Math.sqrt((double) n) * x;
        double z2 = z * z;
        double z3 = z2 * z;
        double z4 = z2 * z2;
        double z6 = z4 * z2;
        double qlog = -PI2 / 8 / z2;
        if (qlog < -708) {
            return 0;
        }
        double q = Math.exp(qlog);
        double k1a = -z2;
        double k1b = PI2 / 4;
        double k2a = 6 * z6 + 2 * z4;
        double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
        double k2c = PI4 * (1 - 2 * z2) / 16;
        double k3d = PI6 * (5 - 30 * z2) / 64;
        double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
        double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
        double k3a = -30 * z6 - 90 * Math.pow(z, 8);
        double[] terms = new double[4];
        int maxK = (int) Math.ceil(16 * z / Math.PI);
        for (int k = maxK; k >= 1; k--) {
            double m = 2.0 * k - 1;
            double m2 = m * m;
            double m4 = m2 * m2;
            double m6 = m4 * m2;
            double qPower = Math.pow(q, 8.0 * k);
            double[] coefficients = {
                1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6
            };
            for (int i = 0; i < 4; i++) {
                terms[i] = terms[i] * qPower + coefficients[i];
            }
        }
        double[] divisors = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
        for (int i = 0; i < 4; i++) {
            terms[i] = terms[i] * q * SQRT_2PI / divisors[i];
        }
        double q2 = Math.exp(-PI2 / 2 / z2);
        double sqrt3z = Math.sqrt(3) * z;
        double k2extra = 0;
        double k3extra = 0;
        for (int k = maxK; k >= 1; k--) {
            double k2 = (double) k * k;
            double qPower = Math.pow(q2, k2);
            double kPi = Math.PI * k;
            k2extra += k2 * qPower;
            k3extra += (sqrt3z + kPi) * (sqrt3z - kPi) * k2 * qPower;
        }
        terms[2] += k2extra * PI2 * SQRT_2PI / (-36 * z3);
        terms[3] += k3extra * PI2 * SQRT_2PI / (216 * z6);
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            sum += terms[i] / Math.pow(n, i / 2.0);
        }
        return sum;
    }

    /** log(n! / nⁿ) by Stirling's series, without forming n·log n. */
    static double logFactorialOverPower(long n) {
        double rn = 1.0 / n;
        double polynomial = 0;
        for (double c : STIRLING) {
            polynomial = polynomial * (rn * rn) + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polynomial;
    }

    private static double[][] identity(int m) {
        double[][] id = new double[m][m];
        for (int i = 0; i < m; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int m = a.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    private static void scale(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private static double clip(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
