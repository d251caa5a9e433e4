package io.jenkins.plugins.mlcicd.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void bidirectionalControlsAreShownVisiblyInTextAndAttributes() {
        String rlo = "auc\u202E";
        assertThat(Html.escape(rlo + " ≥ 0.1")).isEqualTo("auc⟦U+202E⟧ ≥ 0.1");
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                '\u200E', '\u200F', '\u061C'}) {
            assertThat(Html.escape("a" + c + "b")).as("U+%04X", (int) c).doesNotContain(String.valueOf(c)).contains("⟦U+");
        }
        assertThat(Html.escape("שלום 0.1")).as("right-to-left letters stay as they are").isEqualTo("שלום 0.1");
        assertThat(Html.text("<x>")).isEqualTo("<bdi>&lt;x&gt;</bdi>");
    }

    @Test
    void theGateReportNoLongerReversesAThresholdAfterAnOverridingMetricName() {
        ResultDocument gate = new ResultDocument(ResultKind.GATE, Verdict.FAILED, "s", Instant.EPOCH, 0,
                List.of(new Check("m\u202E", Verdict.FAILED, 0.3, null, null, "≤ 0.1", "m\u202E 0.3 > 0.1", Map.of())), null);
        String html = HtmlReport.fragment(gate);
        assertThat(html).doesNotContain("\u202E").contains("<bdi>m⟦U+202E⟧</bdi>").contains("<bdi>≤ 0.1</bdi>");
    }
}
