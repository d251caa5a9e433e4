package io.jenkins.plugins.mlcicd.jenkins.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.registry.Promoter;
import io.jenkins.plugins.mlcicd.jenkins.registry.PromotionAuthority;
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
import java.io.Serializable;
import java.nio.file.Path;

/**
 * {@code mlTrain}'s one code path for both front ends. The engine's {@code TrainingRun} assembles the
 * lineage; only the launching differs from the CLI: on the agent, code version and environment are
 * recorded ({@link AgentTraining.Start}; the interpreter is asked through the launcher, {@link LauncherProbe});
 * the command runs through the build's launcher: in the foreground for the freestyle builder
 * ({@link LaunchedCommand}), as a durable task for the Pipeline step ({@link TrainExecution}), which
 * outlives a controller restart; on the agent again, data and model are hashed and the lineage document
 * assembled ({@link AgentTraining.Finish}). Back on the controller the files become fingerprints,
 * the model is registered (metadata only) and the result is published. {@link #prepare} and
 * {@link #finish} are the halves both share.
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
        String actor = actor(build.run(), options, request.registry());
        Prepared prepared = prepare(build, options, request);
        CommandOutcome outcome = LaunchedCommand.run(build, request.command(), request.timeout(), LogTail.DEFAULT_LINES);
        return finish(build, options, request.model(), request.registry(), prepared, outcome, handler, actor);
    }

    /**
     * Who the registry records as having registered the model (null without a registry). When the
     * registration also moves an alias, the user the build acts for must be allowed to
     * ({@link PromotionAuthority}): checked here, before the training starts. Call on the build's thread
     * (the step's {@code start()} or synchronous execution, the builder's {@code perform}).
     *
     * @throws hudson.AbortException one line naming the user and the missing permission
     */
    static String actor(Run<?, ?> run, StepOptions options, RegistryTarget registry) throws IOException {
        if (registry == null) {
            return null;
        }
        Promoter who = registry.alias() == null ? PromotionAuthority.identify(run)
                : PromotionAuthority.authorize(run, options.functionName(), "move alias '" + registry.alias() + "' of " + registry.name());
        return who.actor(run.getFullDisplayName());
    }

    /**
     * What the agent recorded before the command runs; kept by the Pipeline step's execution (it is
     * serializable) until the command has ended, across a controller restart.
     *
     * @param spec        the request as the agent needs it
     * @param startedJson the engine's start record (code version, environment, start time) as JSON
     */
    record Prepared(AgentSpec spec, String startedJson) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Everything before the command: checks the request and the registry, asks the interpreter through
     * the launcher ({@link LauncherProbe}), records code and environment on the agent.
     *
     * @throws hudson.AbortException on bad input
     */
    static Prepared prepare(BuildContext build, StepOptions options, TrainRequest request) throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            ResultPublisher.ensureIdUnused(build.run(), TrainingAction.class, options);
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);
            // before anything runs: a registry that cannot be opened is a configuration error, not a lost model
            if (request.registry() != null) {
                RegistryConfiguration.get().openFor(build.run());
            }
            CodeVersion scm = ScmCode.from(build.env());
            AgentSpec spec = new AgentSpec(request, scm, build.env().get("PATH"));
            build.workspace().mkdirs();
            ProbeAnswers answers = LauncherProbe.ask(build, request.python());
            AgentTraining.Started started = build.workspace().act(new AgentTraining.Start(spec, answers));
            if (started.badInput() != null) {
                throw new BadInputException(started.badInput());
            }
            log.println(prefix + "code: " + describe(AgentSpec.startedFromJson(started.startedJson()).code()));
            log.println(prefix + "running: " + request.command()
                    + (request.timeout() == null ? "" : " (timeout " + request.timeout().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")"));
            return new Prepared(spec, started.startedJson());
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    /**
     * Everything after the command: data and model hashed on the agent, fingerprints, registration,
     * publication. An aborted or failed command still gets its lineage (FAILED, without a model).
     *
     * @throws hudson.AbortException on bad input, and on a FAILURE outcome when {@code stopBuild} is set
     */
    static ResultDocument finish(BuildContext build, StepOptions options, String model, RegistryTarget registryTarget, Prepared prepared,
            CommandOutcome outcome, ResultHandler handler, String actor) throws IOException, InterruptedException {
        try {
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);
            AgentTraining.Finished finished = build.workspace().act(new AgentTraining.Finish(prepared.spec(), prepared.startedJson(), outcome));
            if (finished.badInput() != null) {
                throw new BadInputException(finished.badInput());
            }
            ResultDocument document = ResultDocumentJson.fromJson(Path.of("mlTrain lineage"), readTree(finished.documentJson()));
            int fingerprints = Fingerprints.record(Fingerprints.of(build.run()), finished.files(), log, prefix);
            if (fingerprints > 0) {
                log.println(prefix + "fingerprinted " + fingerprints + (fingerprints == 1 ? " file" : " files"));
            }
            // a failed or aborted run is not registered; the registry field says it was skipped
            if (registryTarget != null) {
                ModelRegistry registry = RegistryConfiguration.get().openFor(build.run());
                document = TrainingRegistration.register(document, registry, target(build, registryTarget, model, actor));
            }
            ResultPublisher.publish(build, options, document, MAPPING, new TrainingAction(options.id(), document), handler);
            return document;
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    private static TrainingRegistration.Target target(BuildContext build, RegistryTarget registry, String model, String actor) {
        Run<?, ?> run = build.run();
        String buildUrl = buildUrl(build);
        // a training started before the actor was recorded (an upgrade while it ran) says so rather than guessing
        String who = actor != null ? actor : Promoter.ACTOR_PREFIX + "unknown (" + run.getFullDisplayName() + ")";
        return new TrainingRegistration.Target(registry.name(), registry.modelUriFor(buildUrl, model), buildUrl, who, registry.alias());
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
