package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a rollout is: ready → stage k → promoted, or → rolling-back → rolled-back | aborted | rollback-failed. */
public enum Phase {
    READY("ready"),
    STAGE("stage"),
    PROMOTED("promoted"),
    ROLLING_BACK("rolling-back"),
    ROLLED_BACK("rolled-back"),
    ABORTED("aborted"),
    ROLLBACK_FAILED("rollback-failed");

    private final String id;

    Phase(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean finished() {
        return this == PROMOTED || this == ROLLED_BACK || this == ABORTED || this == ROLLBACK_FAILED;
    }

    @JsonCreator
    public static Phase fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown phase '" + id + "'"));
    }
}
