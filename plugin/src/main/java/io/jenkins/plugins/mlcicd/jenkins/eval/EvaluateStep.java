package io.jenkins.plugins.mlcicd.jenkins.eval;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseForms;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
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
 * {@code def ev = mlEvaluate(predictions: 'out/predictions.parquet', label: 'is_fraud', score: 'score', slices: ['country'], id: 'eval')}:
 * computes model-quality metrics from a predictions table on the agent ({@code mlcicd evaluate}),
 * records the evaluation with the build and returns it as a map. {@code mlGate(candidate: 'eval')}
 * then reads it by its id.
 */
public final class EvaluateStep extends MlStep {
    public static final String FUNCTION_NAME = "mlEvaluate";

    private final String label;
    private final String score;
    private String predictions;
    private String jdbc;
    private String spark;
    private String table;
    private String query;
    private String credentialsId;
    private String task;
    private Double threshold;
    private List<String> slices = List.of();
    private Integer topSlices;
    private String sensitive;
    private Integer k;
    private String group;
    private Integer bootstrap;
    private Long seed;
    private String pairWith;
    private boolean dropInvalid;

    /**
     * @param label the label column (0/1 for a binary task)
     * @param score the score column: the probability of label 1 (binary) or the prediction (regression)
     */
    @DataBoundConstructor
    public EvaluateStep(String label, String score) {
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

    /** Workspace path of the predictions table (CSV, Parquet, JSON Lines; a file, a directory or a glob). */
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

    /** {@code binary} (default) or {@code regression}. */
    @DataBoundSetter
    public void setTask(String task) {
        this.task = EvaluateRequest.trimmed(task);
    }

    public Double getThreshold() {
        return threshold;
    }

    /** Binary: a score at or above it is a predicted positive; null for the engine's 0.5. */
    @DataBoundSetter
    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public List<String> getSlices() {
        return slices;
    }

    /** Columns whose every value is evaluated as a slice: a list, or one comma-separated text (as the form sends it). */
    @DataBoundSetter
    public void setSlices(Object slices) {
        this.slices = List.copyOf(EvaluateRequest.slices(slices, FUNCTION_NAME));
    }

    public Integer getTopSlices() {
        return topSlices;
    }

    /** Keep only this many largest slices. */
    @DataBoundSetter
    public void setTopSlices(Integer topSlices) {
        this.topSlices = topSlices;
    }

    public String getSensitive() {
        return sensitive;
    }

    /** Sensitive attribute column for the fairness metrics. */
    @DataBoundSetter
    public void setSensitive(String sensitive) {
        this.sensitive = EvaluateRequest.trimmed(sensitive);
    }

    public Integer getK() {
        return k;
    }

    /** Cut-off of precision_at_k and recall_at_k. */
    @DataBoundSetter
    public void setK(Integer k) {
        this.k = k;
    }

    public String getGroup() {
        return group;
    }

    /** With {@code k}: rank within each group of this column. */
    @DataBoundSetter
    public void setGroup(String group) {
        this.group = EvaluateRequest.trimmed(group);
    }

    public Integer getBootstrap() {
        return bootstrap;
    }

    /** Bootstrap replicates for 95% intervals; none by default. */
    @DataBoundSetter
    public void setBootstrap(Integer bootstrap) {
        this.bootstrap = bootstrap;
    }

    public Long getSeed() {
        return seed;
    }

    /** Bootstrap seed (default 0). */
    @DataBoundSetter
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public String getPairWith() {
        return pairWith;
    }

    /** Row-id column keying the bootstrap, so that evaluations of the same rows pair up in the gate. */
    @DataBoundSetter
    public void setPairWith(String pairWith) {
        this.pairWith = EvaluateRequest.trimmed(pairWith);
    }

    public boolean isDropInvalid() {
        return dropInvalid;
    }

    /** Drop rows with a missing or NaN label or score (counted in the result) instead of refusing the input. */
    @DataBoundSetter
    public void setDropInvalid(boolean dropInvalid) {
        this.dropInvalid = dropInvalid;
    }

    EvaluateRequest request() {
        SparkSource cluster = SparkSource.of(spark, table, query, predictions, credentialsId);
        if (cluster != null) {
            return new EvaluateRequest(null, label, score, task, threshold, slices, topSlices, sensitive, k, group, bootstrap, seed,
                    pairWith, dropInvalid, DatabaseSource.of(jdbc, null, null, null), cluster);
        }
        return new EvaluateRequest(predictions, label, score, task, threshold, slices, topSlices, sensitive, k, group, bootstrap, seed,
                pairWith, dropInvalid, DatabaseSource.of(jdbc, table, query, credentialsId));
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return EvaluateBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        EvaluateRequest request = request();
        return new MlStepExecution(context, (build, handler) -> EvaluateRunner.perform(build, options, request, handler));
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(EvaluateBuilder.class, EvaluateBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML evaluation: model-quality metrics from a predictions table";
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
        public ListBoxModel doFillTaskItems(@AncestorInPath Item item) {
            return EvaluateForms.taskItems(item);
        }
    }
}
