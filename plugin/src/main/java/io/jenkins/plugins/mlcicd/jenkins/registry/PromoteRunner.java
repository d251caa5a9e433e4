package io.jenkins.plugins.mlcicd.jenkins.registry;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.common.WorkspaceFiles;
import io.jenkins.plugins.mlcicd.jenkins.gate.GateAction;
import io.jenkins.plugins.mlcicd.jenkins.train.RegistryConfiguration;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.Promote;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mlPromote}'s one code path for both front ends: Jenkins wiring only; the rule is the engine's
 * ({@link Promote}, the same as {@code mlcicd registry promote}). It runs on the controller, as the
 * registry writes of {@code mlTrain} and {@code mlCanary} do: the registry is Jenkins' global
 * configuration (a directory on the controller or MLflow with a credential from the system context),
 * and an alias move is a few hundred bytes of metadata; only the gate document, if it is a workspace
 * file, is read from the agent. Order: arguments, permission (before anything is read or opened), the
 * gate's verdict, the registry, the move, the result on the build.
 */
public final class PromoteRunner {
    private PromoteRunner() {
    }

    /**
     * @return the promotion's result document (FAILED when the gate refused it: nothing moved)
     * @throws AbortException on bad input, a refused permission, a registry error, and on a FAILURE
     *                        outcome when {@code stopBuild} is set
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, PromoteRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            Run<?, ?> run = build.run();
            ResultPublisher.ensureIdUnused(run, PromotionAction.class, options);
            Promoter who = PromotionAuthority.authorize(run, options.functionName(), request.describeMove());
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);
            log.println(prefix + "promoting as " + who.describe());

            Evidence evidence = evidence(build, request.gate());
            log.println(prefix + "evidence: " + evidence.source() + ", verdict " + evidence.verdict());
            Promote.Outcome outcome;
            ModelRegistry registry = RegistryConfiguration.get().openFor(run);
            try {
                outcome = Promote.promote(registry, new Promote.Request(request.model(), request.versionNumber(options.functionName()),
                        request.fromAlias(), request.alias(), request.reason(), who.actor(run.getFullDisplayName()), buildUrl(build),
                        evidence.verdict(), evidence.source(), request.force()));
            } catch (RegistryException e) {
                throw new AbortException(options.functionName() + ": registry " + registry.location() + ": " + e.getMessage() + "; nothing moved");
            }
            log.println(prefix + "registry " + registry.location() + ": " + outcome.document().summary());
            ResultPublisher.publish(build, options, outcome.document(), new VerdictMapping(options.unstableOnly(), BuildOutcome.UNSTABLE),
                    new PromotionAction(options.id(), outcome.document()), handler);
            return outcome.document();
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    /** The gate's verdict and how to name it. */
    record Evidence(Verdict verdict, String source) {
    }

    /** An {@code mlGate} of this build by id, else a gate result document in the workspace. */
    static Evidence evidence(BuildContext build, String gate) throws IOException, InterruptedException {
        List<GateAction> gates = build.run().getActions(GateAction.class);
        for (GateAction action : gates) {
            if (action.getId().equals(gate)) {
                String source = "gate '" + gate + "' of this build";
                return new Evidence(Promote.gateVerdict(action.getResultDocument(), source), source);
            }
        }
        String text;
        try {
            text = WorkspaceFiles.readText(build.workspace(), gate, "gate result");
        } catch (BadInputException e) {
            List<String> ids = gates.stream().map(GateAction::getId).toList();
            throw new BadInputException("gate: '" + gate + "' is neither the id of an mlGate earlier in this build "
                    + (ids.isEmpty() ? "(none ran)" : ids.toString()) + " nor a gate result file: " + e.getMessage(), e);
        }
        ResultDocument document = ResultDocumentJson.fromJson(Path.of(gate), StructuredFiles.parseTree(gate, text));
        return new Evidence(Promote.gateVerdict(document, gate), gate);
    }

    /** The build's absolute URL when Jenkins knows its own ({@code BUILD_URL}), else its URL relative to Jenkins' root. */
    static String buildUrl(BuildContext build) {
        String url = build.env().get("BUILD_URL");
        return url == null || url.isBlank() ? build.run().getUrl() : url;
    }
}
