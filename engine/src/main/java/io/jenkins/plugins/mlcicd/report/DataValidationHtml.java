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
            rows.append("<tr><td>").append(Html.text(check.name().substring(0, check.name().length() - ".drift".length())))
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
            html.append("<h3 class=\"mlcicd-samples-title\">").append(Html.text(check.name())).append("</h3>\n")
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
                        .append("</td><td>").append(Html.text(String.valueOf(sample.get("value"))))
                        .append("</td><td>").append(Html.text(String.join(", ", more))).append("</td></tr>\n");
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
                Bins bins = Bins.of(doubles(h.path("edges")), longs(h.path("reference")), longs(h.path("current")),
                        column.path("type").asText("").matches("(?i).*(int|long|short|byte).*"));
                html.append(chart(name, "Value (bins of the reference's deciles)", bins.labels, bins.reference, bins.current,
                        sum(bins.reference), sum(bins.current)));
            } else if (column.has("categories")) {
                List<String> labels = new ArrayList<>();
                List<Long> reference = new ArrayList<>();
                List<Long> current = new ArrayList<>();
                for (JsonNode cat : column.get("categories")) {
                    labels.add(cat.path("value").asText());
                    reference.add(cat.path("reference").asLong());
                    current.add(cat.path("current").asLong());
                }
                html.append(chart(name, "Value (most frequent in the reference)", labels, toArray(reference), toArray(current),
                        column.path("referenceCount").asLong(), column.path("currentCount").asLong()));
            }
        }
        if (html.isEmpty()) {
            return "";
        }
        return "<section class=\"mlcicd-data-distributions\"><h2>Distributions: reference and current</h2>\n"
                + html + "</section>\n";
    }

    /**
     * One column's chart: paired bars of the share of rows in each bin or category, with title, axes
     * and legend, and the numbers below it in a table (visible, not only in tooltips).
     */
    static String chart(String name, String xLabel, List<String> labels, long[] reference, long[] current, long referenceTotal,
            long currentTotal) {
        double[] r = new double[labels.size()];
        double[] c = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            r[i] = share(reference, i, referenceTotal);
            c[i] = share(current, i, currentTotal);
        }
        StringBuilder html = new StringBuilder("<figure class=\"mlcicd-histogram\"><figcaption>").append(Html.text(name))
                .append("</figcaption>\n");
        html.append(SvgChart.bars("Distribution of " + name, xLabel, "Share of rows", labels,
                List.of(new SvgChart.Bars("reference", r, SvgChart.COLOURS[1]), new SvgChart.Bars("current", c, SvgChart.COLOURS[0])), DataValidationHtml::percent));
        html.append("<table class=\"mlcicd-checks mlcicd-histogram-values\"><thead><tr><th>Value</th><th class=\"num\">Reference</th>"
                + "<th class=\"num\">Current</th></tr></thead><tbody>\n");
        for (int i = 0; i < labels.size(); i++) {
            html.append("<tr><td>").append(Html.text(labels.get(i))).append("</td><td class=\"num\">").append(Html.escape(percent(r[i])))
                    .append("</td><td class=\"num\">").append(Html.escape(percent(c[i]))).append("</td></tr>\n");
        }
        return html.append("</tbody></table></figure>\n").toString();
    }

    private static double share(long[] counts, int i, long total) {
        return total <= 0 || i >= counts.length ? 0 : (double) counts[i] / total;
    }

    private static String percent(double share) {
        return Numbers.format(share * 100) + "%";
    }

    /**
     * The bins a histogram shows. Deciles of a discrete column repeat (a 0/1 column's are
     * 0,0,0,0,0,0,1,1,1), and a bin between equal edges can hold no value: those are dropped, as are
     * the open-ended outer bins when neither side has a row there. For an integer column a bin
     * [k, k + 1) holds the one value k and is labelled so; the last bin reads "≥ k".
     */
    record Bins(List<String> labels, long[] reference, long[] current) {
        static Bins of(double[] edges, long[] reference, long[] current, boolean integer) {
            List<String> labels = new ArrayList<>();
            List<Long> ref = new ArrayList<>();
            List<Long> cur = new ArrayList<>();
            int bins = edges.length + 1;
            for (int i = 0; i < bins; i++) {
                double low = i == 0 ? Double.NEGATIVE_INFINITY : edges[i - 1];
                double high = i == edges.length ? Double.POSITIVE_INFINITY : edges[i];
                long r = i < reference.length ? reference[i] : 0;
                long c = i < current.length ? current[i] : 0;
                boolean empty = r == 0 && c == 0;
                if (empty && (low == high || Double.isInfinite(low) || Double.isInfinite(high))) {
                    continue;
                }
                labels.add(label(low, high, integer));
                ref.add(r);
                cur.add(c);
            }
            return new Bins(labels, toArray(ref), toArray(cur));
        }

        private static String label(double low, double high, boolean integer) {
            if (integer && Double.isInfinite(low) && Double.isFinite(high)) {
                return "< " + Numbers.format(high);
            }
            if (integer && Double.isFinite(low) && Double.isInfinite(high)) {
                return "≥ " + Numbers.format(low);
            }
            if (integer && low == Math.rint(low) && high == low + 1) {
                return Numbers.format(low);
            }
            return "[" + (Double.isInfinite(low) ? "−∞" : Numbers.format(low)) + ", "
                    + (Double.isInfinite(high) ? "∞" : Numbers.format(high)) + ")";
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
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
