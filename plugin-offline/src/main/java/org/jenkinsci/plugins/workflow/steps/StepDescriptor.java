package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Stand-in of workflow-step-api {@code StepDescriptor}; see plugin-offline/STANDINS.md. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException("stand-in");
    }

    public Set<? extends Class<?>> getProvidedContext() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException("stand-in");
    }
}
