package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Result;

/**
 * What differs between the front ends once the outcome is known: Pipeline marks the step's node
 * with a {@code WarningAction} as well, freestyle only has the build result.
 */
public interface ResultHandler {
    /**
     * Records an outcome worse than SUCCESS.
     *
     * @param result  UNSTABLE or FAILURE
     * @param message one line, shown on the stage and in the log
     */
    void setResult(Result result, String message);
}
