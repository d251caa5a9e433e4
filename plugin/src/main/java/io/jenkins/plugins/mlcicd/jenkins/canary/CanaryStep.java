package io.jenkins.plugins.mlcicd.jenkins.canary;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlCanary(plan: 'deploy/canary.yaml', id: 'canary', onResume: 'continue', model: 'fraud', version: '7')}:
 * moves traffic to a canary in stages while the engine watches guardrails on live metrics, and rolls
 * back on a breach, on an aborted build, or (with {@code onResume: 'rollback'}) after a controller
 * restart. Asynchronous ({@link CanaryExecution}): no executor thread waits for the hours a rollout
 * takes. Returns the canary result document as a map.
 */
public final class CanaryStep extends MlStep {
    public static final String FUNCTION_NAME = "mlCanary";

    private String plan;
    private String planYaml;
    private String onResume;
    private String model;
    private String version;

    @DataBoundConstructor
    public CanaryStep() {
        // every parameter is optional on its own; the request checks that a plan is given
    }

    public String getPlan() {
        return plan;
    }

    /** Workspace path of the rollout plan (YAML or JSON). */
    @DataBoundSetter
    public void setPlan(String plan) {
        this.plan = CanaryRequest.trimmed(plan);
    }

    public String getPlanYaml() {
        return planYaml;
    }

    /** The plan's keys inline, as YAML or JSON text (instead of {@code plan}). */
    @DataBoundSetter
    public void setPlanYaml(String planYaml) {
        this.planYaml = planYaml == null || planYaml.isBlank() ? null : planYaml;
    }

    public String getOnResume() {
        return onResume;
    }

    /** {@code continue} (default) or {@code rollback}: what the rollout does after a controller restart. */
    @DataBoundSetter
    public void setOnResume(String onResume) {
        this.onResume = CanaryRequest.trimmed(onResume);
    }

    public String getModel() {
        return model;
    }

    /** The registered model whose version goes out; with {@code version}, the registry records the outcome. */
    @DataBoundSetter
    public void setModel(String model) {
        this.model = CanaryRequest.trimmed(model);
    }

    public String getVersion() {
        return version;
    }

    /** The registered version's number. */
    @DataBoundSetter
    public void setVersion(String version) {
        this.version = CanaryRequest.trimmed(version);
    }

    CanaryRequest request() {
        return new CanaryRequest(plan, planYaml, OnResume.parse(FUNCTION_NAME, onResume), model, version);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return CanaryBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new CanaryExecution(context, options(), request());
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(CanaryBuilder.class, CanaryBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML canary: staged rollout with live guardrails and automatic rollback";
        }

        @POST
        public FormValidation doCheckPlan(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String planYaml) {
            return CanaryForms.checkPlan(item, value, planYaml);
        }

        @POST
        public FormValidation doCheckVersion(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String model) {
            return CanaryForms.checkVersion(item, value, model);
        }

        @POST
        public ListBoxModel doFillOnResumeItems(@AncestorInPath Item item) {
            return CanaryForms.onResumeItems(item);
        }
    }
}
