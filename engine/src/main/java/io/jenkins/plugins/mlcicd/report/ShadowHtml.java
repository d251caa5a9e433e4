package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a shadow evaluation: checks, both models side by side (errors by kind, latency
 * percentiles as a chart and a table), the comparison, score and score-difference histograms,
 * per-slice comparison, label metrics with their paired differences, reliability curves and the
 * worst-disagreeing requests. SVG only, no script (CSP clean).
 */
final class ShadowHtml {
    private static final int WIDTH = 520;
    private static final int HEIGHT = 170;
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
        html.append("<section class=\"mlcicd-shadow-comparison\"><h2>Comparison</h2>\n<table class=\"mlcicd-checks\"><tbody>\n");
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
            html.append(bars("Scores: baseline (grey) and candidate (blue)", scores.path("edges"),
                    List.of(scores.path("baseline"), scores.path("candidate")), List.of(BASELINE_FILL, CANDIDATE_FILL)));
        }
        if (charts.has("absScoreDiff")) {
            JsonNode diff = charts.path("absScoreDiff");
            html.append(bars("|candidate score − baseline score|", diff.path("edges"), List.of(diff.path("counts")),
                    List.of(CANDIDATE_FILL)));
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
        double max = 0;
        for (String p : percentiles) {
            max = Math.max(max, Math.max(baseline.path(p).asDouble(0), candidate.path(p).asDouble(0)));
        }
        if (max <= 0) {
            return "";
        }
        StringBuilder svg = open("Latency (ms): baseline (grey) and candidate (blue)");
        double slot = (double) WIDTH / percentiles.size();
        for (int i = 0; i < percentiles.size(); i++) {
            String p = percentiles.get(i);
            double b = baseline.path(p).asDouble(0);
            double c = candidate.path(p).asDouble(0);
            bar(svg, i * slot + 4, slot / 2 - 6, b / max, BASELINE_FILL, p + " baseline " + Numbers.format(b) + " ms");
            bar(svg, i * slot + slot / 2, slot / 2 - 6, c / max, CANDIDATE_FILL, p + " candidate " + Numbers.format(c) + " ms");
            text(svg, i * slot + slot / 2, HEIGHT + 14, p);
        }
        return close(svg);
    }

    /** Histogram bars of one or more series on shared bins. */
    private static String bars(String title, JsonNode edges, List<JsonNode> series, List<String> fills) {
        int bins = series.get(0).size();
        if (bins == 0) {
            return "";
        }
        double max = 1;
        for (JsonNode counts : series) {
            for (JsonNode count : counts) {
                max = Math.max(max, count.asDouble());
            }
        }
        StringBuilder svg = open(title);
        double slot = (double) WIDTH / bins;
        double width = slot / series.size();
        for (int i = 0; i < bins; i++) {
            for (int s = 0; s < series.size(); s++) {
                double count = series.get(s).path(i).asDouble();
                String range = edges.size() > i + 1 ? "[" + Numbers.format(edges.path(i).asDouble()) + ", "
                        + Numbers.format(edges.path(i + 1).asDouble()) + ")" : "bin " + i;
                bar(svg, i * slot + s * width, Math.max(1, width - 1), count / max, fills.get(s),
                        range + ": " + (long) count);
            }
        }
        if (edges.size() > 1) {
            text(svg, 0, HEIGHT + 14, Numbers.format(edges.path(0).asDouble()), "start");
            text(svg, WIDTH, HEIGHT + 14, Numbers.format(edges.path(edges.size() - 1).asDouble()), "end");
        }
        return close(svg);
    }

    /** Observed positive rate against mean score per bin, both models, with the diagonal of perfect calibration. */
    private static String reliability(JsonNode curves) {
        if (!curves.isObject()) {
            return "";
        }
        StringBuilder svg = open("Reliability: observed positive rate by mean score (diagonal: perfectly calibrated)");
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"0\" stroke=\"#d0d7de\" stroke-dasharray=\"4 3\"/>",
                HEIGHT, WIDTH));
        for (String model : List.of("baseline", "candidate")) {
            String fill = model.equals("baseline") ? BASELINE_FILL : CANDIDATE_FILL;
            StringBuilder points = new StringBuilder();
            for (JsonNode bin : curves.path(model)) {
                double x = bin.path("meanScore").asDouble() * WIDTH;
                double y = HEIGHT - bin.path("positiveRate").asDouble() * HEIGHT;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>", x, y, fill))
                        .append(Html.escape(model + ": mean score " + Numbers.format(bin.path("meanScore").asDouble())
                                + ", positive rate " + Numbers.format(bin.path("positiveRate").asDouble()) + ", "
                                + bin.path("count").asText() + " requests"))
                        .append("</title></circle>");
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(fill).append("\" stroke-width=\"1.5\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
        }
        text(svg, 0, HEIGHT + 14, "0", "start");
        text(svg, WIDTH, HEIGHT + 14, "1", "end");
        return close(svg);
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"mlcicd-histogram\"><figcaption>").append(Html.escape(title)).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT + 20).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + 20).append("\"><title>").append(Html.escape(title)).append("</title>");
        return svg;
    }

    private static String close(StringBuilder svg) {
        svg.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(HEIGHT)
                .append("\" stroke=\"#d0d7de\"/></svg></figure>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, double x, double width, double fraction, String fill, String title) {
        double height = Math.max(0, Math.min(1, fraction)) * (HEIGHT - 4);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>",
                x, HEIGHT - height, width, height, fill)).append(Html.escape(title)).append("</title></rect>");
    }

    private static void text(StringBuilder svg, double x, double y, String text) {
        text(svg, x, y, text, "middle");
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">", x, y, anchor))
                .append(Html.escape(text)).append("</text>");
    }
}
