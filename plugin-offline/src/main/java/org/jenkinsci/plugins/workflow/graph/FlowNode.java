package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/** Stand-in of workflow-api {@code FlowNode} (real: also implements Saveable); see plugin-offline/STANDINS.md. */
public abstract class FlowNode extends Actionable {
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
