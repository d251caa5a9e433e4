package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Base descriptor of the ML freestyle build steps: usable in every project type, and the shared id check. */
public abstract class MlBuilderDescriptor extends BuildStepDescriptor<Builder> {
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public FormValidation doCheckId(@AncestorInPath Item item, @QueryParameter String value) {
        return FormChecks.checkId(item, value);
    }
}
