package io.jenkins.plugins.mlcicd.jenkins.data;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.FormNumbers;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Training–serving skew as a freestyle build step; the same code path as {@link SkewStep}. Its number
 * fields and features are text, so that they may hold the build's {@code $VARIABLES}. No {@code @Symbol}:
 * in Pipeline, {@code mlSkew} is the step.
 */
public final class SkewBuilder extends MlBuilder {
    static final String DEFAULT_ID = "skew";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("training", "serving", "key", "features", "tolerance", "maxMismatchFraction",
            "delimiter", "quote", "header", "spark", "credentialsId", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

    private final String training;
    private final String serving;
    private final String key;
    private String features;
    private String tolerance;
    private String maxMismatchFraction;
    private String delimiter;
    private String quote;
    private boolean header = true;
    private String spark;
    private String credentialsId;

    @DataBoundConstructor
    public SkewBuilder(String training, String serving, String key) {
        this.training = DataValidateRequest.trimmed(training);
        this.serving = DataValidateRequest.trimmed(serving);
        this.key = DataValidateRequest.trimmed(key);
    }

    public String getTraining() {
        return training;
    }

    public String getServing() {
        return serving;
    }

    public String getKey() {
        return key;
    }

    public String getFeatures() {
        return features;
    }

    @DataBoundSetter
    public void setFeatures(String features) {
        this.features = DataValidateRequest.trimmed(features);
    }

    public String getTolerance() {
        return tolerance;
    }

    @DataBoundSetter
    public void setTolerance(String tolerance) {
        this.tolerance = DataValidateRequest.trimmed(tolerance);
    }

    public String getMaxMismatchFraction() {
        return maxMismatchFraction;
    }

    @DataBoundSetter
    public void setMaxMismatchFraction(String maxMismatchFraction) {
        this.maxMismatchFraction = DataValidateRequest.trimmed(maxMismatchFraction);
    }

    public String getDelimiter() {
        return delimiter;
    }

    @DataBoundSetter
    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }

    public String getQuote() {
        return quote;
    }

    @DataBoundSetter
    public void setQuote(String quote) {
        this.quote = quote == null || quote.isEmpty() ? null : quote;
    }

    public boolean isHeader() {
        return header;
    }

    @DataBoundSetter
    public void setHeader(boolean header) {
        this.header = header;
    }

    public String getSpark() {
        return spark;
    }

    /** Spark Connect URL: training and serving are paths the cluster reads, joined there instead of on the agent. */
    @DataBoundSetter
    public void setSpark(String spark) {
        this.spark = DataValidateRequest.trimmed(spark);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** With spark: the secret-text credential holding the Spark Connect bearer token. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = DataValidateRequest.trimmed(credentialsId);
    }

    @Override
    protected String functionName() {
        return SkewStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        SkewRequest request;
        try {
            request = request(value -> expand(env, value));
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
        SkewRunner.perform(build, options, request, handler);
    }

    /** The request with the build's {@code $VARIABLES} expanded; a number field that is not a number is bad input naming it. */
    SkewRequest request(UnaryOperator<String> expand) {
        return new SkewRequest(expand.apply(training), expand.apply(serving), expand.apply(key),
                SkewRequest.features(expand.apply(features), SkewStep.FUNCTION_NAME),
                FormNumbers.decimal("tolerance", expand.apply(tolerance)), FormNumbers.decimal("maxMismatchFraction", expand.apply(maxMismatchFraction)),
                new CsvFormat(delimiter, quote, header), expand.apply(spark), credentialsId);
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML training–serving skew";
        }

        @POST
        public FormValidation doCheckTraining(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The training features");
        }

        @POST
        public FormValidation doCheckServing(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The serving features");
        }

        @POST
        public FormValidation doCheckKey(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The key column");
        }
    }
}
