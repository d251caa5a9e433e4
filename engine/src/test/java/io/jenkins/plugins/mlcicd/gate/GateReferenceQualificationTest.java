package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GateReferenceQualificationTest {
    private static final GatePolicy POLICY = GatePolicy.parse("gate.yaml", """
            rules:
              - metric: auc
                atLeast: 0.80
                minImprovement: 0.005
            """);

    private static boolean qualifies(String candidate) {
        return Gate.passedExceptForMissingBaseline(
                Gate.evaluate(POLICY, MetricsDocument.parse("candidate.json", candidate), null, null));
    }

    @Test
    void aFirstGateQualifiesWhenOnlyTheMissingBaselineKeptItFromPassing() {
        assertThat(qualifies("{\"auc\": 0.90}")).isTrue();
    }

    @Test
    void aFirstGateWithAFailedAbsoluteBoundOrAMissingMetricDoesNot() {
        assertThat(qualifies("{\"auc\": 0.70}")).isFalse();
        assertThat(qualifies("{\"f1\": 0.70}")).isFalse();
    }
}
