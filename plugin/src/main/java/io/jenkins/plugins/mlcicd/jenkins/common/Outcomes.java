package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;

/** The engine's {@link BuildOutcome} as Jenkins' {@link Result}. */
public final class Outcomes {
    private Outcomes() {
    }

    public static Result toResult(BuildOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
        };
    }

    /** Sets the build result only when it must change: {@code Run.setResult} never improves one anyway. */
    static void worsen(Run<?, ?> run, Result result) {
        Result current = run.getResult();
        if (current == null || result.isWorseThan(current)) {
            run.setResult(result);
        }
    }
}
