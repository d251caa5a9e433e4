package io.jenkins.plugins.mlcicd.jenkins.eval;

import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.report.TrendChart;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job page's evaluation trends, from the headline numbers the builds' evaluations kept; free of
 * Jenkins types. Per evaluation id: one chart per headline metric and one of the worst slice's value
 * (the engine's {@link TrendChart}), oldest build left; and the table, newest first.
 */
public final class EvaluationTrends {
    /** The chart of the worst slice's value is named after the metric that ranks the slices: {@code worst slice auc}. */
    static final String WORST_SLICE = "worst slice ";

    private final List<Row> rows;

    /** @param rows newest first */
    public EvaluationTrends(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The evaluation ids, in the order the newest builds recorded them. */
    public List<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(row -> ids.add(row.id));
        return List.copyOf(ids);
    }

    /** Every id's charts: its headline metrics (in the newest build's order), then its worst slice. */
    public List<Chart> getCharts() {
        List<Chart> charts = new ArrayList<>();
        for (String id : ids()) {
            List<Row> oldestFirst = new ArrayList<>(rows.stream().filter(row -> row.id.equals(id)).toList());
            Collections.reverse(oldestFirst);
            Set<String> metrics = new LinkedHashSet<>();
            String worstMetric = null;
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                metrics.addAll(oldestFirst.get(i).headline.keySet());
                if (worstMetric == null) {
                    worstMetric = oldestFirst.get(i).worstMetric;
                }
            }
            for (String metric : metrics) {
                List<TrendChart.Point> points = oldestFirst.stream()
                        .map(row -> new TrendChart.Point(row.getLabel(), row.headline.get(metric))).toList();
                charts.add(new Chart(id, metric, TrendChart.svg(metric, points)));
            }
            if (worstMetric != null) {
                String ranking = worstMetric;
                String name = WORST_SLICE + ranking;
                List<TrendChart.Point> points = oldestFirst.stream()
                        .map(row -> new TrendChart.Point(row.getLabel() + (row.worstSlice == null ? "" : " " + row.worstSlice),
                                ranking.equals(row.worstMetric) ? row.worstValue : null))
                        .toList();
                charts.add(new Chart(id, name, TrendChart.svg(name, points)));
            }
        }
        return charts;
    }

    /** A chart for Jelly: the evaluation id, the metric and its SVG (escaped where it is made, classes only). */
    public static final class Chart {
        private final String id;
        private final String metric;
        private final String svg;

        Chart(String id, String metric, String svg) {
            this.id = id;
            this.metric = metric;
            this.svg = svg;
        }

        public String getId() {
            return id;
        }

        public String getMetric() {
            return metric;
        }

        public String getSvg() {
            return svg;
        }
    }

    /** One evaluation of one build: a bean, because Jelly reads properties through getters. */
    public static final class Row {
        private final int buildNumber;
        private final String buildUrl;
        private final String id;
        private final Verdict verdict;
        private final Map<String, Double> headline;
        private final String worstSlice;
        private final String worstMetric;
        private final Double worstValue;

        /** @param buildUrl relative to Jenkins' root ({@code job/p/12/}) */
        public Row(int buildNumber, String buildUrl, String id, Verdict verdict, Map<String, Double> headline,
                   String worstSlice, String worstMetric, Double worstValue) {
            this.buildNumber = buildNumber;
            this.buildUrl = buildUrl;
            this.id = id;
            this.verdict = verdict;
            this.headline = Collections.unmodifiableMap(new LinkedHashMap<>(headline));
            this.worstSlice = worstSlice;
            this.worstMetric = worstMetric;
            this.worstValue = worstValue;
        }

        public int getBuildNumber() {
            return buildNumber;
        }

        public String getBuildUrl() {
            return buildUrl;
        }

        public String getId() {
            return id;
        }

        public Verdict getVerdict() {
            return verdict;
        }

        public String getVerdictClass() {
            return "mlcicd-verdict mlcicd-verdict-" + verdict.name().toLowerCase(Locale.ROOT);
        }

        public String getLabel() {
            return "#" + buildNumber;
        }

        /** {@code auc=0.91, log_loss=0.3, calibration_slope=1.02}. */
        public String getHeadlineText() {
            String text = headline.entrySet().stream().map(e -> e.getKey() + "=" + Numbers.format(e.getValue()))
                    .collect(Collectors.joining(", "));
            return text.isEmpty() ? "—" : text;
        }

        /** {@code country=DE (auc 0.71)}, or a dash without slices. */
        public String getWorstSliceText() {
            return worstSlice == null ? "—" : worstSlice + " (" + worstMetric + " " + Numbers.format(worstValue) + ")";
        }
    }
}
