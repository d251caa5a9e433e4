package io.jenkins.plugins.mlcicd.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metric values of one evaluation (overall, a slice or a bootstrap replicate), in contract order,
 * plus the metrics that could not be computed with the reason why (never a made-up number).
 */
public final class MetricValues {
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Map<String, String> undefined = new LinkedHashMap<>();

    void put(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("metric " + name + " is not finite: " + value);
        }
        values.put(name, value);
    }

    void undefined(String name, String reason) {
        undefined.put(name, reason);
    }

    /** Defined metrics by name, in contract order. */
    public Map<String, Double> values() {
        return Collections.unmodifiableMap(values);
    }

    /** Undefined metrics by name → reason. */
    public Map<String, String> undefined() {
        return Collections.unmodifiableMap(undefined);
    }

    public Double get(String name) {
        return values.get(name);
    }

    /** Row count (the {@code count} metric), 0 when absent. */
    public long count() {
        Double count = values.get(MetricNames.COUNT);
        return count == null ? 0 : count.longValue();
    }
}
