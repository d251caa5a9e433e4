package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataValidationHtmlTest {
    @Test
    void aZeroOneColumnGetsOneBinPerValueNotEmptyDegenerateBins() {
        // Deciles of a 0/1 column with 10% ones: eight zeros and a one; the values sit in bins 8 and 9.
        double[] edges = {0, 0, 0, 0, 0, 0, 0, 0, 1};
        long[] reference = {0, 0, 0, 0, 0, 0, 0, 0, 900, 100};
        long[] current = {0, 0, 0, 0, 0, 0, 0, 0, 850, 150};
        DataValidationHtml.Bins bins = DataValidationHtml.Bins.of(edges, reference, current, true);
        assertThat(bins.labels()).containsExactly("0", "≥ 1");
        assertThat(bins.reference()).containsExactly(900, 100);
        assertThat(bins.current()).containsExactly(850, 150);
    }

    @Test
    void smallIntegersAreLabelledByValueAndOpenEndsKeptWhenTheyHoldRows() {
        double[] edges = {1, 2, 2, 3};
        long[] reference = {0, 10, 0, 20, 30};
        long[] current = {5, 10, 0, 20, 30};
        DataValidationHtml.Bins bins = DataValidationHtml.Bins.of(edges, reference, current, true);
        assertThat(bins.labels()).containsExactly("< 1", "1", "2", "≥ 3");
        assertThat(bins.current()).containsExactly(5, 10, 20, 30);
    }

    @Test
    void continuousBinsKeepTheirIntervals() {
        DataValidationHtml.Bins bins = DataValidationHtml.Bins.of(new double[] {0.5, 1.5}, new long[] {1, 2, 3}, new long[] {1, 2, 3}, false);
        assertThat(bins.labels()).containsExactly("[−∞, 0.5)", "[0.5, 1.5)", "[1.5, ∞)");
    }

    @Test
    void aChartHasTitleAxesLegendAndTheValuesAsText() {
        String html = DataValidationHtml.chart("amount", "Value", List.of("a", "b"), new long[] {1, 3}, new long[] {2, 2}, 4, 4);
        assertThat(html).contains("<title>Distribution of amount</title>").contains("class=\"mlcicd-chart-title\"")
                .contains(">Share of rows</text>").contains(">Value</text>").contains(">reference<title>")
                .contains("<td class=\"num\">25%</td><td class=\"num\">50%</td>")
                .doesNotContain(" style=").doesNotContain(" on");
    }
}
