package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Describable;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Base descriptor of the ML Pipeline steps: they run inside {@code node} (a workspace and a launcher)
 * and mark their own flow node. The help of each field is the freestyle builder's, so that it is
 * written once.
 */
public abstract class MlStepDescriptor extends StepDescriptor {
    /**
     * @param helpOwner the freestyle builder whose {@code help-<field>.html} files also explain the step
     * @param fields    the fields whose help comes from there
     */
    @SuppressWarnings("rawtypes")
    protected MlStepDescriptor(Class<? extends Describable> helpOwner, String... fields) {
        for (String field : fields) {
            addHelpFileRedirect(field, helpOwner, field);
        }
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class, FlowNode.class);
    }

    /** The snippet generator's check of the id field. */
    @POST
    public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String value) {
        return FormChecks.checkId(item, value);
    }
}
