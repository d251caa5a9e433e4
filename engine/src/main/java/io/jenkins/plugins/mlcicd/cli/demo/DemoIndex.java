package io.jenkins.plugins.mlcicd.cli.demo;

import io.jenkins.plugins.mlcicd.registry.AliasMove;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelVersion;
import io.jenkins.plugins.mlcicd.report.Html;
import io.jenkins.plugins.mlcicd.report.HtmlReport;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The demo's front page: one row per step (verdict, summary, link to its report), then the model's
 * registry versions with their lineage reports and the alias history. Every string is escaped; the
 * page has no script.
 */
public final class DemoIndex {
    /** One step of the demo as the index lists it; {@code report} is relative to the index, or null. */
    public record Entry(String loop, String title, Verdict verdict, String summary, String report) {
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328;max-width:75rem}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
            th,td{border-bottom:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}
            .mlcicd-verdict{font-weight:600;padding:.1rem .45rem;border-radius:.3rem;white-space:nowrap}
            .mlcicd-verdict-passed{background:#dafbe1}.mlcicd-verdict-warning{background:#fff8c5}
            .mlcicd-verdict-failed{background:#ffebe9}.mlcicd-verdict-inconclusive{background:#eaeef2}
            """;

    private DemoIndex() {
    }

    public static String page(String title, String outcome, List<Entry> entries, ModelRegistry registry, String model,
                              Map<Integer, String> lineageReports) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n<p>").append(Html.escape(outcome)).append("</p>\n");
        html.append("<h2>Pipeline</h2>\n<table><thead><tr><th>Loop</th><th>Step</th><th>Verdict</th><th>Summary</th>"
                + "<th>Report</th></tr></thead><tbody>\n");
        for (Entry entry : entries) {
            html.append("<tr><td>").append(Html.escape(entry.loop())).append("</td><td>").append(Html.escape(entry.title()))
                    .append("</td><td>").append(entry.verdict() == null ? "skipped" : HtmlReport.verdictBadge(entry.verdict()))
                    .append("</td><td>").append(Html.escape(entry.summary())).append("</td><td>")
                    .append(link(entry.report(), "report")).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        if (registry == null) {
            return html.append("<p>No model was registered.</p>\n</body></html>\n").toString();
        }
        List<ModelVersion> versions = registry.list(model);
        html.append("<h2>Registry: ").append(Html.escape(model)).append("</h2>\n<p>").append(Html.escape(registry.location()))
                .append("</p>\n<table><thead><tr><th>Version</th><th>Created</th><th>Aliases</th><th>Metrics</th><th>Lineage</th>"
                        + "</tr></thead><tbody>\n");
        Map<String, Integer> aliases = registry.aliases(model);
        for (ModelVersion version : versions) {
            String pointing = String.join(", ", aliases.entrySet().stream()
                    .filter(a -> a.getValue() == version.version()).map(Map.Entry::getKey).sorted().toList());
            html.append("<tr><td>").append(version.version()).append("</td><td>").append(Html.escape(version.createdAt()))
                    .append("</td><td>").append(Html.escape(pointing)).append("</td><td>")
                    .append(Html.escape(metrics(version.metrics()))).append("</td><td>")
                    .append(link(lineageReports.get(version.version()), "lineage")).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<h2>Alias history</h2>\n<table><thead><tr><th>When</th><th>Alias</th><th>From</th>"
                + "<th>To</th><th>Who</th><th>Why</th></tr></thead><tbody>\n");
        for (AliasMove move : registry.history(model)) {
            html.append("<tr><td>").append(Html.escape(move.timestamp())).append("</td><td>").append(Html.escape(move.alias()))
                    .append("</td><td>").append(move.fromVersion() == null ? "" : move.fromVersion())
                    .append("</td><td>").append(move.toVersion() == null ? "removed" : move.toVersion())
                    .append("</td><td>").append(Html.escape(move.actor())).append("</td><td>")
                    .append(Html.escape(move.reason())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    private static String metrics(Map<String, ?> metrics) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("auc", "logloss", "log_loss", "recall")) {
            Object value = metrics.get(name);
            if (value instanceof Number number) {
                text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(String.format(java.util.Locale.ROOT, "%.4f", number.doubleValue()));
            }
        }
        return text.toString();
    }

    private static String link(String href, String text) {
        return href == null ? "" : "<a href=\"" + Html.escape(href) + "\">" + Html.escape(text) + "</a>";
    }
}
