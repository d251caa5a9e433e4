package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The result document of kind {@code canary}, the same while running (verdict INCONCLUSIVE, the
 * progress file) and at the end: {@code phase}, {@code stage}, {@code weight}, {@code reason},
 * {@code transitions}, {@code analyses} and the {@code plan}'s schedule, which the HTML timeline draws.
 */
public final class CanaryReport {
    private CanaryReport() {
    }

    public static ResultDocument document(CanaryPlan plan, RolloutState state, Instant now) {
        Instant started = state.startedAt == null ? now : Instant.parse(state.startedAt);
        Instant end = state.finishedAt == null ? now : Instant.parse(state.finishedAt);
        Verdict verdict = switch (state.phase) {
            case PROMOTED -> Verdict.PASSED;
            case ROLLED_BACK, ABORTED, ROLLBACK_FAILED -> Verdict.FAILED;
            default -> Verdict.INCONCLUSIVE;
        };
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("rollout", verdict, (double) state.weight, null, null,
                "promoted to " + plan.stages().get(plan.stages().size() - 1).weight() + "%", summary(plan, state), null));
        if (!state.analyses.isEmpty()) {
            checks.addAll(state.analyses.get(state.analyses.size() - 1).checks());
        }
        ObjectMapper mapper = Json.mapper();
        ObjectNode fields = mapper.createObjectNode();
        fields.put("phase", state.phase.id());
        fields.put("stage", state.stage);
        fields.put("weight", state.weight);
        if (state.reason != null) {
            fields.put("reason", state.reason);
        }
        fields.set("plan", planNode(plan));
        fields.set("transitions", mapper.valueToTree(state.transitions));
        ArrayNode analyses = mapper.valueToTree(state.analyses);
        fields.set("analyses", analyses);
        return new ResultDocument(ResultKind.CANARY, verdict, summary(plan, state), started,
                Math.max(0, Duration.between(started, end).toMillis()), checks, fields);
    }

    static String summary(CanaryPlan plan, RolloutState state) {
        int n = plan.stages().size();
        return switch (state.phase) {
            case READY -> "ready: no traffic moved yet";
            case STAGE -> "stage " + (state.stage + 1) + "/" + n + " at " + state.weight + "%: "
                    + state.analyses.size() + " analyses so far";
            case PROMOTED -> "promoted to " + state.weight + "% through " + n + " stages, " + state.analyses.size() + " analyses";
            case ROLLING_BACK -> "rolling back from " + state.weight + "%: " + state.reason;
            case ROLLED_BACK -> "rolled back: " + state.reason;
            case ABORTED -> "aborted and rolled back: " + state.reason;
            case ROLLBACK_FAILED -> state.reason;
        };
    }

    private static ObjectNode planNode(CanaryPlan plan) {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode stages = node.putArray("stages");
        for (Stage stage : plan.stages()) {
            ObjectNode s = stages.addObject();
            s.put("weight", stage.weight());
            if (stage.duration() != null) {
                s.put("durationMs", stage.duration().toMillis());
            }
        }
        node.put("intervalMs", plan.interval().toMillis());
        node.put("failureLimit", plan.failureLimit());
        node.put("noData", plan.noData().word());
        node.put("rollbackWithinMs", plan.rollbackWithin().toMillis());
        node.put("worstCaseRollbackMs", plan.worstCaseRollback().toMillis());
        ArrayNode guardrails = node.putArray("guardrails");
        for (Guardrail g : plan.guardrails()) {
            ObjectNode guardrail = guardrails.addObject().put("name", g.name()).put("threshold", g.threshold());
            if (g.min() != null) {
                guardrail.put("min", g.min());
            }
            if (g.max() != null) {
                guardrail.put("max", g.max());
            }
        }
        return node;
    }
}
