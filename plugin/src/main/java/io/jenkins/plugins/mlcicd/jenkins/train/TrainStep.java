package io.jenkins.plugins.mlcicd.jenkins.train;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlTrain(command: 'python train.py', model: 'out/model.bin', metrics: 'out/metrics.json',
 * data: ['data/train.parquet'], params: [lr: '0.1'], registry: [name: 'fraud-model'])}: runs the
 * training command on the agent like {@code sh}, records its lineage with the build (ML Lineage),
 * fingerprints model and data, optionally registers the model, and returns the lineage as a map. On a
 * Unix agent the command is a durable task ({@link TrainExecution}) and survives a controller restart.
 */
public final class TrainStep extends MlStep {
    public static final String FUNCTION_NAME = "mlTrain";

    private final String command;
    private final String model;
    private final String metrics;
    private Object data;
    private Object dataIds;
    private Object params;
    private Object registry;
    private Object timeout;
    private String python;

    @DataBoundConstructor
    public TrainStep(String command, String model, String metrics) {
        this.command = command;
        this.model = model;
        this.metrics = metrics;
    }

    public String getCommand() {
        return command;
    }

    public String getModel() {
        return model;
    }

    public String getMetrics() {
        return metrics;
    }

    public Object getData() {
        return data;
    }

    /** A workspace path or a list of them (files or directories). */
    @DataBoundSetter
    public void setData(Object data) {
        this.data = blankToNull(data);
    }

    public Object getDataIds() {
        return dataIds;
    }

    /** Inputs with an external snapshot ID instead of hashing: {@code [features: 'lakefs://repo/commit/abc']}. */
    @DataBoundSetter
    public void setDataIds(Object dataIds) {
        this.dataIds = blankToNull(dataIds);
    }

    public Object getParams() {
        return params;
    }

    /** Hyper-parameters to record: {@code [lr: '0.1', epochs: 10]}. */
    @DataBoundSetter
    public void setParams(Object params) {
        this.params = blankToNull(params);
    }

    public Object getRegistry() {
        return registry;
    }

    /** {@code [name: 'fraud-model', alias: 'candidate', modelUri: 's3://...']} or just the name. */
    @DataBoundSetter
    public void setRegistry(Object registry) {
        this.registry = blankToNull(registry);
    }

    public Object getTimeout() {
        return timeout;
    }

    /** The one duration syntax: {@code '45s'}, {@code '30m'}, {@code '2h'}, {@code '1d'}; a bare number is seconds. Wall-clock time since the command started, restarts included. */
    @DataBoundSetter
    public void setTimeout(Object timeout) {
        this.timeout = blankToNull(timeout);
    }

    /** The interpreter described (default {@code python3}, which the form shows). */
    public String getPython() {
        return python == null ? TrainRequest.DEFAULT_PYTHON : python;
    }

    @DataBoundSetter
    public void setPython(String python) {
        this.python = python == null || python.isBlank() ? null : python.strip();
    }

    /** An empty form field (snippet generator) is no value. */
    private static Object blankToNull(Object value) {
        return value instanceof CharSequence text && text.toString().isBlank() ? null : value;
    }

    /** The parameters converted and checked; {@code BadInputException} names the one that is wrong. */
    TrainRequest request() {
        return new TrainRequest(command, model, metrics, TrainArguments.paths("data", data), TrainArguments.strings("dataIds", dataIds),
                TrainArguments.strings("params", params), TrainArguments.registry(registry), TrainArguments.timeout(timeout), python);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return TrainBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        StepOptions options = options();
        Launcher launcher = context.get(Launcher.class);
        if (launcher != null && launcher.isUnix()) {
            // a durable task, as `sh`: the command outlives a controller restart, and the step reconnects to it
            return new TrainExecution(context, options, checkedRequest(options));
        }
        // a Windows agent (no Bourne shell for the durable task): in the foreground, as the freestyle builder
        return new MlStepExecution(context, (build, handler) -> TrainRunner.perform(build, options, checkedRequest(options), handler));
    }

    /** The request, or the step's one-line failure when its arguments are bad. */
    private TrainRequest checkedRequest(StepOptions options) throws AbortException {
        try {
            return request();
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(TrainBuilder.class, TrainBuilder.STEP_FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML training: run a training command and record its lineage";
        }

        @POST
        public FormValidation doCheckCommand(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The training command");
        }

        @POST
        public FormValidation doCheckModel(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The model path");
        }

        @POST
        public FormValidation doCheckMetrics(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The metrics file");
        }
    }
}
