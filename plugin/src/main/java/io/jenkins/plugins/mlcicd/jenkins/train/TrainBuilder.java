package io.jenkins.plugins.mlcicd.jenkins.train;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlTrain} as a freestyle build step: the same code path as {@link TrainStep}. The form's
 * list and map parameters are text: data paths one per line, parameters and data IDs as
 * {@code name=value} lines. {@code $VARIABLES} of the build are expanded in paths and values
 * (not in the command: the shell expands those, as in "Execute shell").
 */
public final class TrainBuilder extends MlBuilder {
    static final String DEFAULT_ID = "train";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("command", "model", "metrics", "data", "dataIds", "params", "registryName",
            "registryAlias", "modelUri", "timeout", "python", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");
    /** The fields the Pipeline step shares with this builder (its registry is one map parameter). */
    static final List<String> STEP_FIELDS = List.of("command", "model", "metrics", "data", "dataIds", "params", "timeout",
            "python", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

    private final String command;
    private final String model;
    private final String metrics;
    private String data;
    private String dataIds;
    private String params;
    private String registryName;
    private String registryAlias;
    private String modelUri;
    private String timeout;
    private String python;

    @DataBoundConstructor
    public TrainBuilder(String command, String model, String metrics) {
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

    public String getData() {
        return data;
    }

    @DataBoundSetter
    public void setData(String data) {
        this.data = blankToNull(data);
    }

    public String getDataIds() {
        return dataIds;
    }

    @DataBoundSetter
    public void setDataIds(String dataIds) {
        this.dataIds = blankToNull(dataIds);
    }

    public String getParams() {
        return params;
    }

    @DataBoundSetter
    public void setParams(String params) {
        this.params = blankToNull(params);
    }

    public String getRegistryName() {
        return registryName;
    }

    @DataBoundSetter
    public void setRegistryName(String registryName) {
        this.registryName = blankToNull(registryName);
    }

    public String getRegistryAlias() {
        return registryAlias;
    }

    @DataBoundSetter
    public void setRegistryAlias(String registryAlias) {
        this.registryAlias = blankToNull(registryAlias);
    }

    public String getModelUri() {
        return modelUri;
    }

    @DataBoundSetter
    public void setModelUri(String modelUri) {
        this.modelUri = blankToNull(modelUri);
    }

    public String getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(String timeout) {
        this.timeout = blankToNull(timeout);
    }

    /** The interpreter described (default {@code python3}, which the form shows). */
    public String getPython() {
        return python == null ? TrainRequest.DEFAULT_PYTHON : python;
    }

    @DataBoundSetter
    public void setPython(String python) {
        this.python = blankToNull(python);
    }

    /** The form's values, expanded against the build's environment, converted and checked. */
    TrainRequest request(EnvVars env) {
        Map<String, String> expandedParams = expandValues(env, TrainArguments.lines("params", params));
        Map<String, String> expandedIds = expandValues(env, TrainArguments.lines("dataIds", dataIds));
        List<String> paths = TrainArguments.pathLines(data).stream().map(env::expand).toList();
        String name = expand(env, registryName);
        RegistryTarget registry = name == null || name.isBlank() ? null
                : new RegistryTarget(name.strip(), blankToNull(expand(env, registryAlias)), expand(env, modelUri));
        return new TrainRequest(command, expand(env, model), expand(env, metrics), paths, expandedIds, expandedParams, registry,
                TrainArguments.timeout(timeout), expand(env, python));
    }

    @Override
    protected String functionName() {
        return TrainStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        TrainRequest request;
        try {
            request = request(build.env());
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
        TrainRunner.perform(build, options, request, handler);
    }

    private static Map<String, String> expandValues(EnvVars env, Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> env.expand(e.getValue()),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }


    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML training with lineage";
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
