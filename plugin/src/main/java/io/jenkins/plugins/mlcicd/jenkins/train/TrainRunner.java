package io.jenkins.plugins.mlcicd.jenkins.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.lineage.CodeVersion;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import io.jenkins.plugins.mlcicd.lineage.LogTail;
import io.jenkins.plugins.mlcicd.lineage.TrainingRegistration;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code mlTrain}'s one code path for both front ends. The engine's {@code TrainingRun} assembles the
 * lineage; only the launching differs from the CLI: on the agent, code version and environment are
 * recorded ({@link AgentTraining.Start}); the command runs through the build's launcher
 * ({@link LaunchedCommand}); on the agent again, data and model are hashed and the lineage document
 * assembled ({@link AgentTraining.Finish}). Back on the controller the files become fingerprints,
 * the model is registered (metadata only) and the result is published.
 */
public final class TrainRunner {
    /** The step's outcome follows the verdict: a failed training (or registration) fails the build. */
    static final VerdictMapping MAPPING = VerdictMapping.DEFAULT;

    private TrainRunner() {
    }

    /**
     * @return the training result document (with the {@code registry} field when registered)
     * @throws hudson.AbortException on bad input, and on a FAILURE outcome when {@code stopBuild} is set
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, TrainRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            ResultPublisher.ensureIdUnused(build.run(), TrainingAction.class, options);
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);
            // before anything runs: a registry that cannot be opened is a configuration error, not a lost model
            ModelRegistry registry = request.registry() == null ? null : RegistryConfiguration.get().openFor(build.run());

            CodeVersion scm = ScmCode.from(build.env());
            AgentSpec spec = new AgentSpec(request, scm, build.env().get("PATH"));
            build.workspace().mkdirs();
            AgentTraining.Started started = build.workspace().act(new AgentTraining.Start(spec));
            if (started.badInput() != null) {
                throw new BadInputException(started.badInput());
            }
            log.println(prefix + "code: " + describe(AgentSpec.startedFromJson(started.startedJson()).code()));
            log.println(prefix + "running: " + request.command()
                    + (request.timeout() == null ? "" : " (timeout " + request.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")"));
            CommandOutcome outcome = LaunchedCommand.run(build, request.command(), request.timeout(), LogTail.DEFAULT_LINES);

            AgentTraining.Finished finished = build.workspace().act(new AgentTraining.Finish(spec, started.startedJson(), outcome));
            if (finished.badInput() != null) {
                throw new BadInputException(finished.badInput());
            }
            ResultDocument document = ResultDocumentJson.fromJson(Path.of("mlTrain lineage"), readTree(finished.documentJson()));
            int fingerprints = Fingerprints.record(Fingerprints.of(build.run()), finished.files(), log, prefix);
            if (fingerprints > 0) {
                log.println(prefix + "fingerprinted " + fingerprints + (fingerprints == 1 ? " file" : " files"));
            }
            if (registry != null) {
                document = TrainingRegistration.register(document, registry, target(build, request));
            }
            ResultPublisher.publish(build, options, document, MAPPING, new TrainingAction(options.id(), document), handler);
            return document;
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    private static TrainingRegistration.Target target(BuildContext build, TrainRequest request) {
        Run<?, ?> run = build.run();
        String buildUrl = buildUrl(build);
        RegistryTarget registry = request.registry();
        return new TrainingRegistration.Target(registry.name(), registry.modelUriFor(buildUrl, request.model()), buildUrl,
                "jenkins: " + run.getFullDisplayName(), registry.alias());
    }

    /** The build's absolute URL when Jenkins knows its own ({@code BUILD_URL}), else its URL relative to Jenkins' root. */
    static String buildUrl(BuildContext build) {
        String url = build.env().get("BUILD_URL");
        return url == null || url.isBlank() ? build.run().getUrl() : url;
    }

    private static String describe(CodeVersion code) {
        if (!code.isPresent()) {
            return "no commit recorded (" + code.absentReason() + ")";
        }
        return code.commit() + (code.branch() == null ? "" : " on " + code.branch())
                + ("scm".equals(code.source()) ? " (from the build's SCM)" : " (from git in the workspace)")
                + (Boolean.TRUE.equals(code.dirty()) ? ", with uncommitted changes" : "");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the agent's lineage document cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
