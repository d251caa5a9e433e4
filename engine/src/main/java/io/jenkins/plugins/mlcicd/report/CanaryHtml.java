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
 * them). SVG drawn on the server with presentation attributes only: no script, no style attribute.
 */
final class CanaryHtml {
    static final int WIDTH = 640;
    static final int HEIGHT = 180;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final String PASS = "#1a7f37";
    private static final String FAIL = "#cf222e";
    private static final String GREY = "#8c959f";

    private CanaryHtml() {
    }

    static String fragment(ResultDocument document) {
        ObjectNode f = document.fields();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"mlcicd-report mlcicd-canary\" data-kind=\"canary\">\n");
        html.append("<p class=\"mlcicd-summary\">").append(HtmlReport.verdictBadge(document.verdict())).append(' ')
                .append(Html.escape(document.summary())).append("</p>\n");
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

    /** The weight as a step line over time; each analysis a dot on it, red when it failed. */
    private static String weightChart(ObjectNode f, Instant start, Instant end) {
        StringBuilder svg = open("Canary weight over time");
        axes(svg, "100%", "0%", start, end);
        List<String> points = new ArrayList<>();
        int weight = 0;
        points.add(x(start, start, end) + "," + y(0, 0, 100));
        for (JsonNode t : f.path("transitions")) {
            Instant at = instant(t.path("at").asText(), start);
            points.add(x(at, start, end) + "," + y(weight, 0, 100));
            weight = t.path("weight").asInt();
            points.add(x(at, start, end) + "," + y(weight, 0, 100));
            svg.append("<line x1=\"").append(x(at, start, end)).append("\" y1=\"").append(TOP).append("\" x2=\"")
                    .append(x(at, start, end)).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#d0d7de\" stroke-dasharray=\"3 3\"><title>")
                    .append(Html.escape(t.path("at").asText() + ": " + t.path("from").asText() + " → " + t.path("to").asText()
                            + " (" + t.path("weight").asInt() + "%): " + t.path("reason").asText()))
                    .append("</title></line>\n");
        }
        points.add(x(end, start, end) + "," + y(weight, 0, 100));
        svg.append("<polyline class=\"mlcicd-canary-weight\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"")
                .append(String.join(" ", points)).append("\"/>\n");
        for (JsonNode a : f.path("analyses")) {
            Instant at = instant(a.path("at").asText(), start);
            String outcome = a.path("outcome").asText();
            svg.append("<circle cx=\"").append(x(at, start, end)).append("\" cy=\"").append(y(a.path("weight").asInt(), 0, 100))
                    .append("\" r=\"3\" fill=\"").append(colour(outcome)).append("\"><title>")
                    .append(Html.escape(a.path("at").asText() + ": analysis at " + a.path("weight").asInt() + "%: " + outcome))
                    .append("</title></circle>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** One guardrail: canary values (dots coloured by verdict), baseline values (grey), the bound (red dashed). */
    private static String guardrailChart(String name, List<JsonNode> checks, double[] bounds, Instant start, Instant end) {
        List<Double> all = new ArrayList<>();
        for (JsonNode c : checks) {
            addFinite(all, c.get("value"));
            addFinite(all, c.get("baseline"));
        }
        for (double b : bounds) {
            if (!Double.isNaN(b)) {
                all.add(b);
            }
        }
        StringBuilder svg = open(name + ": canary vs baseline and bound");
        if (all.isEmpty()) {
            return "<p class=\"mlcicd-canary-empty\">" + Html.escape(name + ": no values (no data in any analysis)") + "</p>\n";
        }
        double lo = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo == hi) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        axes(svg, Numbers.format(hi), Numbers.format(lo), start, end);
        svg.append("<text x=\"").append(LEFT + 4).append("\" y=\"").append(TOP + 10)
                .append("\" font-size=\"11\" fill=\"#57606a\">").append(Html.escape(name)).append("</text>\n");
        for (double b : bounds) {
            if (!Double.isNaN(b)) {
                String yb = y(b, lo, hi);
                svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(yb).append("\" x2=\"").append(WIDTH - RIGHT)
                        .append("\" y2=\"").append(yb).append("\" stroke=\"").append(FAIL)
                        .append("\" stroke-dasharray=\"6 3\"><title>bound ").append(Html.escape(Numbers.format(b)))
                        .append("</title></line>\n");
            }
        }
        line(svg, checks, "baseline", lo, hi, start, end, GREY);
        line(svg, checks, "value", lo, hi, start, end, "#0969da");
        for (JsonNode c : checks) {
            JsonNode v = c.get("value");
            if (v == null || !v.isNumber()) {
                continue;
            }
            Instant at = instant(c.path("at").asText(), start);
            svg.append("<circle cx=\"").append(x(at, start, end)).append("\" cy=\"").append(y(v.asDouble(), lo, hi))
                    .append("\" r=\"3\" fill=\"").append(colour(c.path("verdict").asText())).append("\"><title>")
                    .append(Html.escape(c.path("at").asText() + ": canary " + Numbers.format(v.asDouble())
                            + (c.hasNonNull("baseline") ? ", baseline " + Numbers.format(c.get("baseline").asDouble()) : "")
                            + " " + c.path("threshold").asText() + ": " + c.path("message").asText()))
                    .append("</title></circle>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static void line(StringBuilder svg, List<JsonNode> checks, String field, double lo, double hi,
                             Instant start, Instant end, String colour) {
        List<String> points = new ArrayList<>();
        for (JsonNode c : checks) {
            JsonNode v = c.get(field);
            if (v != null && v.isNumber()) {
                points.add(x(instant(c.path("at").asText(), start), start, end) + "," + y(v.asDouble(), lo, hi));
            }
        }
        if (points.size() > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"")
                    .append(String.join(" ", points)).append("\"/>\n");
        }
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

    private static StringBuilder open(String label) {
        return new StringBuilder("<svg class=\"mlcicd-canary-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n<title>")
                .append(Html.escape(label)).append("</title>\n");
    }

    private static void axes(StringBuilder svg, String top, String bottom, Instant start, Instant end) {
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(HEIGHT - BOTTOM).append("\" stroke=\"#57606a\"/>\n");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#57606a\"/>\n");
        text(svg, LEFT - 4, TOP + 4, "end", top);
        text(svg, LEFT - 4, HEIGHT - BOTTOM, "end", bottom);
        text(svg, LEFT, HEIGHT - 8, "start", "0 s");
        text(svg, WIDTH - RIGHT, HEIGHT - 8, "end", "+" + human(Duration.between(start, end).toMillis()));
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"11\" fill=\"#57606a\">").append(Html.escape(text)).append("</text>\n");
    }

    private static String x(Instant at, Instant start, Instant end) {
        double span = Math.max(1, Duration.between(start, end).toMillis());
        double fraction = Math.min(1, Math.max(0, Duration.between(start, at).toMillis() / span));
        return coordinate(LEFT + fraction * (WIDTH - LEFT - RIGHT));
    }

    private static String y(double value, double lo, double hi) {
        double fraction = (value - lo) / (hi - lo);
        return coordinate(HEIGHT - BOTTOM - fraction * (HEIGHT - TOP - BOTTOM));
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String colour(String outcome) {
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "passed" -> PASS;
            case "failed", "unreachable" -> FAIL;
            default -> GREY;
        };
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
