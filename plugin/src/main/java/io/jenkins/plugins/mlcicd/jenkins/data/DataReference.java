package io.jenkins.plugins.mlcicd.jenkins.data;

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
 * {@code reference: 'lastSuccessful'}: the data profile kept by the last earlier build of the same job
 * that completed successfully (SUCCESS or UNSTABLE, as Jenkins' "last successful build") and whose
 * {@code mlDataValidate} with the same id did not fail. Data that failed its contract is no standard
 * to measure the next data's drift against; a validation that was only inconclusive (the first one,
 * which had no reference) or warned still is.
 */
final class DataReference {
    /** The validated data's profile, kept in the step's build directory. */
    static final String PROFILE_FILE = "profile.json";

    /**
     * @param profile   the profile in the reference build's directory (on the controller)
     * @param buildId   the reference build's externalizable id
     * @param buildName its display name ({@code #12})
     * @param fullName  its full display name ({@code p #12}), for the result document and the log
     */
    record Found(Path profile, String buildId, String buildName, String fullName) {
    }

    private DataReference() {
    }

    static Optional<Found> lastSuccessful(Run<?, ?> run, String id) {
        return BuildHistory.<Run<?, ?>, Found>firstMatch(run.getPreviousBuild(), Run::getPreviousBuild, build -> kept(build, id));
    }

    private static Optional<Found> kept(Run<?, ?> build, String id) {
        Result result = build.getResult();
        boolean successful = result != null && result.isBetterOrEqualTo(Result.UNSTABLE);
        for (DataValidationAction action : build.getActions(DataValidationAction.class)) {
            if (!action.getId().equals(id) || !qualifies(build.isBuilding(), successful, action.getVerdict())) {
                continue;
            }
            Path profile = RunStore.directory(build, ResultKind.DATA_VALIDATION, id).resolve(PROFILE_FILE);
            if (Files.isRegularFile(profile)) {
                return Optional.of(new Found(profile, build.getExternalizableId(), build.getDisplayName(), build.getFullDisplayName()));
            }
        }
        return Optional.empty();
    }

    /** Whether a build's validation may serve as the reference: the rule above, free of Jenkins types. */
    static boolean qualifies(boolean building, boolean successful, Verdict verdict) {
        return !building && successful && verdict != Verdict.FAILED;
    }
}
