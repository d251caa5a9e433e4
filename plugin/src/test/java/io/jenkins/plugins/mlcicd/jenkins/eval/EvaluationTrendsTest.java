package io.jenkins.plugins.mlcicd.jenkins.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job page's evaluation trends from the builds' kept headline numbers. */
class EvaluationTrendsTest {
    private static Map<String, Double> headline(double auc, Double logLoss) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("auc", auc);
        if (logLoss != null) {
            values.put("log_loss", logLoss);
        }
        values.put("calibration_slope", 1.0);
        return values;
    }

    @Test
    void oneChartPerHeadlineMetricAndTheWorstSlicePerEvaluationId() {
        EvaluationTrends trends = new EvaluationTrends(List.of(
                new EvaluationTrends.Row(3, "job/p/3/", "eval", Verdict.PASSED, headline(0.91, 0.30), "country=US", "auc", 0.80),
                new EvaluationTrends.Row(3, "job/p/3/", "holdout", Verdict.INCONCLUSIVE, Map.of(), null, null, null),
                new EvaluationTrends.Row(2, "job/p/2/", "eval", Verdict.PASSED, headline(0.89, null), "country=DE", "auc", 0.70),
                new EvaluationTrends.Row(1, "job/p/1/", "eval", Verdict.PASSED, headline(0.88, 0.33), null, null, null)));

        assertThat(trends.ids()).containsExactly("eval", "holdout");
        List<EvaluationTrends.Chart> charts = trends.getCharts();
        assertThat(charts).extracting(EvaluationTrends.Chart::getMetric)
                .containsExactly("auc", "log_loss", "calibration_slope", "worst slice auc");
        assertThat(charts).extracting(EvaluationTrends.Chart::getId).containsOnly("eval");
        String auc = charts.get(0).getSvg();
        // oldest build left: #1 is the first label, #3 the last
        assertThat(auc.indexOf(">#1<")).isPositive().isLessThan(auc.indexOf(">#3<"));
        assertThat(auc).contains("#2: auc = 0.89");
        // build #2 did not record a log loss: a gap, not a zero
        assertThat(charts.get(1).getSvg()).doesNotContain("#2: log_loss").contains("#1: log_loss = 0.33");
        assertThat(charts.get(3).getSvg()).contains("#3 country=US: worst slice auc = 0.8", "#2 country=DE: worst slice auc = 0.7");

        EvaluationTrends.Row newest = trends.getRows().get(0);
        assertThat(newest.getHeadlineText()).isEqualTo("auc=0.91, log_loss=0.3, calibration_slope=1");
        assertThat(newest.getWorstSliceText()).isEqualTo("country=US (auc 0.8)");
        assertThat(trends.getRows().get(1).getHeadlineText()).isEqualTo("—");
        assertThat(trends.getRows().get(1).getWorstSliceText()).isEqualTo("—");
    }

    @Test
    void noEvaluationsNoCharts() {
        EvaluationTrends trends = new EvaluationTrends(List.of());
        assertThat(trends.isEmpty()).isTrue();
        assertThat(trends.getCharts()).isEmpty();
    }
}
