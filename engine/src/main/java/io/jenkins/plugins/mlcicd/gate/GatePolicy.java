package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed, validated gate policy: one rule per metric (and slice selection), and what an
 * inconclusive gate does to the build. See docs/gate.md for the policy format.
 *
 * @param rules          the rules, never empty
 * @param onInconclusive build outcome of an INCONCLUSIVE verdict (default UNSTABLE)
 */
public record GatePolicy(List<GateRule> rules, BuildOutcome onInconclusive) {
    public GatePolicy {
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a gate policy needs at least one rule");
        }
        onInconclusive = onInconclusive == null ? BuildOutcome.UNSTABLE : onInconclusive;
    }

    /** Reads a policy file: {@code .json} as JSON, anything else as YAML. */
    public static GatePolicy read(Path file) {
        return parse(file.toString(), StructuredFiles.readText(file));
    }

    /** Parses policy text; {@code source} names it in errors and chooses the syntax ({@code .json} → JSON, else YAML). */
    public static GatePolicy parse(String source, String text) {
        if (text.isBlank()) {
            throw new BadInputException(source + ": file is empty");
        }
        return PolicyReader.readPolicy(source, StructuredFiles.parseTree(source, text));
    }

    /**
     * An inline policy from a Pipeline script, {@code rules: [[metric: 'auc', minImprovement: 0.005]]};
     * {@code onInconclusive} is UNSTABLE (build a new {@code GatePolicy} to choose otherwise).
     */
    public static GatePolicy fromRules(String source, List<Map<String, Object>> rules) {
        if (rules == null) {
            throw new BadInputException(source + ": rules: missing (a list of rules, one per metric)");
        }
        JsonNode tree = toTree(source, "rules", rules);
        return new GatePolicy(PolicyReader.readInlineRules(source, tree), BuildOutcome.UNSTABLE);
    }

    public VerdictMapping verdictMapping(boolean failuresAsUnstable) {
        return new VerdictMapping(failuresAsUnstable, onInconclusive);
    }

    /** Where the policy came from (the origin of its first rule's source part), for result documents. */
    public String source() {
        String origin = rules.get(0).origin();
        int colon = origin.lastIndexOf(": rules[");
        return colon < 0 ? origin : origin.substring(0, colon);
    }

    /**
     * Converts what a Pipeline script passes (maps, lists, numbers, booleans, strings including
     * Groovy's GString) to a JSON tree, so inline policies get exactly the validation of files.
     */
    private static JsonNode toTree(String source, String path, Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Boolean b) {
            return nodes.booleanNode(b);
        }
        if (value instanceof BigDecimal d) {
            return nodes.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return nodes.numberNode(i);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return nodes.numberNode(n.doubleValue());
        }
        if (value instanceof CharSequence text) {
            return nodes.textNode(text.toString());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = Objects.toString(entry.getKey());
                object.set(key, toTree(source, path + "." + key, entry.getValue()));
            }
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = nodes.arrayNode();
            int i = 0;
            for (Object item : list) {
                array.add(toTree(source, path + "[" + i++ + "]", item));
            }
            return array;
        }
        if (value instanceof Object[] items) {
            return toTree(source, path, java.util.Arrays.asList(items));
        }
        throw new BadInputException(source + ": " + path + ": unsupported value of type " + value.getClass().getSimpleName());
    }
}
