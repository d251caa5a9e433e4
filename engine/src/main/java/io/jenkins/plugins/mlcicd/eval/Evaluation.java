package io.jenkins.plugins.mlcicd.eval;

import java.util.Map;

/**
 * The outcome of evaluating a predictions table.
 *
 * @param request       what was asked
 * @param table         the input as read (counts of rows, dropped and invalid rows)
 * @param overall       metrics over all rows (with the fairness differences when asked)
 * @param slices        per slice key ({@code country=DE}, and {@code overall}), largest first
 * @param slicesOmitted slices left out by {@code --top-slices}
 * @param fairness      fairness per group, or null without {@code --sensitive}
 * @param bootstrap     bootstrap intervals and replicates, or null without {@code --bootstrap}
 * @param curves        ROC, precision–recall, reliability and score-histogram points (binary, see
 *                      {@link Curves}), or null
 * @param approximation how some metrics are approximate and by how much at most, or null when all are exact
 */
public record Evaluation(
        EvaluationRequest request,
        PredictionTable table,
        MetricValues overall,
        Map<String, MetricValues> slices,
        int slicesOmitted,
        FairnessMetrics.Result fairness,
        BootstrapResult bootstrap,
        com.fasterxml.jackson.databind.node.ObjectNode curves,
        Approximation approximation) {

    public Evaluation(EvaluationRequest request, PredictionTable table, MetricValues overall, Map<String, MetricValues> slices,
            int slicesOmitted, FairnessMetrics.Result fairness, BootstrapResult bootstrap,
            com.fasterxml.jackson.databind.node.ObjectNode curves) {
        this(request, table, overall, slices, slicesOmitted, fairness, bootstrap, curves, null);
    }

    /**
     * Metrics computed from scores grouped into bins because the exact computation needed more distinct scores
     * than the bound: the bound, the bins, and for each approximate metric the most it can differ from the exact
     * value (the metrics not named here are exact or undefined).
     */
    public record Approximation(long distinctScoresAbove, int bins, Map<String, Double> errorBounds, String reason) {
    }
}
