package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Pipeline: a {@link WarningAction} on the step's node (so the stage shows it) and the build result,
 * changed only when the new one is worse.
 */
public final class PipelineResultHandler implements ResultHandler {
    private final Run<?, ?> run;
    private final FlowNode node;

    public PipelineResultHandler(Run<?, ?> run, FlowNode node) {
        this.run = run;
        this.node = node;
    }

    @Override
    public void setResult(Result result, String message) {
        node.addOrReplaceAction(new WarningAction(result).withMessage(message));
        Outcomes.worsen(run, result);
    }
}
