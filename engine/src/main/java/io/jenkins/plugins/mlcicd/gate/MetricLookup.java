package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * A metric's value as the gate sees it: a finite number, or the reason it is missing ({@code null},
 * NaN, ±Infinity, absent). A value that is there but is not a number is the user's error, not a missing
 * metric, and is reported as bad input naming the file and key.
 *
 * @param value   the number, or null when missing
 * @param missing why it is missing (e.g. {@code not in candidate}), or null when present
 */
record MetricLookup(Double value, String missing) {

    boolean isMissing() {
        return value == null;
    }

    static MetricLookup missing(String reason) {
        return new MetricLookup(null, reason);
    }

    /**
     * Looks up {@code metric} among {@code metrics} of document {@code source}.
     *
     * @param role "candidate" or "baseline", for the missing reason
     */
    static MetricLookup of(Map<String, MetricsDocument.Leaf> metrics, String metric, String source, String role) {
        MetricsDocument.Leaf leaf = metrics.get(metric);
        if (leaf == null) {
            List<String> inside = metrics.keySet().stream().filter(k -> k.startsWith(metric + ".")).limit(3).toList();
            if (!inside.isEmpty()) {
                throw new BadInputException(source + ": metric '" + metric + "' is an object, not a number: name a "
                        + "number inside it, e.g. " + String.join(", ", inside));
            }
            return missing("not in " + role);
        }
        JsonNode value = leaf.value();
        if (value.isNull()) {
            return missing(leaf.note() != null ? "undefined in " + role + " (" + leaf.note() + ")" : "null in " + role);
        }
        if (value.isTextual() && value.asText().equals("NaN")) {
            return missing("NaN in " + role);
        }
        if (!value.isNumber()) {
            throw new BadInputException(source + ": " + leaf.path() + ": expected a number for metric '" + metric
                    + "', got " + JsonValues.describe(value));
        }
        double number = value.asDouble();
        if (Double.isNaN(number)) {
            return missing("NaN in " + role);
        }
        // Infinity (Python's literal, or 1e999 overflowing a double) satisfies every "at least" bound
        // and no comparison with it means anything: it is a metric the run failed to compute.
        if (Double.isInfinite(number)) {
            return missing((number > 0 ? "Infinity" : "-Infinity") + " in " + role + " (not a finite number)");
        }
        return new MetricLookup(number, null);
    }
}
