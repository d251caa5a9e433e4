package io.jenkins.plugins.mlcicd.jenkins.eval;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseForms;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
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
 * Model evaluation as a freestyle build step; the same code path as {@link EvaluateStep}. Its number
 * fields and its slices are text, so that they may hold the build's {@code $VARIABLES}; they are read
 * when the build runs, and a value that is not a number fails the step with one line naming the field.
 * No {@code @Symbol}: in Pipeline, {@code mlEvaluate} is the step.
 */
public final class EvaluateBuilder extends MlBuilder {
    static final String DEFAULT_ID = "eval";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("predictions", "jdbc", "spark", "table", "query", "credentialsId", "label", "score", "task",
            "threshold", "slices", "topSlices",
            "sensitive", "k", "group", "bootstrap", "seed", "pairWith", "dropInvalid", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

    private final String label;
    private final String score;
    private String predictions;
    private String jdbc;
    private String spark;
    private String table;
    private String query;
    private String credentialsId;
    private String task;
    private String threshold;
    private String slices;
    private String topSlices;
    private String sensitive;
    private String k;
    private String group;
    private String bootstrap;
    private String seed;
    private String pairWith;
    private boolean dropInvalid;

    @DataBoundConstructor
    public EvaluateBuilder(String label, String score) {
        this.label = EvaluateRequest.trimmed(label);
        this.score = EvaluateRequest.trimmed(score);
    }

    public String getLabel() {
        return label;
    }

    public String getScore() {
        return score;
    }

    public String getPredictions() {
        return predictions;
    }

    @DataBoundSetter
    public void setPredictions(String predictions) {
        this.predictions = EvaluateRequest.trimmed(predictions);
    }

    public String getJdbc() {
        return jdbc;
    }

    /** JDBC URL of the database holding the predictions (instead of {@code predictions}); no password in it. */
    @DataBoundSetter
    public void setJdbc(String jdbc) {
        this.jdbc = EvaluateRequest.trimmed(jdbc);
    }

    public String getSpark() {
        return spark;
    }

    /** Spark Connect URL of the cluster holding the predictions (instead of predictions/jdbc): with table, query or predictions. */
    @DataBoundSetter
    public void setSpark(String spark) {
        this.spark = EvaluateRequest.trimmed(spark);
    }

    public String getTable() {
        return table;
    }

    /** With {@code jdbc}: the table (may be schema-qualified). */
    @DataBoundSetter
    public void setTable(String table) {
        this.table = EvaluateRequest.trimmed(table);
    }

    public String getQuery() {
        return query;
    }

    /** With {@code jdbc}: a SELECT whose result is the predictions table. */
    @DataBoundSetter
    public void setQuery(String query) {
        this.query = EvaluateRequest.trimmed(query);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** With {@code jdbc}: the id of a username-with-password credential for the database login. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = EvaluateRequest.trimmed(credentialsId);
    }

    public String getTask() {
        return task;
    }

    @DataBoundSetter
    public void setTask(String task) {
        this.task = EvaluateRequest.trimmed(task);
    }

    public String getThreshold() {
        return threshold;
    }

    @DataBoundSetter
    public void setThreshold(String threshold) {
        this.threshold = EvaluateRequest.trimmed(threshold);
    }

    public String getSlices() {
        return slices;
    }

    /** Comma-separated column names. */
    @DataBoundSetter
    public void setSlices(String slices) {
        this.slices = EvaluateRequest.trimmed(slices);
    }

    public String getTopSlices() {
        return topSlices;
    }

    @DataBoundSetter
    public void setTopSlices(String topSlices) {
        this.topSlices = EvaluateRequest.trimmed(topSlices);
    }

    public String getSensitive() {
        return sensitive;
    }

    @DataBoundSetter
    public void setSensitive(String sensitive) {
        this.sensitive = EvaluateRequest.trimmed(sensitive);
    }

    public String getK() {
        return k;
    }

    @DataBoundSetter
    public void setK(String k) {
        this.k = EvaluateRequest.trimmed(k);
    }

    public String getGroup() {
        return group;
    }

    @DataBoundSetter
    public void setGroup(String group) {
        this.group = EvaluateRequest.trimmed(group);
    }

    public String getBootstrap() {
        return bootstrap;
    }

    @DataBoundSetter
    public void setBootstrap(String bootstrap) {
        this.bootstrap = EvaluateRequest.trimmed(bootstrap);
    }

    public String getSeed() {
        return seed;
    }

    @DataBoundSetter
    public void setSeed(String seed) {
        this.seed = EvaluateRequest.trimmed(seed);
    }

    public String getPairWith() {
        return pairWith;
    }

    @DataBoundSetter
    public void setPairWith(String pairWith) {
        this.pairWith = EvaluateRequest.trimmed(pairWith);
    }

    public boolean isDropInvalid() {
        return dropInvalid;
    }

    @DataBoundSetter
    public void setDropInvalid(boolean dropInvalid) {
        this.dropInvalid = dropInvalid;
    }

    @Override
    protected String functionName() {
        return EvaluateStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        EvaluateRequest request;
        try {
            request = request(value -> expand(env, value));
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
        EvaluateRunner.perform(build, options, request, handler);
    }

    /**
     * The request with the build's {@code $VARIABLES} expanded in every text field but {@code credentialsId}
     * (the credentials plugin resolves a {@code ${PARAMETER}} there itself), numbers read.
     *
     * @throws BadInputException naming the field whose value is not a number
     */
    EvaluateRequest request(UnaryOperator<String> expand) {
        Long parsedSeed = FormNumbers.wholeNumber("seed", expand.apply(seed));
        SparkSource cluster = SparkSource.of(expand.apply(spark), expand.apply(table), expand.apply(query),
                expand.apply(predictions), credentialsId);
        return new EvaluateRequest(cluster != null ? null : expand.apply(predictions), expand.apply(label), expand.apply(score), expand.apply(task),
                FormNumbers.decimal("threshold", expand.apply(threshold)),
                EvaluateRequest.slices(expand.apply(slices), EvaluateStep.FUNCTION_NAME),
                FormNumbers.count("topSlices", expand.apply(topSlices)), expand.apply(sensitive),
                FormNumbers.count("k", expand.apply(k)), expand.apply(group),
                FormNumbers.count("bootstrap", expand.apply(bootstrap)), parsedSeed, expand.apply(pairWith), dropInvalid,
                cluster != null ? DatabaseSource.of(expand.apply(jdbc), null, null, null)
                        : DatabaseSource.of(expand.apply(jdbc), expand.apply(table), expand.apply(query), credentialsId), cluster);
    }

    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML model evaluation";
        }

        @POST
        public FormValidation doCheckPredictions(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String jdbc) {
            return DatabaseForms.checkFilesOrJdbc(item, value, jdbc, "predictions table");
        }
        @POST
        public FormValidation doCheckJdbc(@AncestorInPath Item item, @QueryParameter String value) {
            return DatabaseForms.checkJdbc(item, value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return DatabaseForms.credentialsItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckLabel(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The label column");
        }

        @POST
        public FormValidation doCheckScore(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The score column");
        }

        @POST
        public FormValidation doCheckThreshold(@AncestorInPath Item item, @QueryParameter String value) {
            return EvaluateForms.checkNumber(item, value, false);
        }

        @POST
        public FormValidation doCheckTopSlices(@AncestorInPath Item item, @QueryParameter String value) {
            return EvaluateForms.checkNumber(item, value, true);
        }

        @POST
        public FormValidation doCheckK(@AncestorInPath Item item, @QueryParameter String value) {
            return EvaluateForms.checkNumber(item, value, true);
        }

        @POST
        public FormValidation doCheckBootstrap(@AncestorInPath Item item, @QueryParameter String value) {
            return EvaluateForms.checkNumber(item, value, true);
        }

        @POST
        public FormValidation doCheckSeed(@AncestorInPath Item item, @QueryParameter String value) {
            return EvaluateForms.checkNumber(item, value, true);
        }

        @POST
        public ListBoxModel doFillTaskItems(@AncestorInPath Item item) {
            return EvaluateForms.taskItems(item);
        }
    }
}
