package io.jenkins.plugins.mlcicd.jenkins.shadow;

import hudson.FilePath;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineAborted;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The shadow evaluation's one code path for both front ends. The replay (or the log join) runs on the
 * agent only, by {@code mlcicd shadow} in a child JVM ({@link AgentEngine}), with the endpoints'
 * credentials in the engine's secrets file ({@link EndpointCredentials}); the controller sees the result
 * document. Aborting the build stops the engine with SIGTERM; what it measured until then is kept with
 * the build before the abort goes on.
 */
public final class ShadowRunner {
    /**
     * How long to wait, after an abort, for the result the engine writes as it stops: it ends its
     * requests in flight (each bounded by the request timeout) and writes a few kilobytes.
     */
    static final Duration RESULT_ON_ABORT = Duration.ofSeconds(20);

    private ShadowRunner() {
    }

    /**
     * @return the comparison's result document
     * @throws hudson.AbortException on bad input, when the engine fails, and on a FAILURE outcome with {@code stopBuild}
     * @throws InterruptedException  when the build is aborted (after keeping what was measured)
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, Supplier<ShadowRequest> request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            return perform(build, options, request.get(), handler,
                    EndpointCredentials.forRun(build.run(), options.functionName()));
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    static ResultDocument perform(BuildContext build, StepOptions options, ShadowRequest request, ResultHandler handler,
                                  EndpointCredentials.Lookup credentials) throws IOException, InterruptedException {
        options.validated();
        request.validated(options.functionName());
        ResultPublisher.ensureIdUnused(build.run(), ShadowAction.class, options);
        PrintStream log = build.listener().getLogger();
        String prefix = ResultPublisher.logPrefix(options);

        log.println(prefix + request.describe());
        EngineSecrets secrets = request.secrets(credentials, options.functionName(), line -> log.println(prefix + line));
        FilePath work = AgentEngine.workDirectory(build.workspace(), "shadow-" + options.id());
        try {
            ResultDocument result;
            try {
                result = AgentEngine.run(build, prefix, work, request.cliArguments(), secrets, Map.of(), RESULT_ON_ABORT);
            } catch (EngineAborted aborted) {
                ResultDocument measured = aborted.measured();
                if (measured != null) {
                    ResultPublisher.keepAborted(build, options, measured, new ShadowAction(options.id(), measured, request));
                }
                throw aborted;
            }
            ResultPublisher.publish(build, options, result, new VerdictMapping(options.unstableOnly(), BuildOutcome.UNSTABLE),
                    new ShadowAction(options.id(), result, request), handler);
            return result;
        } finally {
            // also deletes the secrets file
            AgentEngine.deleteQuietly(work, log, prefix);
        }
    }
}
