package io.jenkins.plugins.mlcicd.canary;

import java.util.Locale;

/**
 * What a guardrail without a value means (NaN, an empty vector, no traffic, a query error):
 * {@code fail} counts it as a failed analysis; {@code inconclusive} counts neither way, but a stage
 * only advances after a passing analysis; {@code ignore} lets the other guardrails decide and
 * records the gap. None of them reads as a pass in the result.
 */
public enum NoData {
    FAIL, INCONCLUSIVE, IGNORE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
