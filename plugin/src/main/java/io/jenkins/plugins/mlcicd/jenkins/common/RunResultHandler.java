package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Result;
import hudson.model.Run;

/** Freestyle: the build result, made worse only, never better. */
public final class RunResultHandler implements ResultHandler {
    private final Run<?, ?> run;

    public RunResultHandler(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void setResult(Result result, String message) {
        Outcomes.worsen(run, result);
    }
}
