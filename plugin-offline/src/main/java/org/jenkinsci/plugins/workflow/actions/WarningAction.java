package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Result;

/** Stand-in of workflow-api {@code WarningAction} (real: implements PersistentAction, an Action); see plugin-offline/STANDINS.md. */
public class WarningAction implements Action {
    public WarningAction(@NonNull Result result) {
        throw new UnsupportedOperationException("stand-in");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public Result getResult() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public String getMessage() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
