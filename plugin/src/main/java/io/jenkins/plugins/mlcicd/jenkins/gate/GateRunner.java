package io.jenkins.plugins.mlcicd.jenkins.gate;

import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildHistory;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultHandler;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.common.WorkspaceFiles;
import io.jenkins.plugins.mlcicd.jenkins.eval.EvaluationAction;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The gate's one code path for both front ends. The inputs are a few kilobytes of JSON/YAML, so they
 * are read from the workspace into the controller and evaluated there; nothing runs on the agent.
 * The candidate may also be an evaluation this build recorded ({@code mlGate(candidate: 'eval')},
 * {@link GateCandidate}): its document is read from the build directory.
 */
public final class GateRunner {
    private GateRunner() {
    }

    /**
     * Reads the policy and metrics, finds the baseline, evaluates, stores the result and the
     * candidate's metrics with the build, attaches a {@link GateAction}, and sets the build result.
     *
     * @return the gate's result document
     * @throws hudson.AbortException on bad input, and on a FAILURE outcome when {@code stopBuild} is set
     */
    public static ResultDocument perform(BuildContext build, StepOptions options, GateRequest request, ResultHandler handler)
            throws IOException, InterruptedException {
        try {
            options.validated();
            request.validated(options.functionName());
            ResultPublisher.ensureIdUnused(build.run(), GateAction.class, options);
            PrintStream log = build.listener().getLogger();
            String prefix = ResultPublisher.logPrefix(options);
            FilePath workspace = build.workspace();

            GatePolicy policy = GatePolicies.load(workspace, request.policy());
            List<String> evaluations = build.run().getActions(EvaluationAction.class).stream().map(EvaluationAction::getId).toList();
            GateCandidate source = GateCandidate.resolve(request.candidate(), evaluations);
            log.println(prefix + "candidate: " + source.describe());
            MetricsDocument candidate = candidate(build, source, evaluations);
            Baseline baseline = baseline(build, options, request, source, log, prefix);

            ResultDocument result = Gate.evaluate(policy, candidate, baseline.metrics(), baseline.source());

            Path directory = RunStore.directory(build.run(), ResultKind.GATE, options.id());
            RunStore.writeText(directory.resolve(GateAction.CANDIDATE_METRICS_FILE), candidate.toJson());
            ResultPublisher.publish(build, options, result, policy.verdictMapping(options.unstableOnly()),
                    new GateAction(options.id(), result, baseline, source.evaluationId()), handler);
            return result;
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options, e);
        }
    }

    /** The candidate's metrics: the stored document of this build's evaluation, or the workspace file. */
    private static MetricsDocument candidate(BuildContext build, GateCandidate source, List<String> evaluations)
            throws IOException, InterruptedException {
        if (source.isEvaluation()) {
            return recordedEvaluation(build.run(), source.evaluationId(), source.describe());
        }
        String text;
        try {
            text = WorkspaceFiles.readText(build.workspace(), source.path(), "candidate metrics");
        } catch (BadInputException e) {
            throw source.notFound(e, evaluations);
        }
        return MetricsDocument.parse(source.path(), text);
    }

    /** The evaluation document {@code mlEvaluate} with this id kept in a build's directory, as gate metrics. */
    static MetricsDocument recordedEvaluation(Run<?, ?> run, String evaluationId, String name) {
        Path file = RunStore.directory(run, ResultKind.EVALUATION, evaluationId).resolve(RunStore.RESULT_FILE);
        return MetricsDocument.parse(name, RunStore.readText(file));
    }

    private static Baseline baseline(BuildContext build, StepOptions options, GateRequest request, GateCandidate source,
                                     PrintStream log, String prefix)
            throws IOException, InterruptedException {
        if (!request.usesReference()) {
            String path = request.baseline();
            log.println(prefix + "baseline: " + path);
            return Baseline.ofFile(MetricsDocument.parse(path, WorkspaceFiles.readText(build.workspace(), path, "baseline metrics")), path);
        }
        Baseline reference = GateReference.find(build.run(), options.id(), source.evaluationId(), log, prefix);
        if (reference.metrics() == null) {
            log.println(prefix + "baseline: none, none of the last " + BuildHistory.MAX_BUILDS
                    + " earlier builds of this job passed gate '" + options.id() + "'; rules relative to a baseline are inconclusive");
        } else {
            log.println(prefix + "baseline: " + reference.source());
        }
        return reference;
    }
}
