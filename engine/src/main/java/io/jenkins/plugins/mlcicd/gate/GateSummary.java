package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line summary of a gate: how many checks of the worst kind, which ones and why, what
 * else is not passed, and whether there was no baseline, e.g.
 * {@code 2 of 9 checks failed: auc vs baseline −0.003 (needs ≥ +0.005); f1 0.71 (needs ≥ 0.75); also 1 inconclusive}.
 */
final class GateSummary {
    private static final int NAMED_AT_MOST = 3;

    private GateSummary() {
    }

    static String of(List<RuleEvaluator.Outcome> outcomes, Verdict verdict, boolean noBaseline) {
        Map<Verdict, Integer> counts = counts(outcomes);
        int total = outcomes.size();
        String prefix = noBaseline ? "no baseline: " : "";
        long ignored = outcomes.stream().filter(RuleEvaluator.Outcome::ignored).count();
        // A value the policy chose to ignore is still not a pass the reader should miss.
        String ignoredNote = ignored == 0 ? "" : " (" + ignored + " ignored: missing)";
        if (verdict == Verdict.PASSED) {
            return prefix + (total == 1 ? "the check passed" : "all " + total + " checks passed") + ignoredNote;
        }
        List<String> worst = outcomes.stream()
                .filter(o -> o.check().verdict() == verdict)
                .map(RuleEvaluator.Outcome::brief)
                .toList();
        StringBuilder line = new StringBuilder(prefix)
                .append(worst.size()).append(" of ").append(total).append(total == 1 ? " check " : " checks ")
                .append(word(verdict)).append(": ")
                .append(String.join("; ", worst.subList(0, Math.min(NAMED_AT_MOST, worst.size()))));
        if (worst.size() > NAMED_AT_MOST) {
            line.append("; and ").append(worst.size() - NAMED_AT_MOST).append(" more");
        }
        List<String> others = new ArrayList<>();
        for (Verdict other : List.of(Verdict.FAILED, Verdict.INCONCLUSIVE, Verdict.WARNING)) {
            int count = counts.get(other);
            if (other != verdict && count > 0) {
                others.add(count + " " + word(other));
            }
        }
        if (ignored > 0) {
            others.add(ignored + " ignored (missing)");
        }
        if (!others.isEmpty()) {
            line.append("; also ").append(String.join(", ", others));
        }
        return line.toString();
    }

    static Map<Verdict, Integer> counts(List<RuleEvaluator.Outcome> outcomes) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        outcomes.forEach(o -> counts.merge(o.check().verdict(), 1, Integer::sum));
        return counts;
    }

    private static String word(Verdict verdict) {
        return switch (verdict) {
            case WARNING -> "unstable";
            default -> verdict.name().toLowerCase(Locale.ROOT);
        };
    }
}
