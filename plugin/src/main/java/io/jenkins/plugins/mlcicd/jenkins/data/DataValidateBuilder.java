package io.jenkins.plugins.mlcicd.jenkins.data;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.FormChecks;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilder;
import io.jenkins.plugins.mlcicd.jenkins.common.MlBuilderDescriptor;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** Data validation as a freestyle build step; the same code path as {@link DataValidateStep}. */
public final class DataValidateBuilder extends MlBuilder {
    static final String DEFAULT_ID = "data";
    /** Every configurable field; each has a {@code help-<field>.html} next to this class's config.jelly. */
    static final List<String> FIELDS = List.of("contract", "data", "reference", "delimiter", "quote", "header",
            "id", "stopBuild", "unstableOnly");

    private final String contract;
    private final String data;
    private String reference;
    private String delimiter;
    private String quote;
    private boolean header = true;

    @DataBoundConstructor
    public DataValidateBuilder(String contract, String data) {
        this.contract = contract;
        this.data = data;
    }

    public String getContract() {
        return contract;
    }

    public String getData() {
        return data;
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
        DataValidateRequest request = new DataValidateRequest(expand(env, contract), expand(env, data), expand(env, reference),
                new CsvFormat(delimiter, quote, header));
        DataValidateRunner.perform(build, options, request, handler);
    }


    @Extension
    @Symbol(DataValidateStep.FUNCTION_NAME)
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
        public FormValidation doCheckData(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.checkRequired(item, value, "The data");
        }
    }
}
