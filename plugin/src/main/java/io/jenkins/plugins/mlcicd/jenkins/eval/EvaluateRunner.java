package io.jenkins.plugins.mlcicd.jenkins.eval;

import hudson.FilePath;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseLogin;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * The evaluation's one code path for both front ends. The predictions are read on the agent only, by
 * {@code mlcicd evaluate} in a child JVM ({@link AgentEngine}), from the workspace or over JDBC with the
 * login of the step's credential: its password in the run's 0600 secrets file ({@link DatabaseLogin}); the controller receives the result
 * document and keeps it with the build, where {@code mlGate(candidate: '<id>')} and a later build's
 * comparison find it.
 */
public final class EvaluateRunner {
    private EvaluateRunner() {
    }

    /**
     * Evaluates on the agent, keeps the result document with the build, attaches an
     * {@link EvaluationAction} and sets the build result (INCONCLUSIVE, an undefined metric, makes it UNSTABLE).
     *
     * @return the evaluation's result document
     * @throws hudson.AbortException on bad input, when the engine fails, and on a FAILURE outcome with {@code stopBuild}
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, EvaluateRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            ResultPublisher.ensureIdUnused(build.run(), EvaluationAction.class, options);
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);

            DatabaseLogin login = request.spark() != null ? null
                    : DatabaseLogin.lookup(build.run(), request.database(), options.functionName());
            EngineSecrets secrets = request.spark() != null ? request.spark().secrets(build.run(), options.functionName())
                    : login == null ? new EngineSecrets() : login.secrets();
            if (request.spark() != null) {
                log.println(prefix + "predictions: " + request.describePredictions() + ", aggregated in the Spark cluster"
                        + (request.spark().credentialsId() == null ? ""
                                : " with the token of credential '" + request.spark().credentialsId() + "' (in a secrets file)"));
            }
            if (login != null) {
                log.println(prefix + "predictions: " + request.describePredictions() + ", as the user of credential '"
                        + login.credentialsId() + "' (its password passed to the engine in a secrets file)");
            }
            EvaluationReference.Found reference = EvaluationReference.lastSuccessful(build.run(), options.id()).orElse(null);
            log.println(prefix + (reference == null
                    ? "compared with: none, no earlier successful build recorded evaluation '" + options.id() + "'"
                    : "compared with: the evaluation recorded by " + reference.fullName()));
            FilePath work = AgentEngine.workDirectory(build.workspace(), "evaluation-" + options.id());
            try {
                ResultDocument result = AgentEngine.run(build, prefix, work, request.cliArguments(),
                        // the password in the work directory's secrets file (deleted below), masked in the log
                        secrets, login == null ? Map.of() : login.environment(), null);
                ResultPublisher.publish(build, options, result, new VerdictMapping(options.unstableOnly(), BuildOutcome.UNSTABLE),
                        new EvaluationAction(options.id(), result, request, reference), handler);
                return result;
            } finally {
                AgentEngine.deleteQuietly(work, log, prefix);
            }
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }
}
