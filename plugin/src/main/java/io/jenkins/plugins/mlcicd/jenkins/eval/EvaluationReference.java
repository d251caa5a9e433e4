package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildHistory;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The evaluation an {@code mlEvaluate} is shown against on its page: the one with the same id recorded
 * by the last earlier build of the job that completed successfully (SUCCESS or UNSTABLE) and whose
 * evaluation did not fail. The model that build delivered is the one this build's model would replace.
 * (The gate chooses its own baseline, {@code baseline: 'reference'}: the last build whose gate passed.)
 */
final class EvaluationReference {
    /**
     * @param result    the reference build's stored evaluation document (on the controller)
     * @param buildId   its externalizable id
     * @param buildName its display name ({@code #12})
     * @param fullName  its full display name ({@code p #12}), for the log
     */
    record Found(Path result, String buildId, String buildName, String fullName) {
    }

    private EvaluationReference() {
    }

    static Optional<Found> lastSuccessful(Run<?, ?> run, String id) {
        return BuildHistory.<Run<?, ?>, Found>firstMatch(run.getPreviousBuild(), Run::getPreviousBuild, build -> recorded(build, id));
    }

    private static Optional<Found> recorded(Run<?, ?> build, String id) {
        Result result = build.getResult();
        boolean successful = result != null && result.isBetterOrEqualTo(Result.UNSTABLE);
        for (EvaluationAction action : build.getActions(EvaluationAction.class)) {
            if (!action.getId().equals(id) || !qualifies(build.isBuilding(), successful, action.getVerdict())) {
                continue;
            }
            Path file = RunStore.directory(build, ResultKind.EVALUATION, id).resolve(RunStore.RESULT_FILE);
            if (Files.isRegularFile(file)) {
                return Optional.of(new Found(file, build.getExternalizableId(), build.getDisplayName(), build.getFullDisplayName()));
            }
        }
        return Optional.empty();
    }

    /** Whether a build's evaluation may serve as the reference: the rule above, free of Jenkins types. */
    static boolean qualifies(boolean building, boolean successful, Verdict verdict) {
        return !building && successful && verdict != Verdict.FAILED;
    }
}
