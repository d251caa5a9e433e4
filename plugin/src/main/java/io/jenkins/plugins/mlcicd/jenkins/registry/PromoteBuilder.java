package io.jenkins.plugins.mlcicd.jenkins.registry;

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
import io.jenkins.plugins.mlcicd.registry.Promote;
import java.io.IOException;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The registry promotion as a freestyle build step; the same code path as {@link PromoteStep}. */
public final class PromoteBuilder extends MlBuilder {
    static final String DEFAULT_ID = "promote";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("model", "version", "fromAlias", "alias", "gate", "reason", "force",
            "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

    private final String model;
    private final String gate;
    private final String reason;
    private String version;
    private String fromAlias;
    private String alias = Promote.DEFAULT_ALIAS;
    private boolean force;

    @DataBoundConstructor
    public PromoteBuilder(String model, String gate, String reason) {
        this.model = model;
        this.gate = gate;
        this.reason = reason;
    }

    public String getModel() {
        return model;
    }

    public String getGate() {
        return gate;
    }

    public String getReason() {
        return reason;
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.strip();
    }

    public String getFromAlias() {
        return fromAlias;
    }

    @DataBoundSetter
    public void setFromAlias(String fromAlias) {
        this.fromAlias = fromAlias == null || fromAlias.isBlank() ? null : fromAlias.strip();
    }

    public String getAlias() {
        return alias;
    }

    @DataBoundSetter
    public void setAlias(String alias) {
        this.alias = alias == null || alias.isBlank() ? Promote.DEFAULT_ALIAS : alias.strip();
    }

    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    @Override
    protected String functionName() {
        return PromoteStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        PromoteRequest request = new PromoteRequest(expand(env, model), expand(env, version), expand(env, fromAlias),
                expand(env, alias), expand(env, gate), expand(env, reason), force);
        PromoteRunner.perform(build, options, request, handler);
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        static {
            // this extension is created when Jenkins starts: the permission is in the matrix before any build runs
            RegistryPermissions.ensureDeclared();
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML model promotion (registry alias)";
        }

        @POST
        public FormValidation doCheckModel(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The registered model name");
        }

        @POST
        public FormValidation doCheckGate(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The gate (an mlGate id of this build or a gate result file)");
        }

        @POST
        public FormValidation doCheckReason(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "A reason");
        }
    }
}
