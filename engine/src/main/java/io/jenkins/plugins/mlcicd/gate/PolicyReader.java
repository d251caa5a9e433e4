package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a policy tree (from YAML, JSON or an inline Pipeline list of maps) into a validated
 * {@link GatePolicy}. Every error is one line naming the source, the rule and the key, e.g.
 * {@code gate.yaml: rules[2].within: expected 2 numbers, got 3}. The tree is walked by hand
 * rather than bound by Jackson so that each message can say what the key means.
 */
final class PolicyReader {
    private static final List<String> TOP_KEYS = List.of("rules", "onInconclusive");
    private static final List<String> RULE_KEYS = List.of("metric", "higherIsBetter", "atLeast", "atMost",
            "minImprovement", "maxRegression", "relative", "confidence", "within", "slices", "severity", "onMissing");
    private static final Pattern TOP_N = Pattern.compile("top\\s*:\\s*(\\d+)");

    private final String source;

    private PolicyReader(String source) {
        this.source = source;
    }

    static GatePolicy readPolicy(String source, JsonNode root) {
        PolicyReader reader = new PolicyReader(source);
        if (!root.isObject()) {
            throw reader.bad("", "expected a mapping with 'rules', got " + JsonValues.describe(root));
        }
        reader.rejectUnknownKeys("", root, TOP_KEYS);
        JsonNode rules = root.get("rules");
        if (rules == null) {
            throw reader.bad("", "missing key 'rules' (a list of rules, one per metric)");
        }
        BuildOutcome onInconclusive = BuildOutcome.UNSTABLE;
        JsonNode outcome = root.get("onInconclusive");
        if (outcome != null) {
            if (!outcome.isTextual()) {
                throw reader.bad("onInconclusive", "expected one of success, unstable, failure, got " + JsonValues.describe(outcome));
            }
            try {
                onInconclusive = VerdictMapping.parseOutcome("onInconclusive", outcome.asText());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source + ": " + e.getMessage(), e);
            }
        }
        return new GatePolicy(reader.readRules("rules", rules), onInconclusive);
    }

    static List<GateRule> readInlineRules(String source, JsonNode rules) {
        return new PolicyReader(source).readRules("rules", rules);
    }

    private List<GateRule> readRules(String path, JsonNode rules) {
        if (!rules.isArray()) {
            throw bad(path, "expected a list of rules, got " + JsonValues.describe(rules));
        }
        if (rules.isEmpty()) {
            throw bad(path, "no rules: a gate without rules would pass anything");
        }
        List<GateRule> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            GateRule rule = readRule(path + "[" + i + "]", rules.get(i));
            String identity = rule.metric() + " " + rule.slices();
            Integer earlier = seen.putIfAbsent(identity, i);
            if (earlier != null) {
                throw bad(path + "[" + i + "]", "metric '" + rule.metric() + "' with slices " + rule.slices()
                        + " already has a rule (" + path + "[" + earlier + "]): combine their bounds into one rule");
            }
            result.add(rule);
        }
        return result;
    }

    private GateRule readRule(String path, JsonNode rule) {
        if (!rule.isObject()) {
            throw bad(path, "expected a mapping (metric: ..., bounds), got " + JsonValues.describe(rule));
        }
        rejectUnknownKeys(path, rule, RULE_KEYS);
        JsonNode metricNode = rule.get("metric");
        if (metricNode == null) {
            throw bad(path, "missing key 'metric'");
        }
        if (!metricNode.isTextual() || metricNode.asText().isBlank()) {
            throw bad(path + ".metric", "expected a metric name, got " + JsonValues.describe(metricNode));
        }
        String metric = metricNode.asText().strip();
        Double atLeast = number(path, rule, "atLeast", false);
        Double atMost = number(path, rule, "atMost", false);
        Double minImprovement = number(path, rule, "minImprovement", true);
        Double maxRegression = number(path, rule, "maxRegression", true);
        Boolean relative = bool(path, rule, "relative");
        Double confidence = number(path, rule, "confidence", false);
        Interval within = interval(path, rule);
        Boolean givenDirection = bool(path, rule, "higherIsBetter");

        if (atLeast == null && atMost == null && within == null && minImprovement == null && maxRegression == null) {
            throw bad(path, "rule for '" + metric + "' has no bound: give atLeast, atMost, within, minImprovement or maxRegression");
        }
        if (atLeast != null && atMost != null && atLeast > atMost) {
            throw bad(path, "atLeast " + atLeast + " is greater than atMost " + atMost + ": no value can pass");
        }
        if (minImprovement != null && maxRegression != null) {
            throw bad(path, "give minImprovement or maxRegression, not both (an improvement of at least "
                    + "minImprovement already rules out any regression)");
        }
        boolean baselineBound = minImprovement != null || maxRegression != null;
        if (relative != null && relative && !baselineBound) {
            throw bad(path + ".relative", "applies to minImprovement or maxRegression, and the rule has neither");
        }
        SliceSelection slices = slices(path, rule.get("slices"));
        if (confidence != null) {
            checkConfidence(path + ".confidence", rule.get("confidence"), confidence, baselineBound, slices);
        }
        Boolean direction = givenDirection;
        if (direction == null) {
            Optional<Boolean> known = MetricTendency.higherIsBetter(metric);
            if (known.isPresent()) {
                direction = known.get();
            } else if (baselineBound) {
                throw bad(path, "metric '" + metric + "' has no known direction: set higherIsBetter: true or false "
                        + "for " + (minImprovement != null ? "minImprovement" : "maxRegression"));
            }
        }
        return new GateRule(source + ": " + path, metric, direction, atLeast, atMost, minImprovement, maxRegression,
                relative != null && relative, confidence, within, slices,
                word(path, rule, "severity", Severity.values(), Severity::word, Severity.FAILURE),
                word(path, rule, "onMissing", OnMissing.values(), OnMissing::word, OnMissing.FAIL));
    }

    /**
     * {@code confidence} is the level of the paired-bootstrap interval that must clear the baseline
     * bound. The evaluation document has bootstrap samples for its overall metrics only, so on a
     * slice the rule could never be decided: refusing it here beats a gate that is always inconclusive.
     */
    private void checkConfidence(String where, JsonNode node, double confidence, boolean baselineBound, SliceSelection slices) {
        if (!(confidence > 0 && confidence < 1)) {
            String hint = confidence > 1 && confidence < 100 ? " (a fraction: " + node.asText() + "% is "
                    + BigDecimal.valueOf(confidence).movePointLeft(2).stripTrailingZeros().toPlainString() + ")" : "";
            throw bad(where, "expected a level between 0 and 1 (exclusive), e.g. 0.95, got " + node.asText() + hint);
        }
        if (!baselineBound) {
            throw bad(where, "applies to minImprovement or maxRegression (the paired difference to the baseline), "
                    + "and the rule has neither");
        }
        if (!slices.overallOnly()) {
            throw bad(where, "needs bootstrap samples, which evaluations have for the overall metrics only, "
                    + "not for slices (" + slices + "): put confidence on a separate rule without slices");
        }
    }

    private Double number(String path, JsonNode rule, String key, boolean nonNegative) {
        JsonNode node = rule.get(key);
        if (node == null) {
            return null;
        }
        double value = finiteNumber(path + "." + key, node);
        if (nonNegative && value < 0) {
            throw bad(path + "." + key, "must be ≥ 0, got " + node.asText()
                    + (key.equals("minImprovement") ? " (to allow a regression, use maxRegression)" : "")
                    + (key.equals("maxRegression") ? " (to demand an improvement, use minImprovement)" : ""));
        }
        return value;
    }

    private double finiteNumber(String path, JsonNode node) {
        if (!node.isNumber()) {
            throw bad(path, "expected a number, got " + JsonValues.describe(node));
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            throw bad(path, "expected a finite number, got " + node.asText());
        }
        return value;
    }

    private Boolean bool(String path, JsonNode rule, String key) {
        JsonNode node = rule.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw bad(path + "." + key, "expected true or false, got " + JsonValues.describe(node));
        }
        return node.asBoolean();
    }

    private Interval interval(String path, JsonNode rule) {
        JsonNode node = rule.get("within");
        if (node == null) {
            return null;
        }
        String where = path + ".within";
        if (!node.isArray()) {
            throw bad(where, "expected 2 numbers [low, high], got " + JsonValues.describe(node));
        }
        if (node.size() != 2) {
            throw bad(where, "expected 2 numbers, got " + node.size());
        }
        double low = finiteNumber(where + "[0]", node.get(0));
        double high = finiteNumber(where + "[1]", node.get(1));
        if (low > high) {
            throw bad(where, "low " + node.get(0).asText() + " is greater than high " + node.get(1).asText());
        }
        return new Interval(low, high);
    }

    private SliceSelection slices(String path, JsonNode node) {
        String where = path + ".slices";
        if (node == null) {
            return SliceSelection.OVERALL;
        }
        if (node.isTextual()) {
            String word = node.asText().strip().toLowerCase(Locale.ROOT);
            if (word.equals("overall")) {
                return SliceSelection.OVERALL;
            }
            if (word.equals("all")) {
                return SliceSelection.ALL;
            }
            Matcher top = TOP_N.matcher(word);
            if (top.matches()) {
                int n;
                try {
                    n = Integer.parseInt(top.group(1));
                } catch (NumberFormatException e) {
                    n = 0;
                }
                if (n < 1) {
                    throw bad(where, "top:N needs N ≥ 1, got '" + node.asText() + "'");
                }
                return SliceSelection.top(n);
            }
            throw bad(where, "expected overall, all, top:N or a list of slice names, got '" + node.asText() + "'");
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw bad(where, "empty list: name at least one slice, or use overall, all or top:N");
            }
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode name = node.get(i);
                if (!name.isTextual() || name.asText().isBlank()) {
                    throw bad(where + "[" + i + "]", "expected a slice name, got " + JsonValues.describe(name));
                }
                if (!names.add(name.asText())) {
                    throw bad(where + "[" + i + "]", "slice '" + name.asText() + "' is listed twice");
                }
            }
            return SliceSelection.named(List.copyOf(names));
        }
        throw bad(where, "expected overall, all, top:N or a list of slice names, got " + JsonValues.describe(node));
    }

    private <E> E word(String path, JsonNode rule, String key, E[] values,
                       Function<E, String> wordOf, E fallback) {
        JsonNode node = rule.get(key);
        if (node == null) {
            return fallback;
        }
        List<String> words = Arrays.stream(values).map(wordOf).toList();
        if (node.isTextual()) {
            String given = node.asText().strip().toLowerCase(Locale.ROOT);
            for (E value : values) {
                if (wordOf.apply(value).equals(given)) {
                    return value;
                }
            }
        }
        throw bad(path + "." + key, "expected one of " + String.join(", ", words) + ", got " + JsonValues.describe(node));
    }

    private void rejectUnknownKeys(String path, JsonNode object, List<String> known) {
        Set<String> unknown = new HashSet<>();
        object.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                unknown.add(key);
            }
        });
        if (unknown.isEmpty()) {
            return;
        }
        String key = unknown.stream().sorted().findFirst().orElseThrow();
        String suggestion = known.stream()
                .min(Comparator.comparingInt(k -> editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))))
                .filter(k -> editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 4))
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse(" (known keys: " + String.join(", ", known) + ")");
        throw bad(path, "unknown key '" + key + "'" + suggestion);
    }

    private BadInputException bad(String path, String reason) {
        return new BadInputException(source + ": " + (path.isEmpty() ? "" : path + ": ") + reason);
    }

    /** Levenshtein distance, for "did you mean" on misspelt keys. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
