package io.jenkins.plugins.mlcicd.canary;

/** Where guardrail values come from (Prometheus; a fake in tests). */
public interface MetricSource {
    /**
     * The value of one instant query. Never throws for a source problem: an unreachable source, an
     * error response or an empty result is a {@link Reading} without a value, so that the controller
     * decides what it means ({@link NoData}).
     */
    Reading query(String query) throws InterruptedException;
}
