package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    @Test
    void barAxesEndOnRoundNumbers() {
        assertThat(SvgChart.niceTop(0.150562)).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(SvgChart.niceTop(0.91)).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(SvgChart.niceTop(37)).isEqualTo(40, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(SvgChart.niceTop(0.4)).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aLineChartHasTitleAxisLabelsLegendAndEscapesNames() {
        String svg = SvgChart.lines("ROC <curve>", "x\"", "y", new double[] {0, 1}, new double[] {0, 1},
                List.of(new SvgChart.Series("<m>", new double[] {0, 0.5, 1}, new double[] {0, Double.NaN, 1})), true, true);
        assertThat(svg).contains("<title>ROC &lt;curve&gt;</title>").contains("aria-label=\"ROC &lt;curve&gt;\"")
                .contains(">x&quot;</text>").contains("&lt;m&gt;").doesNotContain("<m>").doesNotContain(" style=")
                .contains("stroke-dasharray");
        assertThat(svg.split("class=\"mlcicd-chart-axis-label\"").length - 1).isEqualTo(2);
    }
}
