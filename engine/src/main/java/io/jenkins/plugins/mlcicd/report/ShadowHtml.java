package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report of a shadow evaluation: checks, both models side by side (errors by kind, latency
 * percentiles as a chart and a table), the comparison, score and score-difference histograms,
 * per-slice comparison, label metrics with their paired differences, reliability curves and the
 * worst-disagreeing requests. SVG only, no script (CSP clean).
 */
final class ShadowHtml {
    private static final String BASELINE_FILL = "#8c959f";
    private static final String CANDIDATE_FILL = "#0969da";

    private ShadowHtml() {
    }

    static String fragment(ResultDocument document) {
        ObjectNode fields = document.fields();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"mlcicd-report\" data-kind=\"shadow\">\n");
        html.append("<p class=\"mlcicd-summary\">").append(HtmlReport.verdictBadge(document.verdict())).append(' ')
                .append(Html.escape(document.summary())).append("</p>\n");
        html.append(HtmlReport.checksTable(document));
        JsonNode baseline = fields.path("models").path("baseline");
        JsonNode candidate = fields.path("models").path("candidate");
        html.append("<section class=\"mlcicd-shadow-models\"><h2>Models</h2>\n");
        html.append("<p>").append(Html.escape(input(fields))).append("</p>\n");
        html.append("<table class=\"mlcicd-checks\"><thead><tr><th></th><th>Baseline</th><th>Candidate</th></tr></thead><tbody>\n");
        row(html, "requests", baseline.path("requests"), candidate.path("requests"));
        row(html, "answered with a score", baseline.path("ok"), candidate.path("ok"));
        row(html, "error rate", baseline.path("errorRate"), candidate.path("errorRate"));
        List<String> kinds = new ArrayList<>();
        candidate.path("errors").fieldNames().forEachRemaining(kinds::add);
        for (String kind : kinds) {
            row(html, "errors: " + kind, baseline.path("errors").path(kind), candidate.path("errors").path(kind));
        }
        for (String p : List.of("p50", "p95", "p99", "max")) {
            row(html, "latency " + p + " (ms)", baseline.path("latencyMs").path(p), candidate.path("latencyMs").path(p));
        }
        row(html, "throughput (requests/s)", baseline.path("throughput"), candidate.path("throughput"));
        html.append("</tbody></table>\n");
        html.append(latencyChart(baseline.path("latencyMs"), candidate.path("latencyMs")));
        html.append("</section>\n");

        JsonNode comparison = fields.path("comparison");
        html.append("<section class=\"mlcicd-shadow-comparison\"><h2>Comparison</h2>\n<table class=\"mlcicd-checks\">"
                + "<thead><tr><th>Between the models</th><th>Value</th></tr></thead><tbody>\n");
        single(html, "compared requests", comparison.path("compared"));
        single(html, "agreement (" + comparison.path("agreementBasis").asText() + ")", comparison.path("agreement"));
        single(html, "disagreements", comparison.path("disagreements"));
        single(html, "mean |score difference|", comparison.path("meanAbsScoreDiff"));
        single(html, "p99 |score difference|", comparison.path("p99AbsScoreDiff"));
        single(html, "max |score difference|", comparison.path("maxAbsScoreDiff"));
        single(html, "PSI", comparison.path("scoreDrift").path("psi"));
        single(html, "Kolmogorov-Smirnov D", comparison.path("scoreDrift").path("ks"));
        single(html, "Jensen-Shannon distance", comparison.path("scoreDrift").path("jensenShannon"));
        html.append("</tbody></table>\n");
        JsonNode charts = fields.path("charts");
        if (charts.has("scores")) {
            JsonNode scores = charts.path("scores");
            html.append(bars("Scores of both models", "Score", scores.path("edges"), List.of("baseline", "candidate"),
                    List.of(scores.path("baseline"), scores.path("candidate")), List.of(BASELINE_FILL, CANDIDATE_FILL)));
        }
        if (charts.has("absScoreDiff")) {
            JsonNode diff = charts.path("absScoreDiff");
            html.append(bars("Score differences", "|candidate score − baseline score|", diff.path("edges"), List.of("requests"),
                    List.of(diff.path("counts")), List.of(CANDIDATE_FILL)));
        }
        html.append("</section>\n");

