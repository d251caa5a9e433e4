package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.report.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One validated rule of a gate policy. Absolute bounds ({@code atLeast}, {@code atMost},
 * {@code within}) compare the candidate with fixed numbers; the baseline bound
 * ({@code minImprovement} or {@code maxRegression}, never both) compares it with the baseline, in
 * the metric's better direction, in absolute units or, when {@code relative}, as a fraction of
 * {@code |baseline|}.
 *
 * @param origin         where the rule was written, for messages, e.g. {@code gate.yaml: rules[2]}
 * @param metric         metric name; dots address nested objects ({@code eval.auc})
 * @param higherIsBetter the better direction (given, or the metric's known tendency); null only
 *                       when unknown and no bound depends on it
 * @param atLeast        candidate ≥ this, or null
 * @param atMost         candidate ≤ this, or null
 * @param minImprovement candidate better than baseline by at least this (≥ 0), or null
 * @param maxRegression  candidate worse than baseline by at most this (≥ 0), or null
 * @param relative       whether minImprovement / maxRegression are fractions of |baseline|
 * @param confidence     when set (0 &lt; c &lt; 1), the baseline bound must also hold for the whole
 *                       paired-bootstrap interval of candidate − baseline at this level, not only for the
 *                       point estimates; only with a baseline bound, only on the overall metrics
 * @param within         candidate in this closed interval, or null
 * @param slices         which slices the rule applies to
 * @param severity       what a violated bound does
 * @param onMissing      what a missing or NaN candidate value does
 */
public record GateRule(
        String origin,
        String metric,
        Boolean higherIsBetter,
        Double atLeast,
        Double atMost,
        Double minImprovement,
        Double maxRegression,
        boolean relative,
        Double confidence,
        Interval within,
        SliceSelection slices,
        Severity severity,
        OnMissing onMissing) {

    public GateRule {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(slices, "slices");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(onMissing, "onMissing");
        if (minImprovement != null && maxRegression != null) {
            throw new IllegalArgumentException(origin + ": minImprovement and maxRegression exclude each other");
        }
        if (hasBaselineBound(minImprovement, maxRegression) && higherIsBetter == null) {
            throw new IllegalArgumentException(origin + ": a baseline bound needs a direction");
        }
        if (!hasAbsoluteBound(atLeast, atMost, within) && !hasBaselineBound(minImprovement, maxRegression)) {
            throw new IllegalArgumentException(origin + ": a rule needs a bound");
        }
        if (confidence != null) {
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException(origin + ": confidence must be in (0, 1), was " + confidence);
            }
            if (!hasBaselineBound(minImprovement, maxRegression)) {
                throw new IllegalArgumentException(origin + ": confidence needs a baseline bound");
            }
            if (!slices.overallOnly()) {
                throw new IllegalArgumentException(origin + ": confidence applies to the overall metrics only");
            }
        }
    }

    /** Whether the rule has atLeast, atMost or within. */
    public boolean hasAbsoluteBound() {
        return hasAbsoluteBound(atLeast, atMost, within);
    }

    /** Whether the rule has minImprovement or maxRegression. */
    public boolean hasBaselineBound() {
        return hasBaselineBound(minImprovement, maxRegression);
    }

    /** The absolute bounds as a human reads them, e.g. {@code ≥ 0.8 and ∈ [0.98, 1.02]}. */
    public String absoluteThreshold() {
        List<String> parts = new ArrayList<>();
        if (atLeast != null) {
            parts.add("≥ " + Numbers.format(atLeast));
        }
        if (atMost != null) {
            parts.add("≤ " + Numbers.format(atMost));
        }
        if (within != null) {
            parts.add("∈ [" + Numbers.format(within.low()) + ", "
                    + Numbers.format(within.high()) + "]");
        }
        return String.join(" and ", parts);
    }

    private static boolean hasAbsoluteBound(Double atLeast, Double atMost, Interval within) {
        return atLeast != null || atMost != null || within != null;
    }

    private static boolean hasBaselineBound(Double minImprovement, Double maxRegression) {
        return minImprovement != null || maxRegression != null;
    }
}
