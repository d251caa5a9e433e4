package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An evaluation report next to a reference evaluation (the model it would replace): the candidate's
 * own report ({@link HtmlReport#fragment}) followed by a table of every overall metric of either
 * document side by side, with the difference and, where both were bootstrapped, both 95% intervals.
 * Kept apart from {@link HtmlReport}'s single-document dispatch: a comparison takes two documents.
 * Like every renderer here: each text passes through {@link Html#escape}, classes only, no script.
 */
public final class EvaluationComparisonHtml {
    private EvaluationComparisonHtml() {
    }

    /**
     * @param candidate      the evaluation shown
     * @param reference      the evaluation it is compared with, or null (then only the candidate's report)
     * @param referenceLabel what the reference is called on the page, e.g. {@code build #12}
     */
    public static String fragment(ResultDocument candidate, ResultDocument reference, String referenceLabel) {
        Objects.requireNonNull(candidate, "candidate");
        String own = HtmlReport.fragment(candidate);
        if (reference == null || candidate.kind() != ResultKind.EVALUATION || reference.kind() != ResultKind.EVALUATION) {
            return own;
        }
        return own + comparisonTable(candidate, reference, referenceLabel);
    }

    /** Metric | this build | reference | difference; rows for the union of both documents' overall metrics. */
    static String comparisonTable(ResultDocument candidate, ResultDocument reference, String referenceLabel) {
        JsonNode ours = candidate.fields().path("metrics");
        JsonNode theirs = reference.fields().path("metrics");
        Set<String> names = new LinkedHashSet<>();
        ours.fieldNames().forEachRemaining(names::add);
        theirs.fieldNames().forEachRemaining(names::add);
        String label = referenceLabel == null || referenceLabel.isBlank() ? "reference" : referenceLabel;
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"mlcicd-comparison\">\n<h3>").append(Html.escape("Compared with " + label)).append("</h3>\n");
        html.append("<table class=\"mlcicd-checks mlcicd-comparison-table\">\n<thead><tr><th>Metric</th><th>This build</th><th>")
                .append(Html.escape(label)).append("</th><th>Difference</th></tr></thead>\n<tbody>\n");
        for (String name : names) {
            Double value = number(ours.path(name));
            Double before = number(theirs.path(name));
            Double delta = value == null || before == null ? null : value - before;
            html.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">")
                    .append(Html.escape(withInterval(value, candidate.fields().path("intervals").path(name)))).append("</td><td class=\"num\">")
                    .append(Html.escape(withInterval(before, reference.fields().path("intervals").path(name)))).append("</td><td class=\"num\">")
                    .append(Html.escape(Numbers.signed(delta))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        return html.toString();
    }

    private static String withInterval(Double value, JsonNode interval) {
        String text = Numbers.format(value);
        Double lower = number(interval.path("lower"));
        Double upper = number(interval.path("upper"));
        return value == null || lower == null || upper == null ? text
                : text + " [" + Numbers.format(lower) + ", " + Numbers.format(upper) + "]";
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
