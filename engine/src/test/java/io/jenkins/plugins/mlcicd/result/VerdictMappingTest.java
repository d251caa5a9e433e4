package io.jenkins.plugins.mlcicd.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VerdictMappingTest {
    @Test
    void defaultMappingOfTheDesign() {
        VerdictMapping mapping = VerdictMapping.DEFAULT;
        assertThat(mapping.outcomeOf(Verdict.PASSED)).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(mapping.outcomeOf(Verdict.WARNING)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(mapping.outcomeOf(Verdict.FAILED)).isEqualTo(BuildOutcome.FAILURE);
        assertThat(mapping.outcomeOf(Verdict.INCONCLUSIVE)).isEqualTo(BuildOutcome.UNSTABLE);
    }

    @Test
    void failuresCanOnlyMarkUnstableAndInconclusiveFollowsThePolicy() {
        VerdictMapping mapping = new VerdictMapping(true, BuildOutcome.FAILURE);
        assertThat(mapping.outcomeOf(Verdict.FAILED)).isEqualTo(BuildOutcome.UNSTABLE);
        assertThat(mapping.outcomeOf(Verdict.INCONCLUSIVE)).isEqualTo(BuildOutcome.FAILURE);
    }

    @Test
    void parsesOutcomeWords() {
        assertThat(VerdictMapping.parseOutcome("onInconclusive", " Pass")).isEqualTo(BuildOutcome.SUCCESS);
        assertThat(VerdictMapping.parseOutcome("x", "fail")).isEqualTo(BuildOutcome.FAILURE);
        assertThatThrownBy(() -> VerdictMapping.parseOutcome("onInconclusive", "maybe"))
                .hasMessage("onInconclusive: 'maybe' is not one of success, unstable, failure");
    }
}
