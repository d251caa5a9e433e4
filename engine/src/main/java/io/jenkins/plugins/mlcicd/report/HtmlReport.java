package io.jenkins.plugins.mlcicd.report;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.Locale;

/**
 * Renders a result document as HTML. {@link #fragment} is what the Jenkins action page embeds
 * (classes only, no style, no script: Content-Security-Policy clean); {@link #page} wraps it
 * into a standalone file for the CLI's {@code --html}.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
            table.mlcicd-checks{border-collapse:collapse;width:100%}
            .mlcicd-checks th,.mlcicd-checks td{border-bottom:1px solid #d0d7de;padding:.35rem .6rem;text-align:left}
            .mlcicd-checks td:last-child{overflow-wrap:anywhere}
            .mlcicd-checks td.num,.mlcicd-verdict{white-space:nowrap}
            .mlcicd-checks td.num{text-align:right;font-variant-numeric:tabular-nums}
            .mlcicd-verdict{font-weight:600;padding:.1rem .45rem;border-radius:.3rem}
            .mlcicd-verdict-passed{background:#dafbe1}.mlcicd-verdict-warning{background:#fff8c5}
            .mlcicd-verdict-failed{background:#ffebe9}.mlcicd-verdict-inconclusive{background:#eaeef2}
            """;

    private HtmlReport() {
    }

    public static String page(ResultDocument document) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + Html.escape(document.kind().id() + ": " + document.summary()) + "</title>"
                + "<style>" + STYLE + "</style></head><body>\n"
                + fragment(document)
                + "</body></html>\n";
    }

    /**
     * The report body of any result document: the kinds with more to show than their checks
     * (a data validation's samples and histograms, a training run's lineage) get their own
     * renderer, every other kind the generic one.
     */
    public static String fragment(ResultDocument document) {
        return switch (document.kind()) {
            case DATA_VALIDATION -> DataValidationHtml.fragment(document);
            case TRAINING -> LineageHtml.fragment(document);
            case SHADOW -> ShadowHtml.fragment(document);
            default -> genericFragment(document);
        };
    }

    /** Verdict, summary and the checks table. */
    public static String genericFragment(ResultDocument document) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"mlcicd-report\" data-kind=\"").append(Html.escape(document.kind().id())).append("\">\n");
        html.append("<p class=\"mlcicd-summary\">").append(verdictBadge(document.verdict())).append(' ')
                .append(Html.escape(document.summary())).append("</p>\n");
        html.append(checksTable(document));
        html.append("</div>\n");
        return html.toString();
    }

    public static String verdictBadge(Verdict verdict) {
        return "<span class=\"mlcicd-verdict mlcicd-verdict-" + verdict.name().toLowerCase(Locale.ROOT) + "\">"
                + verdict.name() + "</span>";
    }

    /** One row per check: name, verdict, value, baseline, delta, threshold, message. */
    public static String checksTable(ResultDocument document) {
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"mlcicd-checks\">\n<thead><tr><th>Check</th><th>Verdict</th><th>Value</th>"
                + "<th>Baseline</th><th>Delta</th><th>Threshold</th><th>Message</th></tr></thead>\n<tbody>\n");
        for (Check check : document.checks()) {
            html.append("<tr><td>").append(Html.escape(check.name())).append("</td><td>")
                    .append(verdictBadge(check.verdict())).append("</td><td class=\"num\">")
                    .append(Html.escape(Numbers.format(check.value()))).append("</td><td class=\"num\">")
                    .append(Html.escape(Numbers.format(check.baseline()))).append("</td><td class=\"num\">")
                    .append(Html.escape(Numbers.signed(check.delta()))).append("</td><td>")
                    .append(Html.escape(check.threshold())).append("</td><td>")
                    .append(Html.escape(check.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }
}
