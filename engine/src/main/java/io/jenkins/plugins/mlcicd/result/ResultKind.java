package io.jenkins.plugins.mlcicd.result;

import java.util.Arrays;

/** The kinds of result document; {@link #id()} is the {@code kind} field and part of {@code schema}. */
public enum ResultKind {
    DATA_VALIDATION("data-validation"),
    TRAINING("training"),
    EVALUATION("evaluation"),
    SHADOW("shadow"),
    CANARY("canary"),
    GATE("gate"),
    /** A registry alias moved (or refused to move) on the evidence of a gate: {@code registry promote}, {@code mlPromote}. */
    PROMOTION("promotion");

    private final String id;

    ResultKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code mlcicd/<kind>/v1}. */
    public String schema() {
        return "mlcicd/" + id + "/v1";
    }

    public static ResultKind fromId(String id) {
        return Arrays.stream(values())
                .filter(k -> k.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown result kind '" + id + "'"));
    }
}
