package io.jenkins.plugins.mlcicd.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.stats.PercentileInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code evaluation} result document. Fields (the contract gates read):
 * <pre>
 * task, threshold (binary), k (with --k),
 * input     {file, rows, evaluated, dropped, invalid: {reason: n}}
 * metrics   {name: number}                       overall, defined metrics only
 * undefined {name: reason, "name[slice]": reason} metrics that could not be computed
 * slices    {"overall" | "col=value": {name: number, ..., count: n}}   largest first
 * slicesOmitted n                                (with --top-slices)
 * fairness  {sensitive, demographic_parity_difference, equal_opportunity_difference,
 *            groups: {value: {count, positives, selection_rate, true_positive_rate}}}
 * intervals {name: {lower, upper, level}}        (with --bootstrap)
 * bootstrap {method, replicates, seed, rowKey, keyDigest, level, undefinedReplicates, samples: {name: [..]}}
 * curves    {roc, pr, calibration, scores}       (binary) what the report draws, see {@link Curves}
 * </pre>
 * Checks: one informative PASSED check per overall metric (INCONCLUSIVE when undefined), one per
 * slice, and one about invalid input rows. A missing metric makes the verdict INCONCLUSIVE.
 */
public final class EvaluationDocument {
    private EvaluationDocument() {
    }

    public static ResultDocument of(Evaluation evaluation, Instant startedAt) {
        EvaluationRequest request = evaluation.request();
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode fields = json.objectNode();
        fields.put("task", request.task().id());
        if (request.task() == Task.BINARY) {
            fields.put("threshold", request.threshold());
        }
        if (request.k() != null) {
            fields.put("k", request.k());
        }
        fields.set("input", input(evaluation.table()));
        fields.set("metrics", numbers(evaluation.overall().values()));
        ObjectNode undefined = fields.putObject("undefined");
        evaluation.overall().undefined().forEach(undefined::put);
        if (!evaluation.slices().isEmpty()) {
            ObjectNode slices = fields.putObject("slices");
            evaluation.slices().forEach((key, values) -> {
                ObjectNode slice = numbers(values.values());
                slice.put(MetricNames.COUNT, values.count());
                slices.set(key, slice);
                if (!key.equals(Evaluator.OVERALL)) {
                    values.undefined().forEach((metric, reason) -> undefined.put(metric + "[" + key + "]", reason));
                }
            });
            if (request.topSlices() != null) {
                fields.put("slicesOmitted", evaluation.slicesOmitted());
            }
        }
        if (evaluation.fairness() != null) {
            fields.set("fairness", fairness(request.sensitive(), evaluation.fairness()));
        }
        if (evaluation.bootstrap() != null) {
            BootstrapResult bootstrap = evaluation.bootstrap();
            ObjectNode intervals = fields.putObject("intervals");
            bootstrap.intervals().forEach((metric, interval) -> intervals.set(metric, interval(interval)));
            fields.set("bootstrap", bootstrap(bootstrap));
        }
        if (evaluation.curves() != null) {
            fields.set("curves", evaluation.curves());
        }
        List<Check> checks = checks(evaluation);
        Evaluation.Approximation approximation = evaluation.approximation();
        if (approximation != null) {
            ObjectNode node = fields.putObject("approximation");
            node.put("distinctScoresAbove", approximation.distinctScoresAbove());
            node.put("bins", approximation.bins());
            ObjectNode bounds = node.putObject("errorBounds");
            approximation.errorBounds().forEach(bounds::put);
            node.put("reason", approximation.reason());
            String message = approximation.reason() + "; " + approximation.errorBounds().entrySet().stream()
                    .map(e -> e.getKey() + " within ±" + Numbers.format(e.getValue())).collect(Collectors.joining(", "))
                    + " of the exact value";
            checks.add(1, new Check("metrics.exact", Verdict.WARNING, null, null, null, null, message,
                    new LinkedHashMap<>(approximation.errorBounds())));
        }
        Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
        return new ResultDocument(ResultKind.EVALUATION, verdict, summary(evaluation),
                startedAt, Duration.between(startedAt, Instant.now()).toMillis(), checks, fields);
    }

