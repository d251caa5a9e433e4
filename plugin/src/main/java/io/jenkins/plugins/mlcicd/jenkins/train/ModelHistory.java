package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.report.TrendChart;
import io.jenkins.plugins.mlcicd.report.TrendMetrics;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "ML Models" table and trend charts, from the training runs of a job's builds; free of Jenkins
 * types. Rows are newest first; charts run oldest to newest.
 */
public final class ModelHistory {
    /** How many metrics get a trend chart: those of the newest run, in its order. */
    static final int CHARTED_METRICS = 4;

    private final List<Row> rows;

    /** @param rows newest first */
    public ModelHistory(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> getRows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The metrics charted: the newest run's first few ({@link TrendMetrics#charted}). */
    public List<String> chartedMetrics() {
        return TrendMetrics.charted(rows.stream().map(Row::metrics).toList(), CHARTED_METRICS);
    }

    /** One chart per charted metric, points labelled {@code #<build> v<version>}. */
    public List<Chart> getCharts() {
        List<Row> oldestFirst = new ArrayList<>(rows);
        Collections.reverse(oldestFirst);
        List<Chart> charts = new ArrayList<>();
        for (String metric : chartedMetrics()) {
            List<TrendChart.Point> points = oldestFirst.stream()
                    .map(row -> new TrendChart.Point(row.getLabel(), row.metrics.get(metric)))
                    .toList();
            charts.add(new Chart(metric, TrendChart.svg(metric, points)));
        }
        return charts;
    }

    /** A chart for Jelly: the metric and its SVG (escaped where it is made, classes only). */
    public static final class Chart {
        private final String metric;
        private final String svg;

        Chart(String metric, String svg) {
            this.metric = metric;
            this.svg = svg;
        }

        public String getMetric() {
            return metric;
        }

        public String getSvg() {
            return svg;
        }
    }

    /** One training run: a bean, because Jelly reads properties through getters. */
    public static final class Row {
        private final int buildNumber;
        private final String buildUrl;
        private final String id;
        private final Verdict verdict;
        private final String registryName;
        private final Integer version;
        private final String aliasAtTraining;
        private final Map<String, Double> metrics;
        private final List<String> gateVerdicts;
        private List<String> currentAliases = List.of();

        /**
         * @param buildUrl     relative to Jenkins' root ({@code job/p/12/})
         * @param gateVerdicts verdicts of the same build's {@code mlGate} invocations ({@code gate: PASSED})
         */
        public Row(int buildNumber, String buildUrl, String id, Verdict verdict, String registryName, Integer version,
                   String aliasAtTraining, Map<String, Double> metrics, List<String> gateVerdicts) {
            this.buildNumber = buildNumber;
            this.buildUrl = buildUrl;
            this.id = id;
            this.verdict = verdict;
            this.registryName = registryName;
            this.version = version;
            this.aliasAtTraining = aliasAtTraining;
            this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            this.gateVerdicts = List.copyOf(gateVerdicts);
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

        public String getRegistryName() {
            return registryName;
        }

        public Integer getVersion() {
            return version;
        }

        /** {@code fraud-model v3}, or a dash when nothing was registered. */
        public String getVersionText() {
            return version == null ? "—" : registryName + " v" + version;
        }

        public String getLabel() {
            return "#" + buildNumber + (version == null ? "" : " v" + version);
        }

        /** The registry's aliases now pointing at this version, and the one set at training if it moved since. */
        public String getAliasText() {
            List<String> parts = new ArrayList<>(currentAliases);
            if (aliasAtTraining != null && !currentAliases.contains(aliasAtTraining)) {
                parts.add(aliasAtTraining + " (at training, since moved)");
            }
            return parts.isEmpty() ? "—" : String.join(", ", parts);
        }

        /** {@code auc=0.91, f1=0.7} for the given metrics. */
        public String metricsText(List<String> names) {
            return names.stream().filter(metrics::containsKey)
                    .map(name -> name + "=" + Numbers.format(metrics.get(name)))
                    .collect(Collectors.joining(", "));
        }

        public String getGateText() {
            return gateVerdicts.isEmpty() ? "—" : String.join(", ", gateVerdicts);
        }

        Map<String, Double> metrics() {
            return metrics;
        }

        /** Sets the aliases the registry has on this version now (from {@link #withCurrentAliases}). */
        void currentAliases(List<String> aliases) {
            this.currentAliases = List.copyOf(aliases);
        }
    }

    /**
     * Marks each row with the aliases that point at its version now.
     *
     * @param aliasesByModel registered model name → (alias → version), as the registry answers
     */
    public ModelHistory withCurrentAliases(Map<String, Map<String, Integer>> aliasesByModel) {
        for (Row row : rows) {
            if (row.registryName == null || row.version == null) {
                continue;
            }
            Map<String, Integer> aliases = aliasesByModel.get(row.registryName);
            if (aliases == null) {
                continue;
            }
            row.currentAliases(aliases.entrySet().stream().filter(e -> e.getValue().equals(row.version))
                    .map(Map.Entry::getKey).sorted().toList());
        }
        return this;
    }
}
