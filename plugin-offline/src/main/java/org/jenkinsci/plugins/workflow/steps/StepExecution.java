package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in of workflow-step-api {@code StepExecution}; the constructor is empty; see plugin-offline/STANDINS.md. */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    protected StepExecution(@NonNull StepContext context) {
    }

    @NonNull
    public StepContext getContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    public void onResume() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public String getStatus() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException("stand-in");
    }
}
