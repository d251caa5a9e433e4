package io.jenkins.plugins.mlcicd.canary;

import io.jenkins.plugins.mlcicd.result.Check;
import java.util.List;

/**
 * One analysis: every guardrail (per slice) checked once.
 *
 * @param at          ISO-8601 instant
 * @param stage       stage index (0-based)
 * @param weight      the canary's weight during the analysis
 * @param outcome     {@code passed}, {@code failed}, {@code inconclusive} or {@code unreachable}
 * @param checks      one per guardrail and slice, in the result document's check shape
 */
public record Analysis(String at, int stage, int weight, String outcome, List<Check> checks) {
    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String INCONCLUSIVE = "inconclusive";
    public static final String UNREACHABLE = "unreachable";

    public Analysis {
        checks = List.copyOf(checks);
    }
}
