package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML of a data-validation result: the checks, the offending samples, and per column the
 * current against the reference distribution as an SVG bar chart. Rendered from the result document
 * alone (so Jenkins can render a stored document); every text is escaped; no script, no inline style.
 */
public final class DataValidationHtml {
    private static final int WIDTH = 360;
    private static final int HEIGHT = 120;
    private static final String REFERENCE_FILL = "#8c959f";
    private static final String CURRENT_FILL = "#0969da";

    private DataValidationHtml() {
    }

    /** What a Jenkins page embeds: the generic report plus samples and distributions. */
    public static String fragment(ResultDocument document) {
        return HtmlReport.genericFragment(document) + details(document);
    }

    private static String details(ResultDocument document) {
        return samples(document) + drift(document) + distributions(document.fields().path("columns"));
    }

    /**
     * Per drift-checked column how its verdict came about, from the check's details: the method and the rule
     * that chose it, value and threshold, and the log base or binning that give the value its scale.
     */
    private static String drift(ResultDocument document) {
        StringBuilder rows = new StringBuilder();
        for (Check check : document.checks()) {
            Map<String, Object> d = check.details();
            if (!check.name().endsWith(".drift") || !d.containsKey("method")) {
                continue;
            }
            List<String> scale = new ArrayList<>();
            if (d.get("base") != null) {
                scale.add("log base " + d.get("base"));
            }
            if (d.get("binning") != null) {
                scale.add("binning: " + d.get("binning"));
            }
            if (d.get("test") != null) {
                scale.add(String.valueOf(d.get("test")));
            }
            rows.append("<tr><td>").append(Html.escape(check.name().substring(0, check.name().length() - ".drift".length())))
                    .append("</td><td>").append(Html.escape(String.valueOf(d.get("method"))))
                    .append("</td><td class=\"num\">").append(check.value() == null ? "—" : Html.escape(Numbers.format(check.value())))
                    .append("</td><td>").append(Html.escape(check.threshold() == null ? "—" : check.threshold()))
                    .append("</td><td>").append(Html.escape(scale.isEmpty() ? "—" : String.join("; ", scale)))
                    .append("</td><td>").append(Html.escape(String.valueOf(d.getOrDefault("methodChosenBy", "—"))))
                    .append("</td><td>").append(Html.escape(check.verdict().name().toLowerCase(Locale.ROOT)))
                    .append("</td></tr>\n");
        }
        if (rows.isEmpty()) {
            return "";
        }
        String dataset = document.checks().stream().filter(c -> c.name().equals("dataset.drift")).findFirst()
                .map(c -> "<p class=\"mlcicd-drift-dataset\">" + Html.escape(c.message()) + "</p>\n").orElse("");
        return "<section class=\"mlcicd-data-drift\"><h2>Drift</h2>\n" + dataset
                + "<table class=\"mlcicd-checks mlcicd-drift\"><thead><tr><th>Column</th><th>Method</th><th>Value</th>"
                + "<th>Passes when</th><th>Base, binning, test</th><th>Method chosen by</th><th>Verdict</th></tr></thead><tbody>\n"
                + rows + "</tbody></table></section>\n";
    }

