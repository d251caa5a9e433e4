package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stand-in of workflow-step-api {@code SynchronousNonBlockingStepExecution}; see plugin-offline/STANDINS.md. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(@NonNull StepContext context) {
        super(context);
    }

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("stand-in");
    }

    protected abstract T run() throws Exception;
}
