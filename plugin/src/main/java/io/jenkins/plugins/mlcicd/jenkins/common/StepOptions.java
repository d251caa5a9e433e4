package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StepIds;
import java.util.Objects;

/**
 * Options every ML step has, whatever it does.
 *
 * @param functionName the step's Pipeline name, e.g. {@code mlGate}; prefixes log lines and errors
 * @param id           names this invocation: its build action ({@code mlcicd-<kind>-<id>}), its files
 *                     under the build directory, and which earlier results count as its reference
 * @param stopBuild    when the outcome is FAILURE, end the build (AbortException) instead of going on
 * @param unstableOnly a FAILED verdict only marks the build UNSTABLE (DESIGN.md §3)
 */
public record StepOptions(String functionName, String id, boolean stopBuild, boolean unstableOnly) {
    public StepOptions {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(id, "id");
    }

    /** Checks {@link #id} and returns this; the message is what the user reads in the build log. */
    public StepOptions validated() {
        String problem = idProblem(id);
        if (problem != null) {
            throw new BadInputException(functionName + ": id: " + problem);
        }
        return this;
    }

    /** Why {@code id} is not acceptable, or null when it is: the engine's one rule ({@link StepIds}), shared with the form validation. */
    public static String idProblem(String id) {
        return StepIds.problem(id);
    }
}
