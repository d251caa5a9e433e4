package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of a canary rollout: the decision and its reason, the canary's weight over time with
 * every analysis on it, each guardrail's canary (and baseline) values against its bound, and the
 * transitions. Reads only the document's JSON fields (report never depends on the engine that wrote
 * them). Charts by {@link SvgChart}, as every report's.
 */
final class CanaryHtml {

    private CanaryHtml() {
    }

    static String fragment(ResultDocument document) {
        ObjectNode f = document.fields();
        StringBuilder html = new StringBuilder();
        html.append(HtmlReport.open(document, " mlcicd-canary"));
        html.append("<p class=\"mlcicd-canary-decision\">Phase <strong>").append(Html.escape(f.path("phase").asText()))
                .append("</strong>, canary weight ").append(f.path("weight").asInt()).append("%");
        if (f.hasNonNull("reason")) {
            html.append(". Reason: ").append(Html.escape(f.path("reason").asText()));
        }
        html.append("</p>\n");
        JsonNode plan = f.path("plan");
        html.append("<p class=\"mlcicd-canary-plan\">Stages: ");
        List<String> stages = new ArrayList<>();
        for (JsonNode s : plan.path("stages")) {
            stages.add(s.path("weight").asInt() + "%" + (s.has("durationMs") ? " for " + human(s.path("durationMs").asLong()) : ""));
        }
        html.append(Html.escape(String.join(" → ", stages))).append("; analysis every ")
                .append(Html.escape(human(plan.path("intervalMs").asLong()))).append(", failureLimit ")
                .append(plan.path("failureLimit").asInt()).append(", noData ").append(Html.escape(plan.path("noData").asText()))
                .append(", worst-case rollback ").append(Html.escape(human(plan.path("worstCaseRollbackMs").asLong())))
                .append(" ≤ ").append(Html.escape(human(plan.path("rollbackWithinMs").asLong()))).append("</p>\n");

        Instant start = document.startedAt();
        Instant end = start.plusMillis(Math.max(1, document.durationMs()));
        for (JsonNode a : f.path("analyses")) {
            end = max(end, instant(a.path("at").asText(), end));
        }
        for (JsonNode t : f.path("transitions")) {
            end = max(end, instant(t.path("at").asText(), end));
        }
        html.append("<h3>Traffic on the canary</h3>\n").append(weightChart(f, start, end));
        html.append("<h3>Guardrails</h3>\n");
        for (Map.Entry<String, List<JsonNode>> series : checksByName(f).entrySet()) {
            html.append(guardrailChart(series.getKey(), series.getValue(), bounds(plan, series.getKey()), start, end));
        }
        html.append("<h3>Transitions</h3>\n<table class=\"mlcicd-checks mlcicd-canary-transitions\">\n<thead><tr><th>At</th>"
                + "<th>From</th><th>To</th><th>Weight</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for (JsonNode t : f.path("transitions")) {
            html.append("<tr><td>").append(Html.escape(t.path("at").asText())).append("</td><td>")
                    .append(Html.escape(t.path("from").asText())).append("</td><td>").append(Html.escape(t.path("to").asText()))
                    .append("</td><td class=\"num\">").append(t.path("weight").asInt()).append("%</td><td>")
                    .append(Html.escape(t.path("reason").asText())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        html.append("<h3>Latest analysis</h3>\n").append(HtmlReport.checksTable(document));
        html.append("<h3>Analyses</h3>\n<table class=\"mlcicd-checks mlcicd-canary-analyses\">\n<thead><tr><th>At</th>"
                + "<th>Stage</th><th>Weight</th><th>Outcome</th><th>Guardrails (canary vs bound)</th></tr></thead>\n<tbody>\n");
        for (JsonNode a : f.path("analyses")) {
            List<String> checks = new ArrayList<>();
            for (JsonNode c : a.path("checks")) {
                checks.add(c.path("name").asText() + " " + number(c.get("value"))
                        + (c.hasNonNull("baseline") ? " (baseline " + number(c.get("baseline")) + ")" : "") + " "
                        + c.path("threshold").asText() + " " + c.path("verdict").asText());
            }
            html.append("<tr><td>").append(Html.escape(a.path("at").asText())).append("</td><td class=\"num\">")
                    .append(a.path("stage").asInt() + 1).append("</td><td class=\"num\">").append(a.path("weight").asInt())
                    .append("%</td><td>").append(Html.escape(a.path("outcome").asText())).append("</td><td>")
                    .append(Html.escape(String.join("; ", checks))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        return html.toString();
    }

    /** The weight as a step line over seconds since the start, each analysis a marker on it. */
    private static String weightChart(ObjectNode f, Instant start, Instant end) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int weight = 0;
        xs.add(0.0);
        ys.add(0.0);
        for (JsonNode t : f.path("transitions")) {
            double at = seconds(start, instant(t.path("at").asText(), start));
            xs.add(at);
            ys.add((double) weight);
            weight = t.path("weight").asInt();
            xs.add(at);
            ys.add((double) weight);
        }
        xs.add(seconds(start, end));
        ys.add((double) weight);
        List<SvgChart.Series> series = new ArrayList<>();
        series.add(new SvgChart.Series("canary weight", array(xs), array(ys)));
        for (String outcome : List.of("passed", "failed", "inconclusive")) {
            List<Double> ax = new ArrayList<>();
            List<Double> ay = new ArrayList<>();
            for (JsonNode analysis : f.path("analyses")) {
                if (outcome.equals(analysis.path("outcome").asText())) {
                    ax.add(seconds(start, instant(analysis.path("at").asText(), start)));
                    ay.add(analysis.path("weight").asDouble());
                }
            }
            if (!ax.isEmpty()) {
                // one point per analysis: NaN between them keeps them unconnected markers
                series.add(new SvgChart.Series("analysis " + outcome, spaced(ax), spaced(ay)));
            }
        }
        return SvgChart.lines("Canary weight over time", "Seconds since the rollout started", "Weight (%)",
                new double[] {0, Math.max(1, seconds(start, end))}, new double[] {0, 100}, series, false, true);
    }

    /** One guardrail: the canary's values, the baseline's, and the bounds, over seconds since the start. */
    private static String guardrailChart(String name, List<JsonNode> checks, double[] bounds, Instant start, Instant end) {
        List<Double> all = new ArrayList<>();
        for (JsonNode c : checks) {
            addFinite(all, c.get("value"));
            addFinite(all, c.get("baseline"));
        }
        for (double bound : bounds) {
            if (!Double.isNaN(bound)) {
                all.add(bound);
            }
        }
        if (all.isEmpty()) {
            return "<p class=\"mlcicd-canary-empty\">" + Html.escape(name + ": no values (no data in any analysis)") + "</p>\n";
        }
        double lo = Math.min(0, all.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo == hi) {
            hi = lo + 1;
        }
        double span = Math.max(1, seconds(start, end));
        List<SvgChart.Series> series = new ArrayList<>();
        series.add(values("canary", checks, "value", start));
        SvgChart.Series baseline = values("baseline", checks, "baseline", start);
        if (baseline.x().length > 0) {
            series.add(baseline);
        }
        for (double bound : bounds) {
            if (!Double.isNaN(bound)) {
                series.add(new SvgChart.Series("bound " + Numbers.format(bound), new double[] {0, span}, new double[] {bound, bound}));
            }
        }
        return SvgChart.lines(name + ": canary vs baseline and bound", "Seconds since the rollout started", name,
                new double[] {0, span}, new double[] {lo, SvgChart.niceTop(hi)}, series, false, true);
    }

    private static SvgChart.Series values(String label, List<JsonNode> checks, String field, Instant start) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (JsonNode c : checks) {
            JsonNode v = c.get(field);
            if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                xs.add(seconds(start, instant(c.path("at").asText(), start)));
                ys.add(v.asDouble());
            }
        }
        return new SvgChart.Series(label, array(xs), array(ys));
    }

    private static double seconds(Instant start, Instant at) {
        return Math.max(0, Duration.between(start, at).toMillis() / 1000.0);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The values with NaN between them, so that SvgChart draws markers without joining them. */
    private static double[] spaced(List<Double> values) {
        double[] out = new double[values.size() * 2 - 1];
        java.util.Arrays.fill(out, Double.NaN);
        for (int i = 0; i < values.size(); i++) {
            out[2 * i] = values.get(i);
        }
        return out;
    }

    /** Checks by name in analysis order, each with the analysis' time added as {@code at}. */
    private static Map<String, List<JsonNode>> checksByName(ObjectNode f) {
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (JsonNode a : f.path("analyses")) {
            for (JsonNode c : a.path("checks")) {
                ObjectNode copy = ((ObjectNode) c).deepCopy();
                copy.put("at", a.path("at").asText());
                byName.computeIfAbsent(c.path("name").asText(), k -> new ArrayList<>()).add(copy);
            }
        }
        return byName;
    }

    private static double[] bounds(JsonNode plan, String checkName) {
        String base = checkName.contains("[") ? checkName.substring(0, checkName.indexOf('[')) : checkName;
        for (JsonNode g : plan.path("guardrails")) {
            if (g.path("name").asText().equals(base)) {
                return new double[] {g.has("min") ? g.path("min").asDouble() : Double.NaN,
                        g.has("max") ? g.path("max").asDouble() : Double.NaN};
            }
        }
        return new double[0];
    }

    private static void addFinite(List<Double> values, JsonNode node) {
        if (node != null && node.isNumber() && Double.isFinite(node.asDouble())) {
            values.add(node.asDouble());
        }
    }

    private static String number(JsonNode node) {
        return node == null || !node.isNumber() ? "—" : Numbers.format(node.asDouble());
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static String human(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long s = millis / 1000;
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
    }
}
