package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
    @Test
    void verdictEveryCheckThatDidNotPassAndTheBuildResult() {
        assertThat(ConsoleSummary.lines(ResultMapsTest.sampleDocument(), BuildOutcome.FAILURE)).containsExactly(
                "FAILED: 1 of 2 checks failed",
                "  FAILED auc vs baseline: auc 0.91 vs baseline 0.915: −0.005, needs ≥ +0.005",
                "  1 check passed",
                "build result: FAILURE");
    }

    @Test
    void successSaysTheResultIsUnchanged() {
        assertThat(ConsoleSummary.lines(ResultMapsTest.sampleDocument(), BuildOutcome.SUCCESS))
                .endsWith("build result: SUCCESS (unchanged)");
    }
}
