package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.eval.PairedBootstrap;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.stats.PercentileInterval;
import io.jenkins.plugins.mlcicd.stats.Tolerance;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one rule into checks: for every selected slice, one check for the absolute bounds
 * (named like the metric, {@code auc} or {@code auc[country=DE]}) and one for the baseline bound
 * ({@code auc vs baseline}). Keeping them apart lets a first build pass its absolute bounds while
 * the comparison it cannot make yet stays visibly INCONCLUSIVE, and gives JUnit stable test names.
 */
final class RuleEvaluator {
    static final String VS_BASELINE = " vs baseline";

    private final GateRule rule;
    private final int index;
    private final MetricsDocument candidate;
    private final MetricsDocument baseline;

    /**
     * A check plus the few words that stand for it in the one-line summary.
     *
     * @param noBaseline the check is inconclusive because there is no baseline document
     * @param ignored    the check passed only because the policy says to ignore a missing value
     */
    record Outcome(Check check, String brief, boolean noBaseline, boolean ignored) {
        Outcome(Check check, String brief) {
            this(check, brief, false, false);
        }
    }

    /** Why a target has no candidate value at all, before any metric is looked up. */
    private enum Problem {
        NONE,
        MISSING,
        UNRANKABLE
    }

    /**
     * One place the rule applies: the overall metrics or one slice.
     *
     * @param label   check name base, {@code auc} or {@code auc[country=DE]}
     * @param slice   slice name, null for the overall metrics
     * @param count   the slice's rows, when known
     * @param problem why there is nothing to look at, if so
     * @param reason  the problem in words
     */
    private record Target(String label, String slice, Long count, Problem problem, String reason) {
    }

    RuleEvaluator(GateRule rule, int index, MetricsDocument candidate, MetricsDocument baseline) {
        this.rule = rule;
        this.index = index;
        this.candidate = candidate;
        this.baseline = baseline;
    }

