package io.jenkins.plugins.mlcicd.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few numbers a person looks at first in an evaluation, read from its result document: the build
 * page's summary and the job page's trends show these. Binary: AUC, log loss and calibration slope,
 * and the slice with the lowest AUC; regression: RMSE, MAE and R², and the slice with the highest RMSE.
 * A metric the document lacks (undefined, e.g. one class only) is absent, never zero.
 *
 * @param metrics         headline metric name → value, in display order; only those the document has
 * @param worstSlice      the worst slice's key ({@code country=DE}), or null without slices
 * @param worstMetric     the metric that ranks slices ({@code auc} or {@code rmse}), or null without slices
 * @param worstValue      the worst slice's value of it, or null without slices
 */
public record EvaluationHeadline(Map<String, Double> metrics, String worstSlice, String worstMetric, Double worstValue) {
    /** The headline metrics of a binary evaluation, in display order. */
    public static final List<String> BINARY = List.of(MetricNames.AUC, MetricNames.LOG_LOSS, MetricNames.CALIBRATION_SLOPE);
    /** The headline metrics of a regression evaluation, in display order. */
    public static final List<String> REGRESSION = List.of(MetricNames.RMSE, MetricNames.MAE, MetricNames.R2);

    public EvaluationHeadline {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The headline of an evaluation document; empty for any other kind. */
    public static EvaluationHeadline of(ResultDocument document) {
        if (document.kind() != ResultKind.EVALUATION) {
            return new EvaluationHeadline(Map.of(), null, null, null);
        }
        JsonNode fields = document.fields();
        boolean regression = Task.REGRESSION.id().equals(fields.path("task").asText());
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : regression ? REGRESSION : BINARY) {
            Double value = number(fields.path("metrics").path(name));
            if (value != null) {
                metrics.put(name, value);
            }
        }
        // Binary slices rank by AUC (lower is worse), regression slices by RMSE (higher is worse).
        String ranking = regression ? MetricNames.RMSE : MetricNames.AUC;
        String worst = null;
        Double worstValue = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.path("slices").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> slice = it.next();
            Double value = number(slice.getValue().path(ranking));
            if (slice.getKey().equals(Evaluator.OVERALL) || value == null) {
                continue;
            }
            if (worstValue == null || (regression ? value > worstValue : value < worstValue)) {
                worst = slice.getKey();
                worstValue = value;
            }
        }
        return new EvaluationHeadline(metrics, worst, worst == null ? null : ranking, worstValue);
    }

    private static Double number(JsonNode node) {
        return node.isNumber() && Double.isFinite(node.asDouble()) ? node.asDouble() : null;
    }
}
