package io.jenkins.plugins.mlcicd.jenkins.gate;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlGate(policy: 'ml/gate.yaml', candidate: 'eval')} (an evaluation this build recorded) or
 * {@code candidate: 'out/metrics.json'} (a file): compares a candidate's
 * metrics with a policy and a baseline, records the result with the build and returns it as a map.
 */
public final class GateStep extends MlStep {
    public static final String FUNCTION_NAME = "mlGate";

    private final Object policy;
    private final String candidate;
    private String baseline = GateRequest.REFERENCE;

    /**
     * @param policy    workspace path of the policy (YAML or JSON), or the policy inline: a map with the
     *                  file's shape ({@code [rules: [...], onInconclusive: 'failure']}) or the list of rules
     * @param candidate the id of an evaluation this build recorded, or the workspace path of the candidate's metrics
     */
    @DataBoundConstructor
    public GateStep(Object policy, String candidate) {
        this.policy = policy;
        this.candidate = candidate;
    }

    public Object getPolicy() {
        return policy;
    }

    public String getCandidate() {
        return candidate;
    }

    public String getBaseline() {
        return baseline;
    }

    /** {@code reference} (default) or a workspace path of the baseline's metrics. */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = baseline == null || baseline.isBlank() ? GateRequest.REFERENCE : baseline.strip();
    }

    GateRequest request() {
        return new GateRequest(policy, candidate, baseline);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return GateBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        GateRequest request = request();
        return new MlStepExecution(context, (build, handler) -> GateRunner.perform(build, options, request, handler));
    }


    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(GateBuilder.class, GateBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML model gate: check candidate metrics against a policy and a baseline";
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
