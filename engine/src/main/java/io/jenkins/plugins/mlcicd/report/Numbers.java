package io.jenkins.plugins.mlcicd.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How numbers read in messages and reports: short, locale-independent, signed deltas. */
public final class Numbers {
    private Numbers() {
    }

    /** Up to 4 significant digits after leading zeros ({@code 0.912}, {@code 1234.5}, {@code 1.2e-07}). */
    public static String format(Double value) {
        if (value == null) {
            return "—";
        }
        double v = value;
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-4 && magnitude < 1e9) {
            BigDecimal rounded = new BigDecimal(v).round(new MathContext(magnitude >= 1 ? 6 : 4));
            return rounded.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A delta with an explicit sign and a true minus sign: {@code +0.005}, {@code −0.003}. */
    public static String signed(Double value) {
        if (value == null) {
            return "—";
        }
        String text = format(Math.abs(value));
        if (value > 0) {
            return "+" + text;
        }
        return value < 0 ? "−" + text : text;
    }
}