        if (fields.path("slices").isObject()) {
            html.append("<section class=\"mlcicd-shadow-slices\"><h2>Slices</h2>\n<table class=\"mlcicd-checks\"><thead><tr>"
                    + "<th>Slice</th><th>Compared</th><th>Agreement</th><th>Mean |diff|</th><th>Max |diff|</th><th>PSI</th></tr></thead><tbody>\n");
            for (Map.Entry<String, JsonNode> slice : fields.path("slices").properties()) {
                JsonNode s = slice.getValue();
                html.append("<tr><td>").append(Html.escape(slice.getKey())).append("</td>");
                for (JsonNode value : List.of(s.path("compared"), s.path("agreement"), s.path("meanAbsScoreDiff"),
                        s.path("maxAbsScoreDiff"), s.path("scoreDrift").path("psi"))) {
                    html.append("<td class=\"num\">").append(Html.escape(number(value))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody></table></section>\n");
        }

        JsonNode labels = fields.path("labels");
        if (labels.isObject()) {
            html.append("<section class=\"mlcicd-shadow-labels\"><h2>Quality on labeled requests</h2>\n<p>")
                    .append(Html.escape(labels.path("labeled").asText() + " compared requests have a label in "
                            + labels.path("source").asText())).append("</p>\n");
            html.append("<table class=\"mlcicd-checks\"><thead><tr><th>Metric</th><th>Baseline</th><th>Candidate</th>"
                    + "<th>Difference</th><th>95% interval</th></tr></thead><tbody>\n");
            for (Map.Entry<String, JsonNode> delta : labels.path("deltas").properties()) {
                JsonNode d = delta.getValue();
                String interval = d.has("lower") ? "[" + Numbers.signed(d.path("lower").asDouble()) + ", "
                        + Numbers.signed(d.path("upper").asDouble()) + "]" : d.path("reason").asText("");
                html.append("<tr><td>").append(Html.escape(delta.getKey())).append("</td><td class=\"num\">")
                        .append(Html.escape(number(d.path("baseline")))).append("</td><td class=\"num\">")
                        .append(Html.escape(number(d.path("candidate")))).append("</td><td class=\"num\">")
                        .append(Html.escape(d.has("delta") ? Numbers.signed(d.path("delta").asDouble()) : "—"))
                        .append("</td><td>").append(Html.escape(interval)).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
            html.append(reliability(labels.path("reliability")));
            html.append("</section>\n");
        }

        JsonNode samples = fields.path("samples");
        if (samples.isArray() && !samples.isEmpty()) {
            html.append("<section class=\"mlcicd-shadow-samples\"><h2>Requests answered most differently</h2>\n"
                    + "<table class=\"mlcicd-checks\"><thead><tr><th>Request</th><th>Baseline</th><th>Candidate</th>"
                    + "<th>|diff|</th><th>Decisions differ</th></tr></thead><tbody>\n");
            for (JsonNode sample : samples) {
                html.append("<tr><td>").append(Html.escape(sample.path("id").asText()))
                        .append(sample.has("slice") ? " (" + Html.escape(sample.path("slice").asText()) + ")" : "")
                        .append("</td><td class=\"num\">").append(Html.escape(decision(sample, "baseline")))
                        .append("</td><td class=\"num\">").append(Html.escape(decision(sample, "candidate")))
                        .append("</td><td class=\"num\">").append(Html.escape(number(sample.path("difference"))))
                        .append("</td><td>").append(sample.path("disagree").asBoolean() ? "yes" : "no").append("</td></tr>\n");
            }
            html.append("</tbody></table></section>\n");
        }
        html.append("</div>\n");
        return html.toString();
    }

    private static String input(ObjectNode fields) {
        JsonNode input = fields.path("input");
        String stop = fields.path("stopReason").asText("");
        if ("log-join".equals(fields.path("mode").asText())) {
            return "Prediction logs " + input.path("baselineLog").asText() + " and " + input.path("candidateLog").asText()
                    + " joined on " + input.path("key").asText() + ": " + input.path("matched").asText() + " matched, "
                    + input.path("onlyBaseline").asText() + " only in the baseline's, " + input.path("onlyCandidate").asText()
                    + " only in the candidate's (" + stop + ").";
        }
        return "Replay of " + input.path("requests").asText() + ": " + input.path("sent").asText() + " requests to "
                + input.path("baselineUrl").asText() + " and " + input.path("candidateUrl").asText() + ", "
                + input.path("concurrency").asText() + " connections each"
                + (input.has("rate") ? " at " + input.path("rate").asText() + " requests/s" : "")
                + " over " + input.path("protocol").asText() + ", " + input.path("elapsedMs").asLong() / 1000.0 + " s ("
                + stop + ")" + (input.path("skippedLines").asLong() > 0 ? "; " + input.path("skippedLines").asText()
                        + " invalid lines skipped" : "") + ".";
    }

    private static String decision(JsonNode sample, String model) {
        String score = number(sample.path(model));
        String decision = sample.path(model + "Decision").asText(null);
        return decision == null ? score : score + " (" + decision + ")";
    }

    private static void row(StringBuilder html, String name, JsonNode baseline, JsonNode candidate) {
        html.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">").append(Html.escape(number(baseline)))
                .append("</td><td class=\"num\">").append(Html.escape(number(candidate))).append("</td></tr>\n");
    }

    private static void single(StringBuilder html, String name, JsonNode value) {
        html.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">").append(Html.escape(number(value)))
                .append("</td></tr>\n");
    }

    private static String number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "—";
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        return value.isNumber() ? Numbers.format(value.asDouble()) : value.asText();
    }

