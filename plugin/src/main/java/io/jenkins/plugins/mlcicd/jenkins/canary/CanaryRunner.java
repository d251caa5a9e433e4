package io.jenkins.plugins.mlcicd.jenkins.canary;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.common.WorkspaceFiles;
import io.jenkins.plugins.mlcicd.jenkins.registry.Promoter;
import io.jenkins.plugins.mlcicd.jenkins.registry.PromotionAuthority;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistryConfiguration;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.Promotion;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.registry.RolloutOutcomes;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canary's code shared by the Pipeline step's asynchronous execution and the freestyle builder:
 * everything before the engine runs ({@link #prepare}: validate, find and resolve the plan's
 * credentials, provision the engine, write the secrets file) and after it ended ({@link #publish}:
 * the registry records the outcome, the result goes to the build). The rollout itself is the engine's
 * ({@code mlcicd canary} on the agent), so router commands run there, in the workspace.
 */
public final class CanaryRunner {
    private CanaryRunner() {
    }

    /**
     * What the engine's launches need.
     *
     * @param workDir       the rollout's work directory on the agent (its files: {@link CanaryFiles})
     * @param files         the engine's files
     * @param engine        the engine's jars on the agent
     * @param credentialIds the credentials the plan names (resolved again for a relaunch)
     * @param masks         the plain secret values to mask in the copied log; memory only
     */
    record Prepared(FilePath workDir, CanaryFiles files, AgentEngine.Provisioned engine, List<String> credentialIds,
                    List<String> masks) {
    }

    /**
     * Validates, reads the plan (for its credentials), resolves the credentials, provisions the engine,
     * creates the work directory with the inline plan and the secrets file.
     *
     * @throws BadInputException for anything the user must fix; nothing has moved traffic yet
     */
    static Prepared prepare(BuildContext build, StepOptions options, CanaryRequest request)
            throws IOException, InterruptedException {
        options.validated();
        request.validated(options.functionName());
        ResultPublisher.ensureIdUnused(build.run(), CanaryAction.class, options);
        PrintStream log = build.listener().getLogger();
        String prefix = ResultPublisher.logPrefix(options);

        String source = request.inline() ? "planYaml" : request.plan();
        String text = request.inline() ? request.planYaml() : WorkspaceFiles.readText(build.workspace(), request.plan(), "rollout plan");
        JsonNode tree = StructuredFiles.parseTree(request.inline() ? "planYaml.yaml" : source, text);
        List<String> ids = new ArrayList<>(PlanCredentials.ids(source, tree));
        // resolved before anything is created on the agent: a missing credential leaves nothing behind
        CanaryCredentials.Resolved credentials = CanaryCredentials.resolve(build.run(), ids, options.functionName());
        if (request.model() != null) {
            // before any traffic moves: a registry that cannot record the outcome is a configuration error
            RegistryConfiguration.get().openFor(build.run());
        }

        AgentEngine.Provisioned engine = AgentEngine.provision(build.workspace(), AgentEngine.runsInAContainer(build.launcher()), log, prefix);
        FilePath work = AgentEngine.workDirectory(build.workspace(), "canary-" + options.id());
        String planPath = null;
        if (request.inline()) {
            work.child(CanaryFiles.INLINE_PLAN).write(text, StandardCharsets.UTF_8.name());
        } else {
            planPath = build.workspace().child(request.plan()).getRemote();
        }
        CanaryFiles files = CanaryFiles.in(work.getRemote(), engine.fileSeparator(), planPath);
        writeSecrets(work, credentials, ids, log, prefix);
        log.println(prefix + "plan: " + request.describePlan() + "; work directory " + work.getRemote());
        return new Prepared(work, files, engine, ids, credentials.masks());
    }

    /**
     * Resolves the credentials again and rewrites the 0600 secrets file (a relaunch: the credential may
     * have changed, and the file is created new); returns the values to mask.
     */
    static List<String> writeSecrets(Run<?, ?> run, FilePath work, List<String> ids, StepOptions options, PrintStream log,
                                     String prefix) throws IOException, InterruptedException {
        CanaryCredentials.Resolved resolved = CanaryCredentials.resolve(run, ids, options.functionName());
        writeSecrets(work, resolved, ids, log, prefix);
        return resolved.masks();
    }

    private static void writeSecrets(FilePath work, CanaryCredentials.Resolved resolved, List<String> ids, PrintStream log,
                                     String prefix) throws IOException, InterruptedException {
        work.child(EngineSecrets.FILE).delete();
        Map<String, String> env = resolved.secrets().writeTo(work);
        if (!ids.isEmpty()) {
            log.println(prefix + "credentials " + ids + " for the engine in its secrets file " + env.values());
        }
    }

    /** The secrets file's environment variable for the engine's JVM (nothing when the plan names no credential). */
    static Map<String, String> secretsEnvironment(Prepared prepared) {
        return prepared.credentialIds().isEmpty() ? Map.of()
                : Map.of(io.jenkins.plugins.mlcicd.input.Secrets.FILE_ENV, prepared.workDir().child(EngineSecrets.FILE).getRemote());
    }

    /**
     * When the rollout will record its outcome in the registry (a model version was given): checks that
     * the user the build acts for may move its aliases ({@link PromotionAuthority}), before any traffic
     * moves, and returns the actor the registry records; null when nothing will be recorded. Call on the
     * build's thread (the step's {@code start()}, the builder's {@code perform}).
     *
     * @throws hudson.AbortException one line naming the user and the missing permission
     */
    static String authorize(Run<?, ?> run, StepOptions options, CanaryRequest request) throws IOException {
        if (request.model() == null) {
            return null;
        }
        return PromotionAuthority.authorize(run, options.functionName(), "move alias '" + RolloutOutcomes.PRODUCTION + "' of "
                + request.model()).actor(run.getFullDisplayName());
    }

    /**
     * Records the outcome in the registry (when a model version was given), stores the result with the
     * build, attaches the action and sets the build result.
     *
     * @param actor who the registry records as having moved the alias ({@link #authorize})
     * @throws hudson.AbortException on a FAILURE outcome with {@code stopBuild}
     */
    static BuildOutcome publish(BuildContext build, StepOptions options, CanaryRequest request, ResultDocument document,
                                CanaryAction action, ResultHandler handler, String actor) throws IOException {
        CanaryStatus status = CanaryStatus.of(document);
        PrintStream log = build.listener().getLogger();
        String prefix = ResultPublisher.logPrefix(options);
        action.update(document, false);
        recordInRegistry(build, options, request, document, status, action, handler, log, prefix, actor);
        // traffic that may still be on the canary is never just UNSTABLE
        boolean unstableOnly = options.unstableOnly() && !status.rollbackFailed();
        return ResultPublisher.publish(build, options, document, new VerdictMapping(unstableOnly, BuildOutcome.UNSTABLE),
                action, handler);
    }

    private static void recordInRegistry(BuildContext build, StepOptions options, CanaryRequest request, ResultDocument document,
                                         CanaryStatus status, CanaryAction action, ResultHandler handler, PrintStream log,
                                         String prefix, String actor) {
        if (request.model() == null) {
            return;
        }
        RegistryOutcome outcome = RegistryOutcome.of(document.verdict(), status);
        if (outcome == RegistryOutcome.NONE) {
            String note = "not changed: the rollout ended " + (status.phase() == null ? "without a phase" : status.phase());
            action.registryNote(note);
            log.println(prefix + "registry: " + note);
            return;
        }
        Run<?, ?> run = build.run();
        int version = request.registryVersion(options.functionName());
        String reason = outcome == RegistryOutcome.PROMOTED ? "canary promoted by " + run.getFullDisplayName()
                : "canary rolled back by " + run.getFullDisplayName() + ": " + (status.reason() == null ? document.summary() : status.reason());
        // a rollout started before the actor was recorded (an upgrade during a canary) says so rather than guessing
        String who = actor != null ? actor : Promoter.ACTOR_PREFIX + "unknown (" + run.getFullDisplayName() + ")";
        Promotion why = new Promotion(who, reason, buildUrl(build), document.verdict().name());
        try {
            ModelRegistry registry = RegistryConfiguration.get().openFor(run);
            if (outcome == RegistryOutcome.PROMOTED) {
                RolloutOutcomes.promoted(registry, request.model(), version, why);
            } else {
                RolloutOutcomes.rolledBack(registry, request.model(), version, why);
            }
            String note = outcome == RegistryOutcome.PROMOTED
                    ? "alias '" + RolloutOutcomes.PRODUCTION + "' of " + request.model() + " now points at version " + version
                    : request.model() + " version " + version + " marked '" + RolloutOutcomes.ROLLED_BACK + "': " + reason;
            action.registryNote(note);
            log.println(prefix + "registry " + registry.location() + ": " + note);
        } catch (RegistryException | BadInputException e) {
            // the traffic decision stands; the record of it is what failed
            String note = "could not record the outcome: " + e.getMessage();
            action.registryNote(note);
            log.println(prefix + "registry: " + note);
            handler.setResult(Result.UNSTABLE, options.functionName() + " '" + options.id() + "': registry " + note);
        }
    }

    /** What the registry records for a finished rollout. */
    enum RegistryOutcome {
        PROMOTED, ROLLED_BACK, NONE;

        static RegistryOutcome of(Verdict verdict, CanaryStatus status) {
            if (verdict == Verdict.PASSED && "promoted".equals(status.phase())) {
                return PROMOTED;
            }
            if ("rolled-back".equals(status.phase()) || "aborted".equals(status.phase())) {
                return ROLLED_BACK;
            }
            return NONE;
        }
    }

    static String buildUrl(BuildContext build) {
        String url = build.env().get("BUILD_URL");
        return url == null || url.isBlank() ? build.run().getUrl() : url;
    }
}
