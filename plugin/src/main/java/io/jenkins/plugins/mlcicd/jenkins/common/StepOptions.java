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
 * @param checksName   the name of the pull request check the step publishes, or null for {@code ML: <step> <id>}
 * @param skipPublishingChecks publish no check (as warnings-ng's option of the same name)
 */
public record StepOptions(String functionName, String id, boolean stopBuild, boolean unstableOnly, String checksName,
                          boolean skipPublishingChecks) {
    public StepOptions {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(id, "id");
        checksName = checksName == null || checksName.isBlank() ? null : checksName.strip();
    }

    /** Options with the default check: published, named {@code ML: <step> <id>}. */
    public StepOptions(String functionName, String id, boolean stopBuild, boolean unstableOnly) {
        this(functionName, id, stopBuild, unstableOnly, null, false);
    }

    /** The pull request check's name. */
    public String checkName() {
        return checksName != null ? checksName : "ML: " + functionName + " " + id;
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