    /** Latency percentiles of both models as grouped bars. */
    private static String latencyChart(JsonNode baseline, JsonNode candidate) {
        List<String> percentiles = List.of("p50", "p95", "p99", "max");
        double[] b = new double[percentiles.size()];
        double[] c = new double[percentiles.size()];
        double max = 0;
        for (int i = 0; i < percentiles.size(); i++) {
            b[i] = baseline.path(percentiles.get(i)).asDouble(0);
            c[i] = candidate.path(percentiles.get(i)).asDouble(0);
            max = Math.max(max, Math.max(b[i], c[i]));
        }
        if (max <= 0) {
            return "";
        }
        return SvgChart.bars("Latency of both models", "Percentile", "Milliseconds", percentiles,
                List.of(new SvgChart.Bars("baseline", b, BASELINE_FILL), new SvgChart.Bars("candidate", c, CANDIDATE_FILL)),
                Numbers::format);
    }

    /** Histogram bars of one or more series on shared bins, labelled by their ranges. */
    private static String bars(String title, String xLabel, JsonNode edges, List<String> names, List<JsonNode> series, List<String> fills) {
        int bins = series.get(0).size();
        if (bins == 0) {
            return "";
        }
        List<String> ranges = new java.util.ArrayList<>();
        for (int i = 0; i < bins; i++) {
            ranges.add(edges.size() > i + 1 ? "[" + Numbers.format(edges.path(i).asDouble()) + ", "
                    + Numbers.format(edges.path(i + 1).asDouble()) + ")" : "bin " + (i + 1));
        }
        List<SvgChart.Bars> bars = new java.util.ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            double[] counts = new double[bins];
            for (int i = 0; i < bins; i++) {
                counts[i] = series.get(s).path(i).asDouble();
            }
            bars.add(new SvgChart.Bars(names.get(s), counts, fills.get(s)));
        }
        return SvgChart.bars(title, xLabel, "Requests", ranges, bars, v -> Long.toString(Math.round(v)));
    }

    /** Observed positive rate against mean score per bin, both models, with the diagonal of perfect calibration. */
    private static String reliability(JsonNode curves) {
        if (!curves.isObject()) {
            return "";
        }
        List<SvgChart.Series> series = new java.util.ArrayList<>();
        for (String model : List.of("baseline", "candidate")) {
            JsonNode bins = curves.path(model);
            double[] x = new double[bins.size()];
            double[] y = new double[bins.size()];
            for (int i = 0; i < bins.size(); i++) {
                x[i] = bins.path(i).path("meanScore").asDouble();
                y[i] = bins.path(i).path("positiveRate").asDouble();
            }
            series.add(new SvgChart.Series(model, x, y));
        }
        return SvgChart.lines("Reliability (diagonal: perfectly calibrated)", "Mean score", "Observed positive rate",
                new double[] {0, 1}, new double[] {0, 1}, series, true, true);
    }
}
