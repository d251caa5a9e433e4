package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import org.junit.jupiter.api.Test;

/** Which gates may serve a later build as its reference; evaluated with the real engine. */
class GateActionTest {
    private static final GatePolicy POLICY = GatePolicy.parse("gate.yaml", """
            rules:
              - metric: auc
                atLeast: 0.80
                minImprovement: 0.005
            """);

    private static ResultDocument evaluate(String candidate, String baseline) {
        return Gate.evaluate(POLICY, MetricsDocument.parse("candidate.json", candidate),
                baseline == null ? null : MetricsDocument.parse("baseline.json", baseline), baseline == null ? null : "baseline.json");
    }

    @Test
    void aPassedGateIsAReferenceForTheSameIdOnly() {
        ResultDocument passed = evaluate("{\"auc\": 0.90}", "{\"auc\": 0.85}");
        GateAction action = new GateAction("gate", passed, Baseline.ofFile(null, "baseline.json"));

        assertThat(passed.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(action.isReferenceFor("gate")).isTrue();
        assertThat(action.isReferenceFor("other")).isFalse();
        assertThat(action.getUrlName()).isEqualTo("mlcicd-gate-gate");
        assertThat(action.getDisplayName()).isEqualTo("ML gate (gate)");
        assertThat(action.getFacts()).extracting(Fact::getText).containsExactly("baseline.json");
    }

    @Test
    void aFailedGateIsNoReference() {
        ResultDocument failed = evaluate("{\"auc\": 0.851}", "{\"auc\": 0.85}");
        GateAction action = new GateAction("gate", failed, Baseline.ofFile(null, "baseline.json"));

        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(action.isReferenceFor("gate")).isFalse();
    }

    @Test
    void theFirstGateBecomesTheReferenceWhenAllItCouldCheckPassed() {
        ResultDocument first = evaluate("{\"auc\": 0.90}", null);
        GateAction action = new GateAction("gate", first, Baseline.NONE);

        assertThat(first.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Gate.passedExceptForMissingBaseline(first)).isTrue();
        assertThat(action.isFirstBaseline()).isTrue();
        assertThat(action.isReferenceFor("gate")).isTrue();
        assertThat(action.getFacts()).singleElement().extracting(Fact::getText).asString()
                .contains("this build's candidate is the reference for the next build");
    }

    @Test
    void aFirstGateThatFailedAnAbsoluteBoundIsNoReference() {
        ResultDocument first = evaluate("{\"auc\": 0.70}", null);
        GateAction action = new GateAction("gate", first, Baseline.NONE);

        assertThat(action.isFirstBaseline()).isFalse();
        assertThat(action.isReferenceFor("gate")).isFalse();
    }

    @Test
    void aFirstGateWithAMissingMetricIsNoReference() {
        ResultDocument first = Gate.evaluate(GatePolicy.parse("gate.yaml", """
                        rules:
                          - metric: recall
                            atLeast: 0.5
                            onMissing: inconclusive
                        """),
                MetricsDocument.parse("candidate.json", "{\"auc\": 0.9}"), null, null);

        assertThat(first.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(new GateAction("gate", first, Baseline.NONE).isReferenceFor("gate")).isFalse();
    }

    @Test
    void aGateWhoseBaselineLackedTheMetricIsNoFirstReference() {
        ResultDocument inconclusive = evaluate("{\"auc\": 0.90}", "{\"loss\": 0.3}");
        GateAction action = new GateAction("gate", inconclusive, Baseline.ofFile(null, "baseline.json"));

        assertThat(inconclusive.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(action.isReferenceFor("gate")).isFalse();
    }
}
