package io.jenkins.plugins.mlcicd.jenkins.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.registry.Promote;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlPromote(model: 'fraud-model', fromAlias: 'candidate', gate: 'gate', reason: '…')}: moves a
 * registry alias (default {@code champion}) to a version on the evidence of a gate, as
 * {@code mlcicd registry promote} does, when the user the build acts for may ({@link PromotionAuthority});
 * records the move with that user and returns the promotion's result document as a map.
 */
public final class PromoteStep extends MlStep {
    public static final String FUNCTION_NAME = "mlPromote";

    private final String model;
    private final String gate;
    private final String reason;
    private Object version;
    private String fromAlias;
    private String alias = Promote.DEFAULT_ALIAS;
    private boolean force;

    /**
     * @param model  the registered model name
     * @param gate   the id of an {@code mlGate} earlier in this build, or the workspace path of a gate result document
     * @param reason why the alias moves; recorded in the alias history
     */
    @DataBoundConstructor
    public PromoteStep(String model, String gate, String reason) {
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

    public Object getVersion() {
        return version;
    }

    /** The version number to promote (a number, or its text, e.g. {@code env.MODEL_VERSION}). */
    @DataBoundSetter
    public void setVersion(Object version) {
        // the snippet generator's empty text box means "not given", as null does
        this.version = version instanceof CharSequence text && text.toString().isBlank() ? null : version;
    }

    public String getFromAlias() {
        return fromAlias;
    }

    /** Promote the version this alias points at, e.g. {@code candidate}. */
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

    /** Promote even when the gate did not pass; recorded in the alias history. */
    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    PromoteRequest request() {
        return new PromoteRequest(model, version, fromAlias, alias, gate, reason, force);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return PromoteBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        PromoteRequest request = request();
        // SynchronousNonBlockingStepExecution runs the work with the build's authentication, which
        // PromotionAuthority asks when no user started the build
        return new MlStepExecution(context, (build, handler) -> PromoteRunner.perform(build, options, request, handler));
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        static {
            // this extension is created when Jenkins starts: the permission is in the matrix before any build runs
            RegistryPermissions.ensureDeclared();
        }

        public DescriptorImpl() {
            super(PromoteBuilder.class, PromoteBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML model promotion: move a registry alias on the evidence of a gate";
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
