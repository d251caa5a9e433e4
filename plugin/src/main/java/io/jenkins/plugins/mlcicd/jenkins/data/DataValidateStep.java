package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseForms;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
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
 * {@code mlDataValidate(contract: 'ml/contract.yaml', data: 'data/train.parquet', reference: 'lastSuccessful')}:
 * validates a dataset against a data contract and measures drift against a reference, on the agent;
 * records the result and the data's profile with the build and returns the result document as a map.
 */
public final class DataValidateStep extends MlStep {
    public static final String FUNCTION_NAME = "mlDataValidate";

    private final String contract;
    private String data;
    private String jdbc;
    private String spark;
    private String table;
    private String query;
    private String credentialsId;
    private String reference;
    private String delimiter;
    private String quote;
    private boolean header = true;

    /** @param contract workspace path of the data contract (YAML or JSON) */
    @DataBoundConstructor
    public DataValidateStep(String contract) {
        this.contract = contract;
    }

    /**
     * @param contract workspace path of the data contract (YAML or JSON)
     * @param data     workspace path of the data (CSV, Parquet, JSON Lines; a file, a directory or a glob)
     */
    public DataValidateStep(String contract, String data) {
        this(contract);
        setData(data);
    }

    public String getContract() {
        return contract;
    }

    public String getData() {
        return data;
    }

    /** Workspace path of the data (CSV, Parquet, JSON Lines; a file, a directory or a glob); or give {@code jdbc}. */
    @DataBoundSetter
    public void setData(String data) {
        this.data = DataValidateRequest.trimmed(data);
    }

    public String getJdbc() {
        return jdbc;
    }

    /** JDBC URL of the database holding the data (instead of {@code data}); no password in it. */
    @DataBoundSetter
    public void setJdbc(String jdbc) {
        this.jdbc = DataValidateRequest.trimmed(jdbc);
    }

    public String getTable() {
        return table;
    }

    /** With {@code jdbc}: the table (may be schema-qualified). */
    @DataBoundSetter
    public void setTable(String table) {
        this.table = DataValidateRequest.trimmed(table);
    }

    public String getQuery() {
        return query;
    }

    /** With {@code jdbc}: a SELECT whose result is the dataset. */
    @DataBoundSetter
    public void setQuery(String query) {
        this.query = DataValidateRequest.trimmed(query);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** With {@code jdbc}: the id of a username-with-password credential for the database login. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = DataValidateRequest.trimmed(credentialsId);
    }

    public String getReference() {
        return reference;
    }

    /** Empty (none, the default), {@code lastSuccessful}, or a workspace path of reference data. */
    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = DataValidateRequest.trimmed(reference);
    }

    DataValidateRequest request() {
        SparkSource cluster = SparkSource.of(spark, table, query, data, credentialsId);
        if (cluster != null) {
            return new DataValidateRequest(contract, null, DatabaseSource.of(jdbc, null, null, null), reference,
                    new CsvFormat(delimiter, quote, header), cluster);
        }
        return new DataValidateRequest(contract, data, DatabaseSource.of(jdbc, table, query, credentialsId), reference,
                new CsvFormat(delimiter, quote, header));
    }

    public String getSpark() {
        return spark;
    }

    /** Spark Connect URL of the cluster the data is validated in (instead of the agent): with table, query or data. */
    @DataBoundSetter
    public void setSpark(String spark) {
        this.spark = DataValidateRequest.trimmed(spark);
    }

    public String getDelimiter() {
        return delimiter;
    }

    /** The CSV field delimiter: one character, {@code \t} or {@code tab}; empty for {@code ,}. */
    @DataBoundSetter
    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }

    public String getQuote() {
        return quote;
    }

    /** The CSV quote character; empty for {@code "}. */
    @DataBoundSetter
    public void setQuote(String quote) {
        this.quote = quote == null || quote.isEmpty() ? null : quote;
    }

    public boolean isHeader() {
        return header;
    }

    /** False when CSV files have no header row. */
    @DataBoundSetter
    public void setHeader(boolean header) {
        this.header = header;
    }

    @Override
    protected String functionName() {
        return FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DataValidateBuilder.DEFAULT_ID;
    }

    @Override
    public StepExecution start(StepContext context) {
        StepOptions options = options();
        DataValidateRequest request = request();
        return new MlStepExecution(context, (build, handler) -> DataValidateRunner.perform(build, options, request, handler));
    }

    @Extension
    public static final class DescriptorImpl extends MlStepDescriptor {
        public DescriptorImpl() {
            super(DataValidateBuilder.class, DataValidateBuilder.FIELDS.toArray(String[]::new));
        }

        @Override
        public String getFunctionName() {
            return FUNCTION_NAME;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "ML data validation: check a dataset against a data contract and for drift";
        }

        @POST
        public FormValidation doCheckContract(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "A data contract");
        }

        @POST
        public FormValidation doCheckData(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String jdbc) {
            return DatabaseForms.checkData(item, value, jdbc);
        }

        @POST
        public FormValidation doCheckJdbc(@AncestorInPath Item item, @QueryParameter String value) {
            return DatabaseForms.checkJdbc(item, value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return DatabaseForms.credentialsItems(item, credentialsId);
        }
    }
}
