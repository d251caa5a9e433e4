package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a trainer's metrics file (JSON, or YAML for any other extension) and flattens nested
 * objects into dotted names: {@code {"val": {"auc": 0.91}}} → {@code val.auc = 0.91}. Only finite
 * numbers are metrics; other leaves (NaN and ±Infinity as Python writes them, strings, booleans, nulls,
 * arrays such as curves) are listed as skipped rather than guessed at. Same parser as the gate's
 * ({@link StructuredFiles#parseMetricsTree}), so a file {@code train} accepts, {@code gate} reads alike.
 *
 * @param values  numeric metrics in file order
 * @param skipped dotted names of leaves that are not numbers
 */
public record MetricsFile(Map<String, Double> values, List<String> skipped) {
    public MetricsFile {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        skipped = List.copyOf(skipped);
    }

    public static MetricsFile read(Path file, String displayPath) {
        // The gate's reader too: Python's NaN/Infinity literals parse, and read as non-finite (skipped) values.
        JsonNode root = StructuredFiles.parseMetricsTree(displayPath, StructuredFiles.readMetricsText(file, displayPath));
        if (!root.isObject()) {
            throw new BadInputException(displayPath + ": metrics must be an object of names to numbers, got " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        flatten("", root, values, skipped);
        return new MetricsFile(values, skipped);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Double> values, List<String> skipped) {
        node.properties().forEach(field -> {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name, value, values, skipped);
            } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                values.put(name, value.doubleValue());
            } else if (value.isNumber()) {
                skipped.add(name + " (" + value.doubleValue() + ")");
            } else {
                skipped.add(name);
            }
        });
    }
}
