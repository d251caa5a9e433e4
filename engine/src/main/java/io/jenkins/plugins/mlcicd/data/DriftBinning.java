package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How PSI and Jensen–Shannon bin a numeric column (docs/data.md, "Parity with Evidently").
 * {@link #DECILES}: the reference's 10 deciles, fixed by the reference alone, so a stored profile
 * suffices and every run of one reference uses the same bins. {@link #EVIDENTLY}: Evidently's
 * binning, for users whose numbers must match an Evidently dashboard: Sturges' rule on reference and
 * current together (equal-width bins from the joint minimum to maximum) when the reference has more
 * than 20 distinct values, else one bin per value; PSI then fills empty bins as Evidently does.
 */
public enum DriftBinning {
    DECILES, EVIDENTLY;

    /** Evidently bins per value up to this many distinct reference values. */
    public static final int EVIDENTLY_PER_VALUE = 20;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DriftBinning of(String id) {
        for (DriftBinning b : values()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("drift.binning must be one of deciles, evidently, was '" + id + "'");
    }
}
