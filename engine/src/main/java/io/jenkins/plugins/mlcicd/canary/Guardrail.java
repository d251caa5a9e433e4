package io.jenkins.plugins.mlcicd.canary;

import java.util.ArrayList;
import java.util.List;

/**
 * A bound on a live metric of the canary. Absolute bounds ({@code min}, {@code max}) apply to the
 * canary's value; baseline bounds compare it with the baseline's value of the same query
 * ({@code maxIncrease}/{@code maxDecrease} absolute, {@code maxRelativeIncrease}/{@code maxRelativeDecrease}
 * as a fraction of the baseline). With {@code judge: mann-whitney} the stage's samples of both variants
 * are also compared by a one-sided Mann–Whitney U test at level {@code alpha}.
 */
public record Guardrail(String name, String query, Double min, Double max, Double maxIncrease, Double maxDecrease,
                        Double maxRelativeIncrease, Double maxRelativeDecrease, boolean mannWhitney, double alpha,
                        int minSamples) {

    public boolean needsBaseline() {
        return maxIncrease != null || maxDecrease != null || maxRelativeIncrease != null
                || maxRelativeDecrease != null || mannWhitney;
    }

    /** Whether higher values are the bad direction (for the statistical judge). */
    public boolean higherIsWorse() {
        return max != null || maxIncrease != null || maxRelativeIncrease != null;
    }

    public boolean usesSlices() {
        return query.contains("${SLICE}");
    }

    /** The bounds as a human reads them, e.g. {@code ≤ 0.05; Δ ≤ +0.002}. */
    public String threshold() {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("≥ " + plain(min));
        }
        if (max != null) {
            parts.add("≤ " + plain(max));
        }
        if (maxIncrease != null) {
            parts.add("Δ ≤ +" + plain(maxIncrease));
        }
        if (maxDecrease != null) {
            parts.add("Δ ≥ −" + plain(maxDecrease));
        }
        if (maxRelativeIncrease != null) {
            parts.add("Δ% ≤ +" + plain(maxRelativeIncrease * 100) + "%");
        }
        if (maxRelativeDecrease != null) {
            parts.add("Δ% ≥ −" + plain(maxRelativeDecrease * 100) + "%");
        }
        if (mannWhitney) {
            parts.add("Mann-Whitney p ≥ " + plain(alpha));
        }
        return String.join("; ", parts);
    }

    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
