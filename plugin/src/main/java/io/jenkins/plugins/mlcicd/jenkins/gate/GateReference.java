package io.jenkins.plugins.mlcicd.jenkins.gate;

import hudson.model.Run;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildHistory;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.jenkins.eval.EvaluationAction;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code baseline: 'reference'}: the candidate metrics recorded by the last earlier build of the same
 * job whose gate with the same id passed ({@link GateAction#isReferenceFor}, which also admits the
 * very first gate when it passed all it could check without a baseline). Builds whose gate warned,
 * failed or was inconclusive otherwise are skipped: a model that did not pass is no standard to hold
 * the next one to. At most {@link BuildHistory#MAX_BUILDS} earlier builds are looked at. When the candidate is an evaluation recorded by the build ({@code candidate: 'eval'}),
 * the baseline is the evaluation with the same id recorded by that reference build (its full document,
 * with the bootstrap replicates a paired rule needs); a reference build without one falls back to the
 * candidate metrics its gate kept.
 */
final class GateReference {
    private GateReference() {
    }

    /**
     * @param evaluationId the id of the evaluation the candidate came from, or null for a candidate file
     */
    static Baseline find(Run<?, ?> run, String id, String evaluationId, PrintStream log, String logPrefix) {
        return BuildHistory.<Run<?, ?>, Baseline>firstMatch(run.getPreviousBuild(), Run::getPreviousBuild,
                        build -> recordedBy(build, id, evaluationId, log, logPrefix))
                .orElse(Baseline.NONE);
    }

    private static Optional<Baseline> recordedBy(Run<?, ?> build, String id, String evaluationId, PrintStream log, String logPrefix) {
        for (GateAction action : build.getActions(GateAction.class)) {
            if (!action.isReferenceFor(id)) {
                continue;
            }
            if (evaluationId != null && hasEvaluation(build, evaluationId)) {
                String source = "evaluation '" + evaluationId + "' of reference build " + build.getFullDisplayName();
                try {
                    return Optional.of(new Baseline(GateRunner.recordedEvaluation(build, evaluationId, source), source,
                            build.getExternalizableId(), build.getDisplayName()));
                } catch (BadInputException e) {
                    log.println(logPrefix + "the evaluation '" + evaluationId + "' of " + build.getDisplayName()
                            + " cannot be read (" + e.getMessage() + "); using the candidate metrics its gate kept");
                }
            }
            Path file = RunStore.directory(build, ResultKind.GATE, id).resolve(GateAction.CANDIDATE_METRICS_FILE);
            try {
                MetricsDocument metrics = MetricsDocument.parse(file.toString(), RunStore.readText(file));
                return Optional.of(new Baseline(metrics, "reference build " + build.getFullDisplayName(),
                        build.getExternalizableId(), build.getDisplayName()));
            } catch (BadInputException e) {
                // A passed build whose stored metrics are gone or damaged cannot serve; an older one may.
                log.println(logPrefix + "skipping " + build.getDisplayName() + " as reference: " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static boolean hasEvaluation(Run<?, ?> build, String evaluationId) {
        return build.getActions(EvaluationAction.class).stream().anyMatch(action -> action.getId().equals(evaluationId));
    }
}
