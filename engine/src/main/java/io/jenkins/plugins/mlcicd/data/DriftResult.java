package io.jenkins.plugins.mlcicd.data;

import java.util.Map;

/**
 * The outcome of one column's drift measurement.
 *
 * @param method    the measure used (chosen by default rules when the contract named none)
 * @param value     the measured value (a p-value for ks and chi_square)
 * @param threshold the threshold it was compared with
 * @param drifted   whether it is drift
 * @param details   statistic, sample sizes, bins or categories, how the method was chosen
 */
public record DriftResult(DriftMethod method, double value, double threshold, boolean drifted, Map<String, Object> details) {
    public DriftResult {
        details = Map.copyOf(details);
    }
}