    List<Outcome> evaluate() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Target target : targets()) {
            if (rule.hasAbsoluteBound()) {
                outcomes.add(absolute(target));
            }
            if (rule.hasBaselineBound()) {
                outcomes.add(relative(target));
            }
        }
        return outcomes;
    }

    private List<Target> targets() {
        String metric = rule.metric();
        SliceSelection selection = rule.slices();
        switch (selection.mode()) {
            case OVERALL -> {
                return List.of(new Target(metric, null, null, Problem.NONE, null));
            }
            case NAMED -> {
                List<Target> targets = new ArrayList<>();
                for (String name : selection.names()) {
                    if (name.equals(MetricsDocument.OVERALL)) {
                        targets.add(new Target(metric, null, null, Problem.NONE, null));
                        continue;
                    }
                    Optional<MetricsDocument.Slice> slice = candidate.slice(name);
                    targets.add(slice.isPresent()
                            ? new Target(label(name), name, slice.get().count(), Problem.NONE, null)
                            : new Target(label(name), name, null, Problem.MISSING, "slice '" + name + "' not in candidate"));
                }
                return targets;
            }
            default -> {
                List<MetricsDocument.Slice> slices = candidate.slices();
                String groupLabel = metric + "[" + selection + "]";
                if (slices.isEmpty()) {
                    return List.of(new Target(groupLabel, null, null, Problem.MISSING, "candidate has no slices"));
                }
                if (selection.mode() == SliceSelection.Mode.ALL) {
                    return slices.stream()
                            .sorted(Comparator.comparing(MetricsDocument.Slice::name))
                            .map(s -> new Target(label(s.name()), s.name(), s.count(), Problem.NONE, null))
                            .toList();
                }
                List<String> uncounted = slices.stream().filter(s -> s.count() == null).map(MetricsDocument.Slice::name).toList();
                if (!uncounted.isEmpty()) {
                    return List.of(new Target(groupLabel, null, null, Problem.UNRANKABLE,
                            "cannot rank slices by size: no count for slice '" + uncounted.get(0) + "'"
                                    + (uncounted.size() > 1 ? " and " + (uncounted.size() - 1) + " more" : "")));
                }
                return slices.stream()
                        .sorted(Comparator.comparing(MetricsDocument.Slice::count).reversed()
                                .thenComparing(MetricsDocument.Slice::name))
                        .limit(selection.top())
                        .map(s -> new Target(label(s.name()), s.name(), s.count(), Problem.NONE, null))
                        .toList();
            }
        }
    }

    private String label(String slice) {
        return rule.metric() + "[" + slice + "]";
    }

    private Outcome absolute(Target target) {
        String name = target.label();
        String threshold = rule.absoluteThreshold();
        Optional<Outcome> unavailable = unavailable(target, name, threshold, "absolute");
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        double value = candidateValue(target).value();
        MetricLookup base = baselineValue(target);
        Double baselineNumber = base == null ? null : base.value();
        boolean ok = satisfiesAbsolute(value);
        Verdict verdict = ok ? Verdict.PASSED : rule.severity().violationVerdict();
        String valueText = name + " " + Numbers.format(value);
        String message = ok ? valueText + ": meets " + threshold
                : valueText + ": needs " + threshold + severityNote(verdict);
        return new Outcome(check(name, verdict, value, baselineNumber, threshold, message, target, "absolute", null),
                valueText + " (needs " + threshold + ")");
    }

    private boolean satisfiesAbsolute(double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean ok = true;
        if (rule.atLeast() != null) {
            ok &= Tolerance.atLeast(value, rule.atLeast(), 0);
        }
        if (rule.atMost() != null) {
            ok &= Tolerance.atMost(value, rule.atMost(), 0);
        }
        if (rule.within() != null) {
            ok &= Tolerance.atLeast(value, rule.within().low(), 0) && Tolerance.atMost(value, rule.within().high(), 0);
        }
        return ok;
    }

    private Outcome relative(Target target) {
        String name = target.label() + VS_BASELINE;
        boolean higher = rule.higherIsBetter();
        boolean improvement = rule.minImprovement() != null;
        double amount = improvement ? rule.minImprovement() : rule.maxRegression();
        // The change the rule demands, in the better direction: +x for an improvement, −x for an allowed regression.
        double demanded = improvement ? amount : -amount;
        String comparator = higher ? "≥ " : "≤ ";
        double signedDemand = higher ? demanded : -demanded;
        String threshold = comparator + (rule.relative() ? signedPercent(signedDemand) : Numbers.signed(signedDemand)) + VS_BASELINE
                + (rule.confidence() == null ? "" : " with " + percent(rule.confidence()) + " confidence");

        Optional<Outcome> unavailable = unavailable(target, name, threshold, "baseline");
        if (unavailable.isPresent()) {
            return unavailable.get();
        }
        double value = candidateValue(target).value();
        String valueText = target.label() + " " + Numbers.format(value);
        if (baseline == null) {
            return new Outcome(check(name, Verdict.INCONCLUSIVE, value, null, threshold,
                    valueText + ": no baseline (first build?), cannot check " + threshold, target, "baseline", Gate.NO_BASELINE_REASON),
                    name, true, false);
        }
        MetricLookup base = baselineValue(target);
        if (base.isMissing()) {
            return new Outcome(check(name, Verdict.INCONCLUSIVE, value, null, threshold,
                    valueText + ": " + rule.metric() + " " + base.missing() + ", cannot check " + threshold,
                    target, "baseline", base.missing()),
                    name + ": " + base.missing());
        }
        double b = base.value();
        double delta = value - b;
        String comparison = valueText + " vs baseline " + Numbers.format(b) + ": " + Numbers.signed(delta);
        if (rule.relative() && b == 0) {
            return new Outcome(check(name, Verdict.INCONCLUSIVE, value, b, threshold,
                    comparison + ", a relative bound needs a non-zero baseline", target, "baseline", "baseline is 0"),
                    name + ": baseline is 0");
        }
        double scale = rule.relative() ? Math.abs(b) : 1;
        double required = demanded * scale;
        double bound = higher ? b + required : b - required;
        if (Double.isNaN(delta) || Double.isNaN(bound)) {
            return new Outcome(check(name, Verdict.INCONCLUSIVE, value, b, threshold,
                    comparison + ", cannot compare non-finite values", target, "baseline", "not finite"),
                    name + ": not finite");
        }
        double magnitude = Math.max(Math.abs(b), Math.abs(required));
        boolean ok = higher ? Tolerance.atLeast(value, bound, magnitude) : Tolerance.atMost(value, bound, magnitude);
        Verdict verdict = ok ? Verdict.PASSED : rule.severity().violationVerdict();
        String deltaText = Numbers.signed(delta) + (rule.relative() ? " (" + signedPercent(delta / Math.abs(b)) + ")" : "");
        String need = comparator + (rule.relative()
                ? signedPercent(signedDemand) + " (" + Numbers.signed(higher ? required : -required) + ")"
                : Numbers.signed(signedDemand));
        if (rule.confidence() != null) {
            // The bound on candidate − baseline: +x / −x in the better direction, mirrored for lower-is-better.
            double limit = higher ? required : -required;
            return withConfidence(target, name, threshold, value, b, deltaText, need, ok, limit, magnitude);
        }
        String message = valueText + " vs baseline " + Numbers.format(b) + ": " + deltaText + ", "
                + (ok ? "meets " : "needs ") + need + severityNote(verdict);
        String brief = rule.relative()
                ? name + " " + signedPercent(delta / Math.abs(b)) + " (needs " + comparator + signedPercent(signedDemand) + ")"
                : name + " " + deltaText + " (needs " + need + ")";
        return new Outcome(check(name, verdict, value, b, threshold, message, target, "baseline", null), brief);
    }

    /**
     * The baseline bound with {@code confidence}: the point estimates must meet it (as without
     * confidence) and so must the whole paired-bootstrap interval of candidate − baseline — its lower
     * end when higher is better, its upper end otherwise. When the two documents cannot be paired the
     * check is INCONCLUSIVE (never a pass), unless the point estimates already violate the bound.
     *
     * @param limit the bound on candidate − baseline, in the metric's units
     */
    private Outcome withConfidence(Target target, String name, String threshold, double value, double b,
                                   String deltaText, String need, boolean pointOk, double limit, double magnitude) {
        boolean higher = rule.higherIsBetter();
        double level = rule.confidence();
        String needed = need + " with " + percent(level) + " confidence";
        String head = target.label() + " " + Numbers.format(value) + " vs baseline " + Numbers.format(b) + ": " + deltaText;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("level", level);
        PairedBootstrap.Difference difference = pairedDifference(value, b, level);
        if (!difference.comparable()) {
            String reason = difference.reason();
            if (pointOk) {
                return new Outcome(check(name, Verdict.INCONCLUSIVE, value, b, threshold,
                        head + ", cannot check " + needed + " — no paired interval: " + reason, target, "baseline", reason, evidence),
                        // the summary names what differs; the advice after it is in the check's message
                        name + ": " + reason.split("; ", 2)[0]);
            }
            Verdict verdict = rule.severity().violationVerdict();
            return new Outcome(check(name, verdict, value, b, threshold,
                    head + ", needs " + needed + severityNote(verdict) + " (no paired interval: " + reason + ")",
                    target, "baseline", null, evidence),
                    name + " " + deltaText + " (needs " + need + ")");
        }
        PercentileInterval interval = difference.interval();
        evidence.put("lower", interval.lower());
        evidence.put("upper", interval.upper());
        evidence.put("replicates", difference.replicates());
        boolean intervalOk = higher
                ? Tolerance.atLeast(interval.lower(), limit, magnitude)
                : Tolerance.atMost(interval.upper(), limit, magnitude);
        boolean ok = pointOk && intervalOk;
        Verdict verdict = ok ? Verdict.PASSED : rule.severity().violationVerdict();
        String range = "[" + Numbers.signed(interval.lower()) + ", " + Numbers.signed(interval.upper()) + "]";
        String message = head + ", " + percent(level) + " CI of the paired difference " + range + ", "
                + (ok ? "meets " : "needs ") + needed + severityNote(verdict);
        return new Outcome(check(name, verdict, value, b, threshold, message, target, "baseline", null, evidence),
                name + " " + deltaText + ", " + percent(level) + " CI " + range + " (needs " + needed + ")");
    }

    /** The paired-bootstrap interval of candidate − baseline, from the documents' bootstrap replicates. */
    private PairedBootstrap.Difference pairedDifference(double value, double baselineValue, double level) {
        String metric = rule.metric();
        try {
            return PairedBootstrap.compare(candidate.pairingView(metric, value), baseline.pairingView(metric, baselineValue),
                    metric, level);
        } catch (IllegalArgumentException e) {
            // Non-finite replicate values (a hand-edited document): no interval, said why.
            return new PairedBootstrap.Difference(metric, null, null, 0, e.getMessage());
        }
    }

    /** The check when the target or the candidate's value is not there: onMissing, or INCONCLUSIVE if slices cannot be ranked. */
    private Optional<Outcome> unavailable(Target target, String name, String threshold, String bound) {
        if (target.problem() == Problem.UNRANKABLE) {
            return Optional.of(new Outcome(check(name, Verdict.INCONCLUSIVE, null, null, threshold,
                    name + ": " + target.reason(), target, bound, target.reason()), name + ": slices have no count"));
        }
        String reason = target.problem() == Problem.MISSING ? target.reason() : candidateValue(target).missing();
        if (reason == null) {
            return Optional.empty();
        }
        Verdict verdict = rule.onMissing().verdict();
        String what = target.problem() == Problem.MISSING ? target.label() + ": " + reason : target.label() + " " + reason;
        String message = rule.onMissing() == OnMissing.IGNORE
                ? "ignored: missing (" + what + ")"
                : what + " (onMissing: " + rule.onMissing().word() + ")";
        return Optional.of(new Outcome(check(name, verdict, null, null, threshold, message, target, bound, reason),
                name + ": " + reason, false, rule.onMissing() == OnMissing.IGNORE));
    }

    private MetricLookup candidateValue(Target target) {
        Map<String, MetricsDocument.Leaf> metrics = target.slice() == null
                ? candidate.metrics()
                : candidate.slice(target.slice()).orElseThrow().metrics();
        return MetricLookup.of(metrics, rule.metric(), candidate.source(), "candidate");
    }

    /** The baseline's value for the same slice; null when there is no baseline document at all. */
    private MetricLookup baselineValue(Target target) {
        if (baseline == null) {
            return null;
        }
        if (target.slice() == null) {
            return MetricLookup.of(baseline.metrics(), rule.metric(), baseline.source(), "baseline");
        }
        return baseline.slice(target.slice())
                .map(s -> MetricLookup.of(s.metrics(), rule.metric(), baseline.source(), "baseline"))
                .orElse(MetricLookup.missing("not in baseline (no slice '" + target.slice() + "')"));
    }

    private Check check(String name, Verdict verdict, Double value, Double baselineValue, String threshold,
                        String message, Target target, String bound, String reason) {
        return check(name, verdict, value, baselineValue, threshold, message, target, bound, reason, Map.of());
    }

    private Check check(String name, Verdict verdict, Double value, Double baselineValue, String threshold,
                        String message, Target target, String bound, String reason, Map<String, Object> extra) {
        Double delta = value != null && baselineValue != null && !Double.isNaN(value - baselineValue)
                ? value - baselineValue : null;
        Map<String, Object> details = details(target, bound, reason);
        details.putAll(extra);
        return new Check(name, verdict, value, baselineValue, delta, threshold, message, details);
    }

    private Map<String, Object> details(Target target, String bound, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("metric", rule.metric());
        details.put("slice", target.slice() == null ? (target.label().equals(rule.metric()) ? "overall" : rule.slices().toString())
                : target.slice());
        if (target.count() != null) {
            details.put("sliceCount", target.count());
        }
        details.put("bound", bound);
        details.put("rule", index);
        if (rule.higherIsBetter() != null) {
            details.put("higherIsBetter", rule.higherIsBetter());
        }
        if (reason != null) {
            details.put("reason", reason);
        }
        return details;
    }

    private static String severityNote(Verdict verdict) {
        return verdict == Verdict.WARNING ? " (severity: unstable)" : "";
    }

    /** A confidence level as a percentage: 0.95 → {@code 95%}, 0.975 → {@code 97.5%}. */
    static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A fraction as a signed percentage to 3 significant digits: 0.005 → {@code +0.5%}, −0.033981 → {@code −3.4%}. */
    static String signedPercent(double fraction) {
        double percent = fraction * 100;
        if (!Double.isFinite(percent) || percent == 0) {
            return Numbers.signed(percent) + "%";
        }
        double rounded = new BigDecimal(percent).round(new MathContext(3)).doubleValue();
        return Numbers.signed(rounded) + "%";
    }
}
