package io.jenkins.plugins.mlcicd.jenkins.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The model gate as a freestyle build step; the same code path as {@link GateStep}. */
public final class GateBuilder extends MlBuilder {
    static final String DEFAULT_ID = "gate";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("policy", "candidate", "baseline", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

    private final String policy;
    private final String candidate;
    private String baseline = GateRequest.REFERENCE;

    @DataBoundConstructor
    public GateBuilder(String policy, String candidate) {
        this.policy = policy;
        this.candidate = candidate;
    }

    public String getPolicy() {
        return policy;
    }

    public String getCandidate() {
        return candidate;
    }

    public String getBaseline() {
        return baseline;
    }

    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = baseline == null || baseline.isBlank() ? GateRequest.REFERENCE : baseline.strip();
    }

    @Override
    protected String functionName() {
        return GateStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        GateRequest request = new GateRequest(expand(env, policy), expand(env, candidate), expand(env, baseline));
        GateRunner.perform(build, options, request, handler);
    }


    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML model gate";
        }

        @POST
        public FormValidation doCheckPolicy(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "A policy file");
        }

        @POST
        public FormValidation doCheckCandidate(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The candidate (an evaluation id or a metrics file)");
        }
    }
}
