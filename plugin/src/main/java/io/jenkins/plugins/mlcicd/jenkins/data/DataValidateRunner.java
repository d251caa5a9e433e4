package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseLogin;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import hudson.FilePath;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildHistory;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The data validation's one code path for both front ends. The data is read on the agent only, by
 * {@code mlcicd validate} in a child JVM ({@link AgentEngine}); the controller sees the result document
 * and the profile, a few kilobytes each. Data in a database is read there too, over JDBC, with the
 * login of the step's credential: its password in the run's 0600 secrets file ({@link DatabaseLogin}).
 */
public final class DataValidateRunner {
    /** The reference profile's name in the engine's work directory. */
    static final String REFERENCE_PROFILE_FILE = "reference-profile.json";

    private DataValidateRunner() {
    }

    /**
     * Finds the reference, validates on the agent, keeps the result and the data's profile with the
     * build, attaches a {@link DataValidationAction} and sets the build result.
     *
     * @return the validation's result document
     * @throws hudson.AbortException on bad input, when the engine fails, and on a FAILURE outcome with {@code stopBuild}
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, DataValidateRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            ResultPublisher.ensureIdUnused(build.run(), DataValidationAction.class, options);
            ResultPublisher.ensureIdUnused(build.run(), SkewAction.class, options);
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);

            DatabaseLogin login = request.spark() != null ? null
                    : DatabaseLogin.lookup(build.run(), request.database(), options.functionName());
            EngineSecrets secrets = request.spark() != null ? request.spark().secrets(build.run(), options.functionName())
                    : login == null ? new EngineSecrets() : login.secrets();
            if (request.spark() != null) {
                log.println(prefix + "data: " + request.describeData() + ", validated in the Spark cluster"
                        + (request.spark().credentialsId() == null ? ""
                                : " with the token of credential '" + request.spark().credentialsId() + "' (in a secrets file)"));
            }
            if (login != null) {
                log.println(prefix + "data: " + request.describeData() + ", as the user of credential '" + login.credentialsId()
                        + "' (its password passed to the engine in a secrets file)");
            }
            DataReference.Found reference = reference(build, options, request, log, prefix);
            FilePath work = AgentEngine.workDirectory(build.workspace(), "data-validation-" + options.id());
            try {
                String referenceProfile = stage(reference, work);
                FilePath profile = work.child(DataReference.PROFILE_FILE);
                ResultDocument result = AgentEngine.run(build, prefix, work, request.cliArguments(referenceProfile, profile.getRemote()),
                        // the password in the work directory's secrets file (deleted below), masked in the log
                        secrets, login == null ? Map.of() : login.environment(), null);

                Path directory = RunStore.directory(build.run(), ResultKind.DATA_VALIDATION, options.id());
                Files.createDirectories(directory);
                if (profile.exists()) {
                    profile.copyTo(new FilePath(directory.resolve(DataReference.PROFILE_FILE).toFile()));
                } else {
                    log.println(prefix + "the engine wrote no profile; this build cannot be a later build's reference");
                }
                ResultPublisher.publish(build, options, result, new VerdictMapping(options.unstableOnly(), BuildOutcome.UNSTABLE),
                        new DataValidationAction(options.id(), result, request, reference), handler);
                return result;
            } finally {
                AgentEngine.deleteQuietly(work, log, prefix);
            }
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    /** Copies the reference build's profile into the work directory; its path there, or null without a reference. */
    private static String stage(DataReference.Found reference, FilePath work) throws IOException, InterruptedException {
        if (reference == null) {
            return null;
        }
        FilePath copy = work.child(REFERENCE_PROFILE_FILE);
        copy.copyFrom(new FilePath(reference.profile().toFile()));
        return copy.getRemote();
    }

    private static DataReference.Found reference(BuildContext build, StepOptions options, DataValidateRequest request,
                                                 PrintStream log, String prefix) {
        if (request.referenceData() != null) {
            log.println(prefix + "reference: data " + request.referenceData());
            return null;
        }
        if (!request.usesLastSuccessful()) {
            log.println(prefix + "reference: none; drift checks are inconclusive");
            return null;
        }
        DataReference.Found found = DataReference.lastSuccessful(build.run(), options.id()).orElse(null);
        if (found == null) {
            log.println(prefix + "reference: none, none of the last " + BuildHistory.MAX_BUILDS
                    + " earlier builds succeeded and kept a profile for '" + options.id()
                    + "'; drift checks are inconclusive");
        } else {
            log.println(prefix + "reference: the profile kept by " + found.fullName());
        }
        return found;
    }
}
