package io.jenkins.plugins.mlcicd.jenkins.canary;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.Locale;

/**
 * What a rollout does after the Jenkins controller restarted while it ran ({@code onResume}):
 * {@link #CONTINUE} where it was (the time already spent in the stage counts), or {@link #ROLLBACK}
 * (nobody watched the build while the controller was down, so move the traffic back and fail).
 */
public enum OnResume {
    CONTINUE,
    ROLLBACK;

    /** The value of the engine's {@code --on-resume} and of the step's parameter. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null or blank is {@link #CONTINUE}. */
    public static OnResume parse(String functionName, String value) {
        if (value == null || value.isBlank()) {
            return CONTINUE;
        }
        for (OnResume candidate : values()) {
            if (candidate.value().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new BadInputException(functionName + ": onResume: '" + value + "' is neither 'continue' nor 'rollback'");
    }
}
