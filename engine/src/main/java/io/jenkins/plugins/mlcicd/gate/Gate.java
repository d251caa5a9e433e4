package io.jenkins.plugins.mlcicd.gate;

import io.jenkins.plugins.mlcicd.result.ResultDocument;

/** Evaluates a gate policy (API placeholder). */
public final class Gate {
    private Gate() {
    }

    public static ResultDocument evaluate(GatePolicy policy, MetricsDocument candidate,
                                          MetricsDocument baseline, String baselineSource) {
        throw new UnsupportedOperationException("not yet");
    }
}
