package io.jenkins.plugins.mlcicd.jenkins.data;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStep;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.MlStepExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code mlSkew(training: 'features/offline.parquet', serving: 'logs/features.parquet', key: 'request_id')}:
 * training–serving skew per example ({@code mlcicd skew}) on the agent: joins the two logs of the same
 * examples on the key, compares each feature value by value and measures drift between the sides;
 * records the result with the build and returns it as a map. A step of its own rather than an option
 * of {@code mlDataValidate}: it needs no contract and takes two datasets and a key, none of which a
 * contract validation has.
 */
public final class SkewStep extends MlStep {
    public static final String FUNCTION_NAME = "mlSkew";

    private final String training;
    private final String serving;
    private final String key;
    private List<String> features = List.of();
    private Double tolerance;
    private Double maxMismatchFraction;
    private String delimiter;
    private String quote;
    private boolean header = true;
    private String spark;
    private String credentialsId;

    @DataBoundConstructor
    public SkewStep(String training, String serving, String key) {
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

    public List<String> getFeatures() {
        return features;
    }

    /** The features to compare: a list, or one comma-separated text; empty for every common column. */
    @DataBoundSetter
    public void setFeatures(Object features) {
        this.features = List.copyOf(SkewRequest.features(features, FUNCTION_NAME));
    }

    public Double getTolerance() {
        return tolerance;
    }

    /** Relative tolerance for numbers (default 1e-6). */
    @DataBoundSetter
    public void setTolerance(Double tolerance) {
        this.tolerance = tolerance;
    }

    public Double getMaxMismatchFraction() {
        return maxMismatchFraction;
    }

    /** A feature fails when more than this fraction of joined examples differ (default 0). */
    @DataBoundSetter
    public void setMaxMismatchFraction(Double maxMismatchFraction) {
        this.maxMismatchFraction = maxMismatchFraction;
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

    SkewRequest request() {
        return new SkewRequest(training, serving, key, features, tolerance, maxMismatchFraction, new CsvFormat(delimiter, quote, header),
                spark, credentialsId);
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return SkewBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        SkewRequest request = request();
        return new MlStepExecution(context, (build, handler) -> SkewRunner.perform(build, options, request, handler));
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(SkewBuilder.class, SkewBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML training–serving skew: compare the features of the same examples as trained and as served";
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
