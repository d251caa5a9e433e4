package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryStatusTest {
    static ResultDocument document(Verdict verdict, String summary, String fieldsJson) throws Exception {
        ObjectNode fields = (ObjectNode) Json.mapper().readTree(fieldsJson);
        return new ResultDocument(ResultKind.CANARY, verdict, summary, Instant.parse("2026-12-07T04:00:00Z"), 1000, List.of(), fields);
    }

    @Test
    void aRunningRolloutShowsItsStageWeightAndLastDecision() throws Exception {
        CanaryStatus status = CanaryStatus.of(document(Verdict.INCONCLUSIVE, "stage 2 of 4", """
                {"phase": "stage", "stage": 1, "weight": 5, "plan": {"stages": [{"weight": 1}, {"weight": 5}, {"weight": 25}, {"weight": 100}]},
                 "transitions": [{"at": "t0", "to": "stage", "reason": "stage 1 passed"},
                                 {"at": "t1", "to": "stage", "reason": "stage 1 held for 30m"}]}
                """));
        assertThat(status).isEqualTo(new CanaryStatus("stage", "2/4", "5", "stage", "stage 1 held for 30m"));
        assertThat(status.isFinal()).isFalse();
        assertThat(status.describe()).isEqualTo("stage, stage 2/4, canary weight 5% — stage: stage 1 held for 30m");
    }

    @Test
    void aRollbackIsFinalAndAFailedRollbackIsSaidSo() throws Exception {
        CanaryStatus rolledBack = CanaryStatus.of(document(Verdict.FAILED, "rolled back", """
                {"phase": "rolled-back", "stage": 1, "weight": 0, "reason": "latencyP95 0.081 > 0.05",
                 "transitions": [{"to": "rolling-back", "reason": "guardrail breached"}, {"phase": "rolled-back", "reason": "router set 0%"}]}
                """));
        assertThat(rolledBack.isFinal()).isTrue();
        assertThat(rolledBack.rollbackFailed()).isFalse();
        assertThat(rolledBack.decision()).isEqualTo("rolled-back");
        assertThat(rolledBack.stage()).as("no stage runs after a rollback").isNull();
        assertThat(rolledBack.reason()).isEqualTo("latencyP95 0.081 > 0.05");

        assertThat(CanaryStatus.of(document(Verdict.FAILED, "x", "{\"phase\": \"rollback-failed\"}")).rollbackFailed()).isTrue();
    }

    @Test
    void missingFieldsStayUnknown() throws Exception {
        CanaryStatus status = CanaryStatus.of(document(Verdict.INCONCLUSIVE, "x", "{\"transitions\": []}"));
        assertThat(status).isEqualTo(new CanaryStatus(null, null, null, null, null));
        assertThat(status.describe()).isEqualTo("phase unknown");
        assertThat(status.isFinal()).isFalse();
    }
}
