package io.jenkins.plugins.mlcicd.jenkins.gate;

import hudson.model.Run;
import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.List;

/**
 * One {@code mlGate} invocation on the build page. Besides the result document, the gate stores the
 * candidate's metrics ({@link #CANDIDATE_METRICS_FILE}): a later build whose baseline is
 * {@code 'reference'} compares against them when this gate passed.
 */
public final class GateAction extends MlResultAction {
    /** The candidate's metrics in the engine's canonical JSON ({@code MetricsDocument.toJson()}). */
    public static final String CANDIDATE_METRICS_FILE = "candidate-metrics.json";

    private final String baselineSource;
    private final String referenceBuildId;
    private final String referenceBuildName;
    private final boolean firstBaseline;
    /** The id of this build's evaluation the candidate came from, or null for a metrics file. */
    private final String candidateEvaluation;

    GateAction(String id, ResultDocument document, Baseline baseline) {
        this(id, document, baseline, null);
    }

    GateAction(String id, ResultDocument document, Baseline baseline, String candidateEvaluation) {
        super(id, document);
        this.candidateEvaluation = candidateEvaluation;
        this.baselineSource = baseline.source();
        this.referenceBuildId = baseline.buildId();
        this.referenceBuildName = baseline.buildName();
        this.firstBaseline = baseline.metrics() == null && Gate.passedExceptForMissingBaseline(document);
    }

    @Override
    public ResultKind kind() {
        return ResultKind.GATE;
    }

    @Override
    protected String title() {
        return "ML gate";
    }

    /**
     * Whether a later build's gate with this id may take this build's candidate as its baseline: the
     * gate passed, or it is the first one and passed everything it could check without a baseline.
     */
    public boolean isReferenceFor(String gateId) {
        return getId().equals(gateId) && (getVerdict() == Verdict.PASSED || firstBaseline);
    }

    /** True when this gate had no baseline and passed every check that did not need one. */
    public boolean isFirstBaseline() {
        return firstBaseline;
    }

    /** How the baseline was described in the result document, or null when there was none. */
    public String getBaselineSource() {
        return baselineSource;
    }

    /** The externalizable id of the build whose candidate was the baseline, or null. */
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
            // IllegalArgumentException for a malformed id; Spring's AccessDeniedException when the
            // user may discover the job but not read it: either way there is nothing to link to.
            return null;
        }
    }

    /** The id of this build's evaluation that was the candidate ({@code candidate: 'eval'}), or null. */
    public String getCandidateEvaluation() {
        return candidateEvaluation;
    }

    @Override
    public List<Fact> getFacts() {
        if (candidateEvaluation == null) {
            return List.of(baselineFact());
        }
        Run<?, ?> owner = getOwner();
        Fact candidate = new Fact("Candidate", "evaluation '" + candidateEvaluation + "' of this build",
                owner == null ? null : owner.getUrl() + "mlcicd-" + ResultKind.EVALUATION.id() + "-" + candidateEvaluation + "/");
        return List.of(candidate, baselineFact());
    }

    private Fact baselineFact() {
        if (referenceBuildId != null) {
            Run<?, ?> reference = getReferenceBuild();
            String text = (candidateEvaluation == null ? "" : "evaluation '" + candidateEvaluation + "' of ")
                    + "reference build " + referenceBuildName + " (the last earlier build whose gate '" + getId() + "' passed)";
            return new Fact("Baseline", text, reference == null ? null : reference.getUrl());
        }
        if (baselineSource != null) {
            return new Fact("Baseline", baselineSource, null);
        }
        String text = "none: no earlier build passed gate '" + getId() + "', so rules relative to a baseline are inconclusive";
        if (firstBaseline) {
            text += "; every other check passed, so this build's candidate is the reference for the next build";
        }
        return new Fact("Baseline", text, null);
    }
}
