package io.jenkins.plugins.mlcicd.jenkins.data;

import hudson.model.Run;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code mlDataValidate} invocation on the build page. Its page shows the checks, the offending
 * values and, per column, the current against the reference distribution as SVG (the engine's
 * {@code DataValidationHtml}, rendered from the stored result document). Besides the result, the
 * build keeps the validated data's profile ({@link DataReference#PROFILE_FILE}): a later build with
 * {@code reference: 'lastSuccessful'} measures drift against it without the old data.
 */
public final class DataValidationAction extends MlResultAction {
    private final String data;
    private final String contract;
    private final String referenceData;
    private final String referenceBuildId;
    private final String referenceBuildName;
    private final boolean lastSuccessfulWanted;

    DataValidationAction(String id, ResultDocument document, DataValidateRequest request, DataReference.Found reference) {
        super(id, document);
        this.data = request.describeData();
        this.contract = request.contract();
        this.referenceData = request.referenceData();
        this.referenceBuildId = reference == null ? null : reference.buildId();
        this.referenceBuildName = reference == null ? null : reference.buildName();
        this.lastSuccessfulWanted = request.usesLastSuccessful();
    }

    @Override
    public ResultKind kind() {
        return ResultKind.DATA_VALIDATION;
    }

    @Override
    protected String title() {
        return "ML data validation";
    }

    /** The workspace path of the data, or its database source: the URL without user info, and the table or the query. */
    public String getData() {
        return data;
    }

    public String getContract() {
        return contract;
    }

    /** The workspace path of the reference data, when one was given, else null. */
    public String getReferenceData() {
        return referenceData;
    }

    /** The externalizable id of the build whose profile was the reference, or null. */
    public String getReferenceBuildId() {
        return referenceBuildId;
    }

    /** The reference build's display name ({@code #12}), or null. */
    public String getReferenceBuildName() {
        return referenceBuildName;
    }

    /** The reference build if it still exists and the current user may see it, else null. */
    public Run<?, ?> getReferenceBuild() {
        if (referenceBuildId == null) {
            return null;
        }
        try {
            return Run.fromExternalizableId(referenceBuildId);
        } catch (RuntimeException e) {
            // a malformed id, or a job the user may discover but not read: nothing to link to
            return null;
        }
    }

    @Override
    public List<Fact> getFacts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Data", data, null));
        facts.add(new Fact("Contract", contract, null));
        facts.add(referenceFact());
        return facts;
    }

    private Fact referenceFact() {
        if (referenceBuildId != null) {
            Run<?, ?> build = getReferenceBuild();
            return new Fact("Reference", "profile kept by build " + referenceBuildName
                    + " (the last earlier successful build whose validation '" + getId() + "' did not fail)",
                    build == null ? null : build.getUrl());
        }
        if (referenceData != null) {
            return new Fact("Reference", referenceData, null);
        }
        if (lastSuccessfulWanted) {
            return new Fact("Reference", "none: no earlier successful build kept a profile for '" + getId()
                    + "', so drift was not measured; if this build succeeds, its profile is the next build's reference", null);
        }
        return new Fact("Reference", "none given, so drift was not measured", null);
    }
}
