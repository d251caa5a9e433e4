package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The drift measures a contract can ask for (definitions in docs/data.md). Distances drift
 * when the value reaches the threshold; p-value tests drift when the p-value is at or below it
 * (p ≤ α, the usual rejection rule and Evidently's for KS).
 */
public enum DriftMethod {
    PSI(true, true, false, 0.1),
    KS(true, false, true, 0.05),
    WASSERSTEIN(true, false, false, Double.NaN),
    WASSERSTEIN_NORMED(true, false, false, 0.1),
    JENSEN_SHANNON(true, true, false, 0.1),
    L_INFINITY(false, true, false, 0.1),
    CHI_SQUARE(false, true, true, 0.05);

    private final boolean numeric;
    private final boolean categorical;
    private final boolean pValue;
    private final double defaultThreshold;

    DriftMethod(boolean numeric, boolean categorical, boolean pValue, double defaultThreshold) {
        this.numeric = numeric;
        this.categorical = categorical;
        this.pValue = pValue;
        this.defaultThreshold = defaultThreshold;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DriftMethod of(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown drift method '" + id + "' (expected one of "
                        + Arrays.stream(values()).map(DriftMethod::id).collect(Collectors.joining(", ")) + ")"));
    }

    public boolean appliesToNumeric() {
        return numeric;
    }

    public boolean appliesToCategorical() {
        return categorical;
    }

    /** True for tests whose value is a p-value (drift when at or below the threshold). */
    public boolean isPValue() {
        return pValue;
    }

    /** Evidently's defaults (0.05 for p-values, 0.1 for distances); NaN means the contract must say. */
    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether {@code value} is drift at {@code threshold}. */
    public boolean drifted(double value, double threshold) {
        return pValue ? value <= threshold : value >= threshold;
    }

    /** The passing side of the threshold as a human reads it, e.g. {@code p > 0.05} or {@code < 0.2}. */
    public String describeThreshold(double threshold) {
        return pValue ? "p > " + io.jenkins.plugins.mlcicd.report.Numbers.format(threshold)
                : "< " + io.jenkins.plugins.mlcicd.report.Numbers.format(threshold);
    }
}
