package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelHistoryTest {
    private static Map<String, Double> metrics(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    private static ModelHistory history() {
        return new ModelHistory(List.of(
                new ModelHistory.Row(3, "job/p/3/", "train", Verdict.PASSED, "fraud", 3, "candidate",
                        metrics("auc", 0.93, "log_loss", 0.2), List.of("gate: PASSED")),
                new ModelHistory.Row(2, "job/p/2/", "train", Verdict.FAILED, null, null, null, Map.of(), List.of()),
                new ModelHistory.Row(1, "job/p/1/", "train", Verdict.PASSED, "fraud", 1, "candidate",
                        metrics("auc", 0.9), List.of("gate: INCONCLUSIVE"))));
    }

    @Test
    void chartsTheNewestRunsMetricsOldestFirstWithGaps() {
        ModelHistory history = history();
        assertThat(history.chartedMetrics()).containsExactly("auc", "log_loss");
        List<ModelHistory.Chart> charts = history.getCharts();
        assertThat(charts).extracting(ModelHistory.Chart::getMetric).containsExactly("auc", "log_loss");
        String auc = charts.get(0).getSvg();
        assertThat(auc.indexOf("#1 v1: auc = 0.9")).isLessThan(auc.indexOf("#3 v3: auc = 0.93"));
        assertThat(auc).doesNotContain("<polyline"); // build 2 has no auc: the line breaks there
    }

    @Test
    void rowsSayVersionMetricsAliasesAndGates() {
        ModelHistory history = history().withCurrentAliases(Map.of("fraud", Map.of("candidate", 3, "champion", 1)));
        ModelHistory.Row newest = history.getRows().get(0);
        assertThat(newest.getVersionText()).isEqualTo("fraud v3");
        assertThat(newest.metricsText(history.chartedMetrics())).isEqualTo("auc=0.93, log_loss=0.2");
        assertThat(newest.getAliasText()).isEqualTo("candidate");
        assertThat(newest.getGateText()).isEqualTo("gate: PASSED");
        assertThat(newest.getVerdictClass()).isEqualTo("mlcicd-verdict mlcicd-verdict-passed");
        ModelHistory.Row failed = history.getRows().get(1);
        assertThat(failed.getVersionText()).isEqualTo("—");
        assertThat(failed.getAliasText()).isEqualTo("—");
        assertThat(failed.getGateText()).isEqualTo("—");
        ModelHistory.Row oldest = history.getRows().get(2);
        assertThat(oldest.getAliasText()).isEqualTo("champion, candidate (at training, since moved)");
        assertThat(oldest.getLabel()).isEqualTo("#1 v1");
    }

    @Test
    void emptyHistory() {
        ModelHistory history = new ModelHistory(List.of());
        assertThat(history.isEmpty()).isTrue();
        assertThat(history.getCharts()).isEmpty();
    }
}
