package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import org.junit.jupiter.api.Test;

/** The build page's live view of a rollout: refreshed from each progress document, final at the end. */
class CanaryActionTest {
    @Test
    void theActionFollowsTheRolloutFromItsFirstStageToItsRollback() throws Exception {
        CanaryRequest request = new CanaryRequest("deploy/canary.yaml", null, OnResume.CONTINUE, "fraud", "7");
        ResultDocument running = CanaryStatusTest.document(Verdict.INCONCLUSIVE, "stage 1/2 at 10%: 2 analyses so far", """
                {"phase": "stage", "stage": 0, "weight": 10, "plan": {"stages": [{"weight": 10}, {"weight": 100}]},
                 "transitions": [{"to": "stage 1 (10%)", "reason": "rollout started"}]}
                """);
        CanaryAction action = new CanaryAction("canary", running, request, true);

        assertThat(action.getUrlName()).isEqualTo("mlcicd-canary-canary");
        assertThat(action.isRunning()).isTrue();
        assertThat(action.getPhaseText()).isEqualTo("stage");
        assertThat(action.getStage()).isEqualTo("1/2");
        assertThat(action.getWeight()).isEqualTo("10");
        assertThat(action.getVerdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(action.getFacts()).extracting(Fact::getText)
                .containsExactly("deploy/canary.yaml", "running: stage, stage 1/2, canary weight 10% — stage 1 (10%): rollout started",
                        "fraud version 7");

        ResultDocument rolledBack = CanaryStatusTest.document(Verdict.FAILED, "rolled back: latencyP95 0.3 > 0.05", """
                {"phase": "rolled-back", "stage": 0, "weight": 0, "reason": "latencyP95 0.3 > 0.05",
                 "transitions": [{"to": "rolling-back", "reason": "latencyP95 0.3 > 0.05"}, {"to": "rolled-back", "reason": "router set 0%"}]}
                """);
        action.update(rolledBack, false);
        action.registryNote("fraud version 7 marked 'rolled-back'");

        assertThat(action.isRunning()).isFalse();
        assertThat(action.getVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(action.getSummary()).isEqualTo("rolled back: latencyP95 0.3 > 0.05");
        assertThat(action.getStage()).isNull();
        assertThat(action.getDecision()).isEqualTo("rolled-back");
        assertThat(action.getReason()).isEqualTo("latencyP95 0.3 > 0.05");
        assertThat(action.getFacts()).extracting(Fact::getLabel).containsExactly("Plan", "Rollout", "Model", "Registry");
    }

    @Test
    void anInlinePlanIsNamedAsSuchAndNoModelMeansNoRegistryFacts() throws Exception {
        CanaryAction action = new CanaryAction("c2", CanaryStatusTest.document(Verdict.PASSED, "promoted", "{\"phase\": \"promoted\"}"),
                new CanaryRequest(null, "stages: []", null, null, null), false);
        assertThat(action.getFacts()).extracting(Fact::getText).containsExactly("the inline plan (planYaml)", "promoted");
    }
}
