package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.eval.EvaluationHeadline;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.Fact;
import io.jenkins.plugins.mlcicd.jenkins.common.MlResultAction;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.report.EvaluationComparisonHtml;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code mlEvaluate} invocation on the build page: the verdict and the headline metrics (AUC, log
 * loss, calibration slope and the worst slice; RMSE, MAE, R² for regression), kept in build.xml so that
 * the job page's trends ({@link EvaluationTrendAction}) need not read every build's document. Its page
 * is the engine's evaluation report, followed by a side-by-side comparison with the reference build's
 * evaluation when there is one ({@link EvaluationReference}). The full document stays in the build
 * directory, where {@code mlGate(candidate: '<id>')} reads it.
 */
public final class EvaluationAction extends MlResultAction {
    private final String predictions;
    private final String label;
    private final String score;
    private final LinkedHashMap<String, Double> headline;
    private final String worstSlice;
    private final String worstMetric;
    private final Double worstValue;
    private final String referenceBuildId;
    private final String referenceBuildName;

    EvaluationAction(String id, ResultDocument document, EvaluateRequest request, EvaluationReference.Found reference) {
        super(id, document);
        this.predictions = request.describePredictions();
        this.label = request.label();
        this.score = request.score();
        EvaluationHeadline numbers = EvaluationHeadline.of(document);
        this.headline = new LinkedHashMap<>(numbers.metrics());
        this.worstSlice = numbers.worstSlice();
        this.worstMetric = numbers.worstMetric();
        this.worstValue = numbers.worstValue();
        this.referenceBuildId = reference == null ? null : reference.buildId();
        this.referenceBuildName = reference == null ? null : reference.buildName();
    }

    @Override
    public ResultKind kind() {
        return ResultKind.EVALUATION;
    }

    @Override
    protected String title() {
        return "ML evaluation";
    }

    /** The workspace path of the predictions, or their database source: the URL without user info, and the table or the query. */
    public String getPredictions() {
        return predictions;
    }

    /** Headline metric name → value, in display order; a metric the evaluation could not compute is absent. */
    public Map<String, Double> getHeadline() {
        return headline == null ? Map.of() : java.util.Collections.unmodifiableMap(headline);
    }

    /** The headline as {@code name = value} lines for the build page; a bean list, as Jelly reads it. */
    public List<Fact> getHeadlineFacts() {
        List<Fact> facts = new ArrayList<>();
        getHeadline().forEach((name, value) -> facts.add(new Fact(name, Numbers.format(value), null)));
        if (worstSlice != null) {
            facts.add(new Fact("worst slice", worstSlice + " (" + worstMetric + " " + Numbers.format(worstValue) + ")", null));
        }
        return facts;
    }

    /** The worst slice's key ({@code country=DE}), or null without slices. */
    public String getWorstSlice() {
        return worstSlice;
    }

    /** The metric slices are ranked by ({@code auc}, {@code rmse}), or null without slices. */
    public String getWorstMetric() {
        return worstMetric;
    }

    public Double getWorstValue() {
        return worstValue;
    }

    /** The externalizable id of the build whose evaluation this one is compared with, or null. */
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
            // a malformed id, or a job the user may discover but not read: nothing to compare with
            return null;
        }
    }

    @Override
    public List<Fact> getFacts() {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Predictions", predictions + " (label " + label + ", score " + score + ")", null));
        if (referenceBuildId == null) {
            facts.add(new Fact("Compared with", "none: no earlier successful build recorded evaluation '" + getId() + "'", null));
        } else {
            Run<?, ?> build = getReferenceBuild();
            facts.add(new Fact("Compared with", "evaluation '" + getId() + "' of build " + referenceBuildName
                    + " (the last earlier successful build whose evaluation did not fail)", build == null ? null : build.getUrl()));
        }
        return facts;
    }

    /** The engine's evaluation report and, when the reference build is still there, the side-by-side comparison. */
    @Override
    protected String renderReport(ResultDocument document) {
        Run<?, ?> build = getReferenceBuild();
        ResultDocument reference = null;
        if (build != null) {
            try {
                reference = RunStore.readResult(RunStore.directory(build, ResultKind.EVALUATION, getId()));
            } catch (BadInputException e) {
                // the reference's files were deleted or damaged since: show this evaluation alone
                reference = null;
            }
        }
        return EvaluationComparisonHtml.fragment(document, reference, "build " + referenceBuildName);
    }

    /**
     * The job page's "ML Evaluations" trends: offered by the build's first evaluation only, so that a
     * build with several evaluations adds one link (the page charts every id).
     */
    @Override
    public Collection<? extends Action> getProjectActions() {
        Run<?, ?> owner = getOwner();
        if (owner == null) {
            return List.of();
        }
        List<EvaluationAction> all = owner.getActions(EvaluationAction.class);
        return !all.isEmpty() && all.get(0) == this ? List.of(new EvaluationTrendAction(owner.getParent())) : List.of();
    }
}
