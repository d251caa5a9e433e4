package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a result document as Markdown for the places reviewers look: a pull request's checks
 * (the Jenkins steps publish it through the Checks API) or a comment posted by a team's own tooling
 * ({@code mlcicd report --markdown}). It leads with the verdict and the checks a reviewer reads first
 * (failures, then warnings, then inconclusive, then passes), shows baseline and delta where the
 * checks have them, the worst slices of an evaluation, and links to the full report. Every string
 * from the document goes through {@link Markdown#escape}.
 */
public final class MarkdownReport {
    /** Past this many rows a pull request's check page is no longer read; the full report has them all. */
    static final int MAX_CHECKS = 40;
    static final int WORST_SLICES = 5;

    private MarkdownReport() {
    }

    /**
     * @param document  any result document
     * @param reportUrl where the full report is (the build's action page), or null
     */
    public static String render(ResultDocument document, String reportUrl) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(document.verdict()).append("** ").append(Markdown.escape(document.summary())).append("\n\n");
        checks(document.checks(), md);
        if (document.kind() == ResultKind.EVALUATION) {
            worstSlices(document.fields(), md);
        }
        if (reportUrl != null && !reportUrl.isBlank()) {
            md.append("[Full report](").append(url(reportUrl)).append(")\n");
        }
        return md.toString();
    }

    private static void checks(List<Check> checks, StringBuilder md) {
        if (checks.isEmpty()) {
            md.append("No checks.\n\n");
            return;
        }
        List<Check> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparingInt(MarkdownReport::readingOrder));
        boolean baseline = checks.stream().anyMatch(c -> c.baseline() != null);
        boolean delta = checks.stream().anyMatch(c -> c.delta() != null);
        boolean threshold = checks.stream().anyMatch(c -> c.threshold() != null && !c.threshold().isBlank());
        md.append("| Check | Verdict | Value |").append(baseline ? " Baseline |" : "").append(delta ? " Delta |" : "")
                .append(threshold ? " Threshold |" : "").append(" Message |\n");
        md.append("|---|---|---:|").append(baseline ? "---:|" : "").append(delta ? "---:|" : "")
                .append(threshold ? "---|" : "").append("---|\n");
        for (Check check : ordered.subList(0, Math.min(MAX_CHECKS, ordered.size()))) {
            md.append("| ").append(Markdown.escape(check.name())).append(" | ").append(check.verdict()).append(" | ")
                    .append(Markdown.escape(Numbers.format(check.value()))).append(" |");
            if (baseline) {
                md.append(' ').append(Markdown.escape(Numbers.format(check.baseline()))).append(" |");
            }
            if (delta) {
                md.append(' ').append(Markdown.escape(Numbers.signed(check.delta()))).append(" |");
            }
            if (threshold) {
                md.append(' ').append(Markdown.escape(check.threshold())).append(" |");
            }
            md.append(' ').append(Markdown.escape(check.message())).append(" |\n");
        }
        if (ordered.size() > MAX_CHECKS) {
            md.append("\n").append(ordered.size() - MAX_CHECKS).append(" more checks passed or are listed in the full report.\n");
        }
        md.append('\n');
    }

    private static int readingOrder(Check check) {
        return switch (check.verdict()) {
            case FAILED -> 0;
            case WARNING -> 1;
            case INCONCLUSIVE -> 2;
            case PASSED -> 3;
        };
    }

    /** The slices with the lowest AUC (else the highest log loss), the first thing a reviewer of a model asks. */
    private static void worstSlices(JsonNode fields, StringBuilder md) {
        JsonNode slices = fields.path("slices");
        if (!slices.isObject() || slices.isEmpty()) {
            return;
        }
        String metric = null;
        boolean lowerIsWorse = true;
        for (Iterator<JsonNode> it = slices.elements(); it.hasNext() && metric == null; ) {
            JsonNode slice = it.next();
            if (slice.path("auc").isNumber()) {
                metric = "auc";
            } else if (slice.path("log_loss").isNumber()) {
                metric = "log_loss";
                lowerIsWorse = false;
            } else if (slice.path("rmse").isNumber()) {
                metric = "rmse";
                lowerIsWorse = false;
            }
        }
        if (metric == null) {
            return;
        }
        String by = metric;
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        slices.fields().forEachRemaining(entry -> {
            if (entry.getValue().path(by).isNumber()) {
                rows.add(entry);
            }
        });
        Comparator<Map.Entry<String, JsonNode>> order = Comparator.comparingDouble(e -> e.getValue().path(by).doubleValue());
        rows.sort(lowerIsWorse ? order : order.reversed());
        md.append("Worst slices by ").append(metric).append(":\n\n| Slice | Rows | ").append(metric).append(" |\n|---|---:|---:|\n");
        for (Map.Entry<String, JsonNode> row : rows.subList(0, Math.min(WORST_SLICES, rows.size()))) {
            JsonNode count = row.getValue().path("count");
            md.append("| ").append(Markdown.escape(row.getKey())).append(" | ").append(count.isNumber() ? count.asLong() : "")
                    .append(" | ").append(Markdown.escape(Numbers.format(row.getValue().path(by).doubleValue()))).append(" |\n");
        }
        md.append('\n');
    }

    /** A link target the document cannot shape: only http(s), with the characters that end a Markdown link encoded. */
    private static String url(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }

    /** The check's title line: verdict and summary, plain text (a check title is not Markdown). */
    public static String title(ResultDocument document) {
        String summary = document.summary().replaceAll("[\\r\\n\\t]", " ");
        String title = document.verdict() + ": " + summary;
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}