    private static String samples(ResultDocument document) {
        StringBuilder html = new StringBuilder();
        for (Check check : document.checks()) {
            Object samples = check.details().get("samples");
            if (!(samples instanceof List<?> list) || list.isEmpty()) {
                continue;
            }
            html.append("<h3 class=\"mlcicd-samples-title\">").append(Html.escape(check.name())).append("</h3>\n")
                    .append("<table class=\"mlcicd-checks mlcicd-samples\"><thead><tr><th>Row</th><th>Value</th><th>More</th></tr></thead><tbody>\n");
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> sample)) {
                    continue;
                }
                Object row = sample.containsKey("row") ? sample.get("row") : sample.get("rows");
                List<String> more = new ArrayList<>();
                sample.forEach((k, v) -> {
                    if (!k.equals("row") && !k.equals("rows") && !k.equals("value")) {
                        more.add(k + ": " + v);
                    }
                });
                html.append("<tr><td class=\"num\">").append(Html.escape(row == null ? "—" : String.valueOf(row)))
                        .append("</td><td>").append(Html.escape(String.valueOf(sample.get("value"))))
                        .append("</td><td>").append(Html.escape(String.join(", ", more))).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return html.isEmpty() ? "" : "<section class=\"mlcicd-data-samples\"><h2>Offending values</h2>\n" + html + "</section>\n";
    }

    private static String distributions(JsonNode columns) {
        StringBuilder html = new StringBuilder();
        for (JsonNode column : columns) {
            String name = column.path("name").asText();
            if (column.has("histogram")) {
                JsonNode h = column.get("histogram");
                List<String> labels = new ArrayList<>();
                JsonNode edges = h.path("edges");
                for (int i = 0; i <= edges.size(); i++) {
                    String low = i == 0 ? "−∞" : Numbers.format(edges.get(i - 1).asDouble());
                    String high = i == edges.size() ? "∞" : Numbers.format(edges.get(i).asDouble());
                    labels.add("[" + low + ", " + high + ")");
                }
                html.append(chart(name, labels, longs(h.path("reference")), longs(h.path("current"))));
            } else if (column.has("categories")) {
                List<String> labels = new ArrayList<>();
                List<Long> reference = new ArrayList<>();
                List<Long> current = new ArrayList<>();
                for (JsonNode cat : column.get("categories")) {
                    labels.add(cat.path("value").asText());
                    reference.add(cat.path("reference").asLong());
                    current.add(cat.path("current").asLong());
                }
                html.append(chart(name, labels, toArray(reference), toArray(current),
                        column.path("referenceCount").asLong(), column.path("currentCount").asLong()));
            }
        }
        if (html.isEmpty()) {
            return "";
        }
        return "<section class=\"mlcicd-data-distributions\"><h2>Distributions: reference (grey) and current (blue)</h2>\n"
                + html + "</section>\n";
    }

    private static String chart(String name, List<String> labels, long[] reference, long[] current) {
        return chart(name, labels, reference, current, sum(reference), sum(current));
    }

    /** Paired bars of the proportions of each bin or category; a title element on each bar gives the numbers. */
    static String chart(String name, List<String> labels, long[] reference, long[] current, long referenceTotal,
            long currentTotal) {
        int bins = labels.size();
        double max = 1e-12;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, Math.max(share(reference, i, referenceTotal), share(current, i, currentTotal)));
        }
        double slot = (double) WIDTH / Math.max(bins, 1);
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"mlcicd-histogram\"><figcaption>").append(Html.escape(name)).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT + 4).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT + 4).append("\"><title>").append(Html.escape(name + ": reference vs current")).append("</title>\n");
        for (int i = 0; i < bins; i++) {
            double r = share(reference, i, referenceTotal);
            double c = share(current, i, currentTotal);
            bar(svg, i * slot + 1, slot / 2 - 1, r / max, REFERENCE_FILL, labels.get(i) + " reference " + percent(r));
            bar(svg, i * slot + slot / 2, slot / 2 - 1, c / max, CURRENT_FILL, labels.get(i) + " current " + percent(c));
        }
        svg.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(HEIGHT)
                .append("\" stroke=\"#d0d7de\"/></svg></figure>\n");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, double x, double width, double fraction, String fill, String title) {
        double height = Math.max(0, fraction * (HEIGHT - 4));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>",
                x, HEIGHT - height, Math.max(width, 0.5), height, fill))
                .append(Html.escape(title)).append("</title></rect>\n");
    }

    private static double share(long[] counts, int i, long total) {
        return total <= 0 || i >= counts.length ? 0 : (double) counts[i] / total;
    }

    private static String percent(double share) {
        return Numbers.format(share * 100) + "%";
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
