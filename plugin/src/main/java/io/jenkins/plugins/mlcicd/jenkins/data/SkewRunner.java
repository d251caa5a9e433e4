package io.jenkins.plugins.mlcicd.jenkins.data;

import hudson.FilePath;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;

/**
 * The skew check's one code path for both front ends: {@code mlcicd skew} in the engine's JVM on the
 * agent (both datasets are read there only), the document kept with the build, the verdict mapped as
 * every step maps it (FAILED → FAILURE, WARNING and INCONCLUSIVE → UNSTABLE).
 */
public final class SkewRunner {
    private SkewRunner() {
    }

    /**
     * @return the skew result document
     * @throws hudson.AbortException on bad input, when the engine fails, and on a FAILURE outcome with {@code stopBuild}
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, SkewRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            // the same kind as mlDataValidate: one id namespace, one folder per id in the build directory
            ResultPublisher.ensureIdUnused(build.run(), SkewAction.class, options);
            ResultPublisher.ensureIdUnused(build.run(), DataValidationAction.class, options);
            String prefix = ResultPublisher.logPrefix(options);
            FilePath work = AgentEngine.workDirectory(build.workspace(), "skew-" + options.id());
            try {
                // with spark, the token of credentialsId in the work directory's secrets file (deleted below), masked in the log
                EngineSecrets secrets = request.spark() == null ? new EngineSecrets()
                        : request.cluster().secrets(build.run(), options.functionName());
                if (request.spark() != null) {
                    build.listener().getLogger().println(prefix + "skew joined in the Spark cluster: training " + request.cluster().describe()
                            + ", serving " + request.serving() + (request.credentialsId() == null ? ""
                                    : ", with the token of credential '" + request.credentialsId() + "' (in a secrets file)"));
                }
                ResultDocument result = AgentEngine.run(build, prefix, work, request.cliArguments(), secrets, java.util.Map.of(), null);
                ResultPublisher.publish(build, options, result, new VerdictMapping(options.unstableOnly(), BuildOutcome.UNSTABLE),
                        new SkewAction(options.id(), result, request), handler);
                return result;
            } finally {
                AgentEngine.deleteQuietly(work, build.listener().getLogger(), prefix);
            }
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }
}
