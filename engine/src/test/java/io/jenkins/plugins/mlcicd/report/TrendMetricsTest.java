package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendMetricsTest {
    private static Map<String, Double> metrics(Object... nameValue) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put((String) nameValue[i], (Double) nameValue[i + 1]);
        }
        return map;
    }

    @Test
    void theNewestRunWithMetricsDecidesInItsOrder() {
        List<Map<String, Double>> newestFirst = List.of(metrics(), metrics("f1", 0.7, "auc", 0.9, "loss", 0.2),
                metrics("auc", 0.8, "old", 1.0));

        assertThat(TrendMetrics.charted(newestFirst, 2)).containsExactly("f1", "auc");
        assertThat(TrendMetrics.charted(newestFirst, 4)).containsExactly("f1", "auc", "loss");
    }

    @Test
    void noRunWithMetricsChartsNothing() {
        assertThat(TrendMetrics.charted(List.of(metrics(), metrics()), 4)).isEmpty();
        assertThat(TrendMetrics.charted(List.of(), 4)).isEmpty();
    }
}
