package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    @Test
    void plotsPointsScaledToTheMetricsRangeWithTooltips() {
        String svg = TrendChart.svg("auc", List.of(new TrendChart.Point("#1 v1", 0.8), new TrendChart.Point("#2 v2", 0.9),
                new TrendChart.Point("#3 v3", 0.85)));
        assertThat(svg).startsWith("<svg class=\"mlcicd-trend\"").contains("role=\"img\"");
        // the highest value is at the top of the plot, the lowest at the bottom
        assertThat(svg).contains("<polyline class=\"mlcicd-trend-line\" points=\"64.0,140.0 284.0,14.0 504.0,77.0\"/>");
        assertThat(svg).contains("<title>#2 v2: auc = 0.9</title>");
        assertThat(svg).contains(">0.9</text>").contains(">0.8</text>").contains(">#1 v1</text>").contains(">#3 v3</text>");
    }

    @Test
    void missingValuesBreakTheLineAndTextIsEscaped() {
        String svg = TrendChart.svg("<m>", Arrays.asList(new TrendChart.Point("a", 1.0), new TrendChart.Point("b", null),
                new TrendChart.Point("c\"><script>", 2.0)));
        assertThat(svg).doesNotContain("<polyline").doesNotContain("<script>").contains("&lt;m&gt;").contains("c&quot;&gt;&lt;script&gt;");
        assertThat(svg).containsOnlyOnce("<circle class=\"mlcicd-trend-point\" cx=\"64.0\"");
    }

    @Test
    void cspClean() {
        String svg = TrendChart.svg("auc", List.of(new TrendChart.Point("#1", 0.5)));
        assertThat(svg).doesNotContain("style").doesNotContain("script").doesNotContain(" on");
    }

    @Test
    void noValuesIsANote() {
        assertThat(TrendChart.svg("auc", List.of(new TrendChart.Point("#1", null)))).contains("No values of auc yet.");
    }
}
