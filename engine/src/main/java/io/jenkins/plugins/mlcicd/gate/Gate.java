package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The model gate: evaluates a policy on candidate metrics against an optional baseline. */
public final class Gate {
    /** The {@code reason} detail of a baseline-relative check that had no baseline to compare with. */
    public static final String NO_BASELINE_REASON = "no baseline";

    private Gate() {
    }

    /**
     * Whether a gate result passed everything it could check: every check PASSED, except
     * baseline-relative ones that were inconclusive only for lack of a baseline. Without a baseline
     * such a policy can never pass outright, so this is what qualifies a first build as a reference.
     */
    public static boolean passedExceptForMissingBaseline(ResultDocument gateResult) {
        return gateResult.checks().stream().allMatch(check -> check.verdict() == Verdict.PASSED
                || check.verdict() == Verdict.INCONCLUSIVE && NO_BASELINE_REASON.equals(check.details().get("reason")));
    }

    /**
     * Evaluates the policy. baseline may be null (first build: baseline-relative parts INCONCLUSIVE).
     * baselineSource (nullable) describes where the baseline came from, e.g. "build #12" or a file path;
     * it is recorded in the result document's {@code baseline} field.
     * Returns a result document of kind GATE; its checks carry value, baseline, delta, threshold, message.
     *
     * @throws io.jenkins.plugins.mlcicd.input.BadInputException when a metric the policy needs is not a number
     */
    public static ResultDocument evaluate(GatePolicy policy, MetricsDocument candidate,
                                          MetricsDocument baseline, String baselineSource) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(candidate, "candidate");
        Instant startedAt = Instant.now();
        long start = System.nanoTime();

        List<RuleEvaluator.Outcome> outcomes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<GateRule> rules = policy.rules();
        for (int i = 0; i < rules.size(); i++) {
            for (RuleEvaluator.Outcome outcome : new RuleEvaluator(rules.get(i), i, candidate, baseline).evaluate()) {
                outcomes.add(uniquelyNamed(outcome, i, names));
            }
        }
        List<Check> checks = outcomes.stream().map(RuleEvaluator.Outcome::check).toList();
        Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
        boolean noBaseline = outcomes.stream().anyMatch(RuleEvaluator.Outcome::noBaseline);
        String summary = GateSummary.of(outcomes, verdict, noBaseline);

        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("policy", policy.source());
        fields.put("candidate", candidate.source());
        if (baseline == null) {
            fields.putNull("baseline");
        } else {
            fields.putObject("baseline").put("source", baselineSource != null ? baselineSource : baseline.source());
        }
        fields.put("onInconclusive", policy.onInconclusive().name());
        ObjectNode counts = fields.putObject("counts");
        for (Map.Entry<Verdict, Integer> count : GateSummary.counts(outcomes).entrySet()) {
            counts.put(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new ResultDocument(ResultKind.GATE, verdict, summary, startedAt, durationMs, checks, fields);
    }

    /** Check names are test names in JUnit: two rules that reach the same slice get the rule index appended. */
    private static RuleEvaluator.Outcome uniquelyNamed(RuleEvaluator.Outcome outcome, int ruleIndex, Set<String> names) {
        Check check = outcome.check();
        if (names.add(check.name())) {
            return outcome;
        }
        String name = check.name() + " (rules[" + ruleIndex + "])";
        names.add(name);
        Check renamed = new Check(name, check.verdict(), check.value(), check.baseline(), check.delta(),
                check.threshold(), check.message(), check.details());
        return new RuleEvaluator.Outcome(renamed, outcome.brief(), outcome.noBaseline(), outcome.ignored());
    }
}
