package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseForms;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Data validation as a freestyle build step; the same code path as {@link DataValidateStep}. */
public final class DataValidateBuilder extends MlBuilder {
    static final String DEFAULT_ID = "data";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("contract", "data", "jdbc", "spark", "table", "query", "credentialsId", "reference",
            "delimiter", "quote", "header", "id", "stopBuild", "unstableOnly", "checksName", "skipPublishingChecks");

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
    public DataValidateBuilder(String contract) {
        this.contract = contract;
    }

    /**
     * @param contract workspace path of the data contract (YAML or JSON)
     * @param data     workspace path of the data (CSV, Parquet, JSON Lines; a file, a directory or a glob)
     */
    public DataValidateBuilder(String contract, String data) {
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

    public String getSpark() {
        return spark;
    }

    /** Spark Connect URL of the cluster the data is validated in (instead of the agent): with table, query or data. */
    @DataBoundSetter
    public void setSpark(String spark) {
        this.spark = DataValidateRequest.trimmed(spark);
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

    /** Empty (none), {@code lastSuccessful}, or a workspace path of reference data. */
    @DataBoundSetter
    public void setReference(String reference) {
        this.reference = DataValidateRequest.trimmed(reference);
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
        return DataValidateStep.FUNCTION_NAME;
    }

    @Override
    protected String defaultId() {
        return DEFAULT_ID;
    }

    @Override
    protected void perform(BuildContext build, StepOptions options, ResultHandler handler) throws IOException, InterruptedException {
        EnvVars env = build.env();
        DataValidateRunner.perform(build, options, request(value -> expand(env, value)), handler);
    }

    /**
     * The request with the build's {@code $VARIABLES} expanded in its paths, the JDBC URL, the table
     * and the query. Not in {@code credentialsId}: the credentials plugin resolves a {@code ${PARAMETER}}
     * there itself, as a credentials parameter (whose user-supplied value it checks), when it looks it up.
     */
    DataValidateRequest request(UnaryOperator<String> expand) {
        SparkSource cluster = SparkSource.of(expand.apply(spark), expand.apply(table), expand.apply(query), expand.apply(data),
                credentialsId);
        if (cluster != null) {
            return new DataValidateRequest(expand.apply(contract), null, DatabaseSource.of(expand.apply(jdbc), null, null, null),
                    expand.apply(reference), new CsvFormat(delimiter, quote, header), cluster);
        }
        DatabaseSource database = DatabaseSource.of(expand.apply(jdbc), expand.apply(table), expand.apply(query), credentialsId);
        return new DataValidateRequest(expand.apply(contract), expand.apply(data), database, expand.apply(reference),
                new CsvFormat(delimiter, quote, header));
    }


    @Extension
    public static final class DescriptorImpl extends MlBuilderDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "ML data validation";
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
