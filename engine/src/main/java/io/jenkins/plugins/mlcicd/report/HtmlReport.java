package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a result document as HTML. {@link #fragment} is what the Jenkins action page embeds
 * (classes and SVG presentation attributes only, no style attribute, no script: Content-Security-Policy
 * clean); {@link #page} wraps it into a standalone file for the CLI's {@code --html}. The styles live
 * in one stylesheet, {@link #stylesheet()} ({@code report/report.css}): inlined into a standalone
 * file, linked by a page served under a strict policy ({@link #page(ResultDocument, ResultDocument, String)}).
 */
public final class HtmlReport {
    private static final String STYLESHEET = readStylesheet();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** A standalone file: the stylesheet inlined (a file opened from disk has no server to fetch it from). */
    public static String page(ResultDocument document) {
        return page(document, null, null);
    }

    /**
     * A whole page. With {@code stylesheetHref} the stylesheet is linked (for a server whose
     * Content-Security-Policy forbids inline style), else inlined.
     *
     * @param reference a reference build's document of the same kind to compare with, or null
     */
    public static String page(ResultDocument document, ResultDocument reference, String stylesheetHref) {
        String style = stylesheetHref == null
                ? "<style>" + STYLESHEET + "</style>"
                : "<link rel=\"stylesheet\" href=\"" + Html.escape(stylesheetHref) + "\">";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(document.kind().id() + ": " + document.summary()) + "</title>"
                + style + "</head><body class=\"mlcicd-page\">\n"
                + fragment(document, reference)
                + "</body></html>\n";
    }

    /** The CSS every engine-rendered report uses (classes only). */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /** The report body of any result document, without a comparison. */
    public static String fragment(ResultDocument document) {
        return fragment(document, null);
    }

    /**
     * The report body of any result document: the kinds with more to show than their checks get
     * their own renderer, every other kind the generic one.
     *
     * @param reference the document of the same kind recorded by a reference (e.g. the reference
     *                  build's evaluation), or null. The evaluation report then draws both models'
     *                  curves and a metric comparison table; other kinds ignore it.
     */
    public static String fragment(ResultDocument document, ResultDocument reference) {
        return switch (document.kind()) {
            case DATA_VALIDATION -> DataValidationHtml.fragment(document);
            case TRAINING -> LineageHtml.fragment(document);
            case EVALUATION -> EvaluationHtml.fragment(document, reference);
            case CANARY -> CanaryHtml.fragment(document);
            case SHADOW -> ShadowHtml.fragment(document);
            default -> genericFragment(document);
        };
    }

    /** Heading, verdict, summary and the checks table. */
    public static String genericFragment(ResultDocument document) {
        StringBuilder html = new StringBuilder();
        html.append(open(document, ""));
        html.append(checksTable(document));
        html.append("</div>\n");
        return html.toString();
    }

    /** The report's opening: its container and the {@link #heading}. */
    static String open(ResultDocument document, String extraClass) {
        return "<div class=\"mlcicd-report" + extraClass + "\" data-kind=\"" + Html.escape(document.kind().id()) + "\">\n"
                + heading(document);
    }

    /**
     * What was checked, in a block every report starts with: the kind and verdict, the summary,
     * then the data, model, policy or reference the document names, when it ran and which mlcicd
     * version wrote it.
     */
    public static String heading(ResultDocument document) {
        StringBuilder html = new StringBuilder("<header class=\"mlcicd-heading\">\n<h2 class=\"mlcicd-title\">")
                .append(Html.escape(title(document))).append(' ').append(verdictBadge(document.verdict())).append("</h2>\n");
        html.append("<p class=\"mlcicd-summary\">").append(Html.text(document.summary())).append("</p>\n");
        html.append("<dl class=\"mlcicd-about\">\n");
        for (Map.Entry<String, String> fact : facts(document).entrySet()) {
            html.append("<dt>").append(Html.escape(fact.getKey())).append("</dt><dd>").append(Html.text(fact.getValue())).append("</dd>\n");
        }
        html.append("</dl>\n</header>\n");
        return html.toString();
    }

    private static String title(ResultDocument document) {
        return switch (document.kind()) {
            case DATA_VALIDATION -> "Data validation";
            case TRAINING -> "Training run";
            case EVALUATION -> "Model evaluation";
            case SHADOW -> "Shadow evaluation";
            case CANARY -> "Canary rollout";
            case GATE -> "Model gate";
            case PROMOTION -> "Registry promotion";
        };
    }

    /** The heading's facts, from whichever of the common fields the document has. */
    static Map<String, String> facts(ResultDocument document) {
        ObjectNode f = document.fields();
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "Dataset", f.path("dataset"));
        if (!java.util.Objects.equals(describe(f.path("data")), describe(f.path("dataset")))) {
            put(facts, "Data", f.path("data"));
        }
        put(facts, "Predictions", f.path("input").path("file"));
        put(facts, "Training data", f.path("training"));
        put(facts, "Serving data", f.path("serving"));
        put(facts, "Candidate", f.path("candidate"));
        put(facts, "Model", f.path("model"));
        if (f.path("registry").hasNonNull("version")) {
            facts.put("Registered as", f.path("registry").path("name").asText("model") + " version "
                    + f.path("registry").path("version").asText());
        }
        put(facts, "Contract", f.path("contract"));
        put(facts, "Policy", f.path("policy"));
        put(facts, "Reference", f.path("reference"));
        put(facts, "Baseline", f.path("baseline"));
        facts.put("Checked at", WHEN.format(document.startedAt()) + " (took " + duration(document.durationMs()) + ")");
        facts.put("mlcicd version", document.mlcicdVersion());
        return facts;
    }

    /** A text field, an object's source/path/name and version, or a list of such (training data). */
    private static void put(Map<String, String> facts, String label, JsonNode value) {
        String text = describe(value);
        if (text != null && !text.isBlank()) {
            facts.put(label, text);
        }
    }

    private static String describe(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(item -> {
                String text = describe(item);
                if (text != null) {
                    parts.add(text);
                }
            });
            return parts.isEmpty() ? null : String.join(", ", parts);
        }
        String base = value.path("source").asText(value.path("name").asText(value.path("path").asText(null)));
        String version = value.hasNonNull("version") ? "version " + value.get("version").asText() : null;
        if (base == null) {
            return version;
        }
        return version == null ? base : base + " " + version;
    }

    private static String duration(long ms) {
        return ms < 1000 ? ms + " ms" : Numbers.format(ms / 1000.0) + " s";
    }

    public static String verdictBadge(Verdict verdict) {
        return "<span class=\"mlcicd-verdict mlcicd-verdict-" + verdict.name().toLowerCase(Locale.ROOT) + "\">"
                + verdict.name() + "</span>";
    }

    /**
     * One row per check: name, verdict, value, then baseline, delta and threshold — each of those
     * three only when some check has one — and the message.
     */
    public static String checksTable(ResultDocument document) {
        List<Check> checks = document.checks();
        boolean baseline = checks.stream().anyMatch(c -> c.baseline() != null);
        boolean delta = checks.stream().anyMatch(c -> c.delta() != null);
        boolean threshold = checks.stream().anyMatch(c -> c.threshold() != null && !c.threshold().isBlank());
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"mlcicd-checks\">\n<thead><tr><th>Check</th><th>Verdict</th><th>Value</th>")
                .append(baseline ? "<th>Baseline</th>" : "").append(delta ? "<th>Delta</th>" : "")
                .append(threshold ? "<th>Threshold</th>" : "").append("<th>Message</th></tr></thead>\n<tbody>\n");
        for (Check check : checks) {
            html.append("<tr><td>").append(Html.text(check.name())).append("</td><td>")
                    .append(verdictBadge(check.verdict())).append("</td><td class=\"num\">")
                    .append(Html.escape(Numbers.format(check.value()))).append("</td>");
            if (baseline) {
                html.append("<td class=\"num\">").append(Html.escape(Numbers.format(check.baseline()))).append("</td>");
            }
            if (delta) {
                html.append("<td class=\"num\">").append(Html.escape(Numbers.signed(check.delta()))).append("</td>");
            }
            if (threshold) {
                html.append("<td>").append(Html.text(check.threshold())).append("</td>");
            }
            html.append("<td>").append(Html.text(check.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    private static String readStylesheet() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the engine's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
