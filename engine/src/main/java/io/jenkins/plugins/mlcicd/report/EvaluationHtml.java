package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders an {@code evaluation} result document: the metric table with bootstrap intervals, the
 * charts (ROC and precision–recall curves, reliability diagram, score histogram by class — from the
 * document's {@code curves}), the slices worst first, the fairness gaps, and all checks. Given a
 * reference evaluation (e.g. the reference build's), the curves of both models share each chart and
 * a comparison table shows both metrics and their difference. Reads the JSON fields only, so it
 * renders stored documents; every text is escaped; no script, no style attribute.
 */
public final class EvaluationHtml {
    /** Metrics where higher is better; for {@link #LOWER_BETTER} lower is. Others get no colour. */
    private static final Set<String> HIGHER_BETTER = Set.of("auc", "pr_auc", "accuracy", "precision", "recall", "f1", "r2",
            "precision_at_k", "recall_at_k");
    private static final Set<String> LOWER_BETTER = Set.of("log_loss", "brier", "ece", "rmse", "mae",
            "demographic_parity_difference", "equal_opportunity_difference");
    private static final Set<String> COUNTS = Set.of("count", "positives");
    private static final int MAX_SLICE_ROWS = 50;

    private EvaluationHtml() {
    }

    /**
     * The evaluation report.
     *
     * @param document  the candidate's evaluation document
     * @param reference an evaluation document to compare with, or null
     */
    public static String fragment(ResultDocument document, ResultDocument reference) {
        if (document.kind() != ResultKind.EVALUATION) {
            return HtmlReport.genericFragment(document);
        }
        if (reference != null && reference.kind() != ResultKind.EVALUATION) {
            reference = null;
        }
        ObjectNode f = document.fields();
        ObjectNode r = reference == null ? null : reference.fields();
        StringBuilder html = new StringBuilder(HtmlReport.open(document, " mlcicd-evaluation"));
        html.append("<h3>Metrics</h3>\n").append(metrics(f, r));
        html.append(charts(f, r));
        html.append(slices(f));
        html.append(fairness(f.path("fairness")));
        html.append("<h3>All checks</h3>\n").append(HtmlReport.checksTable(document));
        html.append("</div>\n");
        return html.toString();
    }

    private static String metrics(ObjectNode f, ObjectNode r) {
        JsonNode intervals = f.path("intervals");
        boolean withIntervals = intervals.isObject() && !intervals.isEmpty();
        StringBuilder html = new StringBuilder("<table class=\"mlcicd-checks mlcicd-metrics\"><thead><tr><th>Metric</th><th class=\"num\">")
                .append(r == null ? "Value" : "Candidate").append("</th>");
        if (withIntervals) {
            html.append("<th class=\"num\">95% interval</th>");
        }
        if (r != null) {
            html.append("<th class=\"num\">Reference</th><th class=\"num\">Difference</th>");
        }
        html.append("</tr></thead><tbody>\n");
        List<String> names = new ArrayList<>();
        f.path("metrics").fieldNames().forEachRemaining(names::add);
        if (r != null) {
            r.path("metrics").fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
        }
        for (String name : names) {
            JsonNode value = f.path("metrics").path(name);
            html.append("<tr><th>").append(Html.text(name)).append("</th><td class=\"num\">").append(number(value)).append("</td>");
            if (withIntervals) {
                JsonNode interval = intervals.path(name);
                html.append("<td class=\"num mlcicd-interval\">").append(interval.isObject()
                        ? "[" + Numbers.format(interval.path("lower").asDouble()) + ", " + Numbers.format(interval.path("upper").asDouble()) + "]"
                        : "").append("</td>");
            }
            if (r != null) {
                JsonNode before = r.path("metrics").path(name);
                html.append("<td class=\"num\">").append(number(before)).append("</td>").append(difference(name, value, before));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        JsonNode undefined = f.path("undefined");
        if (undefined.isObject() && !undefined.isEmpty()) {
            html.append("<p>Undefined:</p><ul class=\"mlcicd-undefined\">\n");
            for (Map.Entry<String, JsonNode> e : undefined.properties()) {
                html.append("<li>").append(Html.text(e.getKey())).append(": ").append(Html.text(e.getValue().asText())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        return html.toString();
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? Html.escape(Numbers.format(value.asDouble())) : "—";
    }

    private static String difference(String name, JsonNode value, JsonNode before) {
        if (!value.isNumber() || !before.isNumber() || COUNTS.contains(name)) {
            return "<td class=\"num\">—</td>";
        }
        double delta = value.asDouble() - before.asDouble();
        String css = "";
        if (delta != 0 && (HIGHER_BETTER.contains(name) || LOWER_BETTER.contains(name))) {
            css = (delta > 0) == HIGHER_BETTER.contains(name) ? " mlcicd-better" : " mlcicd-worse";
        }
        return "<td class=\"num" + css + "\">" + Html.escape(Numbers.signed(delta)) + "</td>";
    }

    private static String charts(ObjectNode f, ObjectNode r) {
        JsonNode curves = f.path("curves");
        if (!curves.isObject()) {
            return "";
        }
        JsonNode reference = r == null ? null : r.path("curves");
        String candidateName = r == null ? "model" : "candidate";
        StringBuilder html = new StringBuilder("<h3>Curves</h3>\n<div class=\"mlcicd-charts\">\n");
        double[] unit = {0, 1};
        List<SvgChart.Series> roc = new ArrayList<>();
        addSeries(roc, candidateName, curves.path("roc"), "fpr", "tpr");
        addSeries(roc, "reference", reference == null ? null : reference.path("roc"), "fpr", "tpr");
        if (!roc.isEmpty()) {
            html.append(figure(SvgChart.lines("ROC curve", "False positive rate", "True positive rate", unit, unit, roc, true, false)));
        }
        List<SvgChart.Series> pr = new ArrayList<>();
        addSeries(pr, candidateName, curves.path("pr"), "recall", "precision");
        addSeries(pr, "reference", reference == null ? null : reference.path("pr"), "recall", "precision");
        if (!pr.isEmpty()) {
            html.append(figure(SvgChart.lines("Precision–recall curve", "Recall", "Precision", unit, unit, pr, false, false)));
        }
        List<SvgChart.Series> calibration = new ArrayList<>();
        addSeries(calibration, candidateName, curves.path("calibration"), "meanScore", "fractionPositive");
        addSeries(calibration, "reference", reference == null ? null : reference.path("calibration"), "meanScore", "fractionPositive");
        if (!calibration.isEmpty()) {
            html.append(figure(SvgChart.lines("Reliability diagram (10 score bins)", "Mean predicted score",
                    "Fraction positive", unit, unit, calibration, true, true)));
        }
        JsonNode scores = curves.path("scores");
        if (scores.isObject()) {
            JsonNode edges = scores.path("edges");
            List<String> labels = new ArrayList<>();
            for (int i = 0; i + 1 < edges.size(); i++) {
                labels.add(Numbers.format(edges.get(i).asDouble()) + "–" + Numbers.format(edges.get(i + 1).asDouble()));
            }
            double[] positives = shares(scores.path("positives"));
            double[] negatives = shares(scores.path("negatives"));
            html.append(figure(SvgChart.bars("Score histogram by class (" + candidateName + ")", "Score",
                    "Share of the class's rows", labels, List.of(new SvgChart.Bars("positives", positives),
                            new SvgChart.Bars("negatives", negatives)), v -> Numbers.format(v * 100) + "%")));
        }
        return html.append("</div>\n").toString();
    }

    private static String figure(String svg) {
        return "<figure class=\"mlcicd-chart-figure\">" + svg + "</figure>\n";
    }

    private static void addSeries(List<SvgChart.Series> out, String name, JsonNode curve, String x, String y) {
        if (curve == null || !curve.path(x).isArray() || curve.path(x).isEmpty()) {
            return;
        }
        out.add(new SvgChart.Series(name, doubles(curve.path(x)), doubles(curve.path(y))));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        }
        return out;
    }

    private static double[] shares(JsonNode counts) {
        double total = 0;
        for (JsonNode c : counts) {
            total += c.asDouble();
        }
        double[] out = new double[counts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = total == 0 ? 0 : counts.get(i).asDouble() / total;
        }
        return out;
    }

    /**
     * The slices, worst first by the task's headline metric (lowest AUC for a classifier, highest
     * RMSE for a regression); slices where it is undefined last.
     */
    private static String slices(ObjectNode f) {
        JsonNode slices = f.path("slices");
        if (!slices.isObject() || slices.size() <= 1) {
            return "";
        }
        boolean binary = !"regression".equals(f.path("task").asText());
        String key = binary ? "auc" : "rmse";
        List<String> columns = binary ? List.of("auc", "pr_auc", "log_loss", "f1", "positives") : List.of("rmse", "mae", "r2");
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : slices.properties()) {
            if (!e.getKey().equals("overall")) {
                rows.add(e);
            }
        }
        Comparator<Map.Entry<String, JsonNode>> worstFirst = Comparator.comparing(e -> !e.getValue().path(key).isNumber());
        Comparator<Map.Entry<String, JsonNode>> byValue = Comparator.comparingDouble(e -> e.getValue().path(key).asDouble());
        rows.sort(worstFirst.thenComparing(binary ? byValue : byValue.reversed()));
        StringBuilder html = new StringBuilder("<h3>Slices, worst ").append(Html.escape(key)).append(" first</h3>\n")
                .append("<table class=\"mlcicd-checks mlcicd-slices\"><thead><tr><th>Slice</th><th class=\"num\">Rows</th>");
        for (String column : columns) {
            html.append("<th class=\"num\">").append(Html.escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        JsonNode overall = slices.path("overall");
        if (overall.isObject()) {
            html.append(sliceRow("overall", overall, columns));
        }
        rows.stream().limit(MAX_SLICE_ROWS).forEach(e -> html.append(sliceRow(e.getKey(), e.getValue(), columns)));
        html.append("</tbody></table>\n");
        int hidden = Math.max(0, rows.size() - MAX_SLICE_ROWS) + f.path("slicesOmitted").asInt(0);
        if (hidden > 0) {
            html.append("<p>").append(hidden).append(" more slices not shown.</p>\n");
        }
        return html.toString();
    }

    private static String sliceRow(String name, JsonNode slice, List<String> columns) {
        StringBuilder row = new StringBuilder("<tr><td>").append(Html.text(name)).append("</td><td class=\"num\">")
                .append(number(slice.path("count"))).append("</td>");
        for (String column : columns) {
            row.append("<td class=\"num\">").append(number(slice.path(column))).append("</td>");
        }
        return row.append("</tr>\n").toString();
    }

    private static String fairness(JsonNode fairness) {
        if (!fairness.isObject()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<h3>Fairness across ").append(Html.text(fairness.path("sensitive").asText()))
                .append("</h3>\n<table class=\"mlcicd-checks mlcicd-compact\"><tbody>\n");
        for (String gap : List.of("demographic_parity_difference", "equal_opportunity_difference")) {
            html.append("<tr><th>").append(gap.replace('_', ' ')).append("</th><td class=\"num\">").append(number(fairness.path(gap)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<table class=\"mlcicd-checks mlcicd-fairness-groups\"><thead><tr><th>Group</th>"
                + "<th class=\"num\">Rows</th><th class=\"num\">Positives</th><th class=\"num\">Selection rate</th>"
                + "<th class=\"num\">True positive rate</th></tr></thead><tbody>\n");
        for (Map.Entry<String, JsonNode> group : fairness.path("groups").properties()) {
            JsonNode g = group.getValue();
            html.append("<tr><td>").append(Html.text(group.getKey())).append("</td><td class=\"num\">").append(number(g.path("count")))
                    .append("</td><td class=\"num\">").append(number(g.path("positives"))).append("</td><td class=\"num\">")
                    .append(number(g.path("selection_rate"))).append("</td><td class=\"num\">").append(number(g.path("true_positive_rate")))
                    .append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }
}
