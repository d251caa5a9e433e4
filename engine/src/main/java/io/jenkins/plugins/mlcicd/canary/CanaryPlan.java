package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A validated rollout plan ({@link PlanReader} reads and checks it).
 *
 * @param rollback       how traffic goes back to the baseline (the router with weight 0 unless given)
 * @param slices         values of {@code ${SLICE}}; empty when the plan has none
 * @param failureLimit   consecutive failed analyses tolerated; one more rolls back
 * @param rollbackWithin the promise: the longest time from a breach to traffic back on the baseline
 * @param digest         SHA-256 of the plan's canonical JSON, to tie a state file to its plan
 */
public record CanaryPlan(List<Stage> stages, Duration interval, RouterSpec router, RouterSpec rollback,
                         PrometheusSpec prometheus, List<String> slices, List<Guardrail> guardrails,
                         int failureLimit, NoData noData, Duration rollbackWithin, String digest) {
    public CanaryPlan {
        stages = List.copyOf(stages);
        slices = List.copyOf(slices);
        guardrails = List.copyOf(guardrails);
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(rollback, "rollback");
    }

    /**
     * The worst case from a breach becoming visible to traffic back on the baseline: up to
     * failureLimit + 1 analyses that fail, the slowest query of the last one, one rollback attempt.
     */
    public Duration worstCaseRollback() {
        return interval.multipliedBy(failureLimit + 1L).plus(queryTimeout()).plus(rollback.timeout());
    }

    public Duration queryTimeout() {
        return prometheus == null ? Duration.ZERO : prometheus.timeout();
    }
}
