package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;

/** Stand-in of workflow-api {@code FlowNode} (real: also implements Saveable); see plugin-offline/STANDINS.md. */
public abstract class FlowNode extends Actionable {
    // The real constructors take a FlowExecution (protected FlowNode(FlowExecution, String, FlowNode...) and
    // (FlowExecution, String, List<FlowNode>)); private here so that no code can rely on an invented one.
    private FlowNode() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