    private static ObjectNode input(PredictionTable table) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("file", table.source());
        input.put("rows", table.rowsRead());
        input.put("evaluated", table.rowsRead() - table.dropped());
        input.put("dropped", table.dropped());
        ObjectNode invalid = input.putObject("invalid");
        table.invalid().forEach(invalid::put);
        return input;
    }

    private static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        values.forEach((name, value) -> {
            if (MetricNames.COUNTS.contains(name)) {
                node.put(name, value.longValue());
            } else {
                node.put(name, value);
            }
        });
        return node;
    }

    private static ObjectNode fairness(String sensitive, FairnessMetrics.Result fairness) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sensitive", sensitive);
        fairness.values().values().forEach(node::put);
        ObjectNode groups = node.putObject("groups");
        fairness.groups().forEach((level, group) -> {
            ObjectNode g = groups.putObject(level);
            g.put("count", group.count());
            g.put("positives", group.positives());
            g.put("selection_rate", group.selectionRate());
            if (group.truePositiveRate() == null) {
                g.putNull("true_positive_rate");
            } else {
                g.put("true_positive_rate", group.truePositiveRate());
            }
        });
        return node;
    }

    private static ObjectNode interval(PercentileInterval interval) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("lower", interval.lower());
        node.put("upper", interval.upper());
        node.put("level", interval.level());
        return node;
    }

    private static ObjectNode bootstrap(BootstrapResult bootstrap) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("method", "poisson");
        node.put("replicates", bootstrap.replicates());
        node.put("seed", bootstrap.seed());
        node.put("rowKey", bootstrap.rowKey());
        node.put("keyDigest", bootstrap.keyDigest());
        node.put("level", BootstrapResult.LEVEL);
        ObjectNode undefined = node.putObject("undefinedReplicates");
        bootstrap.undefinedReplicates().forEach(undefined::put);
        ObjectNode samples = node.putObject("samples");
        bootstrap.samples().forEach((metric, values) -> {
            ArrayNode array = samples.putArray(metric);
            for (double value : values) {
                if (Double.isNaN(value)) {
                    array.addNull();
                } else {
                    array.add(value);
                }
            }
        });
        return node;
    }

    private static List<Check> checks(Evaluation evaluation) {
        List<Check> checks = new ArrayList<>();
        PredictionTable table = evaluation.table();
        String invalidMessage = table.dropped() == 0
                ? "no invalid rows among " + table.rowsRead()
                : table.dropped() + " of " + table.rowsRead() + " rows dropped as asked (--drop-invalid): "
                        + table.invalid().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                                .collect(Collectors.joining(", "));
        checks.add(Check.of("input.invalid_rows", Verdict.PASSED, (double) table.dropped(), null, invalidMessage));
        Map<String, PercentileInterval> intervals = evaluation.bootstrap() == null ? Map.of() : evaluation.bootstrap().intervals();
        evaluation.overall().values().forEach((metric, value) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            String message = metric + " = " + Numbers.format(value);
            PercentileInterval interval = intervals.get(metric);
            if (interval != null) {
                details.put("lower", interval.lower());
                details.put("upper", interval.upper());
                details.put("level", interval.level());
                message += ", 95% interval [" + Numbers.format(interval.lower()) + ", " + Numbers.format(interval.upper()) + "]";
            }
            checks.add(new Check(metric, Verdict.PASSED, value, null, null, null, message, details));
        });
        evaluation.overall().undefined().forEach((metric, reason) -> checks.add(
                Check.of(metric, Verdict.INCONCLUSIVE, null, null, metric + " is undefined: " + reason)));
        evaluation.slices().forEach((key, values) -> {
            if (key.equals(Evaluator.OVERALL)) {
                return;
            }
            String message = values.values().entrySet().stream()
                    .filter(e -> !MetricNames.COUNTS.contains(e.getKey()))
                    .limit(6)
                    .map(e -> e.getKey() + " " + Numbers.format(e.getValue()))
                    .collect(Collectors.joining(", "));
            Map<String, Object> details = new LinkedHashMap<>(values.values());
            checks.add(new Check("slice[" + key + "]", Verdict.PASSED, (double) values.count(), null, null, null,
                    values.count() + (values.count() == 1 ? " row" : " rows") + (message.isEmpty() ? "" : ": " + message), details));
        });
        return checks;
    }

    private static String summary(Evaluation evaluation) {
        MetricValues overall = evaluation.overall();
        List<String> headline = evaluation.request().task() == Task.BINARY
                ? List.of(MetricNames.AUC, MetricNames.LOG_LOSS, MetricNames.F1)
                : List.of(MetricNames.RMSE, MetricNames.MAE, MetricNames.R2);
        StringBuilder text = new StringBuilder(evaluation.request().task().id()).append(", ")
                .append(overall.count()).append(" rows");
        for (String metric : headline) {
            Double value = overall.get(metric);
            text.append(", ").append(metric).append(' ').append(value == null ? "undefined" : Numbers.format(value));
        }
        if (!overall.undefined().isEmpty()) {
            text.append("; undefined: ").append(String.join(", ", overall.undefined().keySet()));
        }
        return text.toString();
    }
}
