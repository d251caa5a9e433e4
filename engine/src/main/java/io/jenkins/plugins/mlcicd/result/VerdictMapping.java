package io.jenkins.plugins.mlcicd.result;

import java.util.Locale;
import java.util.Objects;

/**
 * How verdicts become build outcomes (DESIGN.md §3): PASSED → SUCCESS, WARNING → UNSTABLE,
 * FAILED → FAILURE unless failures are only to mark the build unstable, INCONCLUSIVE → whatever
 * the policy says (UNSTABLE by default: a missing number is never a silent pass).
 *
 * @param failuresAsUnstable true when the user asked that a failed verdict only marks the build unstable
 * @param onInconclusive     the outcome of an inconclusive verdict
 */
public record VerdictMapping(boolean failuresAsUnstable, BuildOutcome onInconclusive) {
    public static final VerdictMapping DEFAULT = new VerdictMapping(false, BuildOutcome.UNSTABLE);

    public VerdictMapping {
        Objects.requireNonNull(onInconclusive, "onInconclusive");
    }

    public BuildOutcome outcomeOf(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> BuildOutcome.SUCCESS;
            case WARNING -> BuildOutcome.UNSTABLE;
            case FAILED -> failuresAsUnstable ? BuildOutcome.UNSTABLE : BuildOutcome.FAILURE;
            case INCONCLUSIVE -> onInconclusive;
        };
    }

    /** Parses a user's word for an outcome: {@code success}/{@code pass}, {@code unstable}, {@code failure}/{@code fail}. */
    public static BuildOutcome parseOutcome(String field, String word) {
        String normalized = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "success", "pass", "passed" -> BuildOutcome.SUCCESS;
            case "unstable", "warning" -> BuildOutcome.UNSTABLE;
            case "failure", "fail", "failed" -> BuildOutcome.FAILURE;
            default -> throw new IllegalArgumentException(
                    field + ": '" + word + "' is not one of success, unstable, failure");
        };
    }
}
