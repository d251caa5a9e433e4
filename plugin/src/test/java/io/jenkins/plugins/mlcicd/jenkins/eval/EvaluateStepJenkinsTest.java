package io.jenkins.plugins.mlcicd.jenkins.eval;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.gate.GateAction;
import io.jenkins.plugins.mlcicd.result.Verdict;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * mlEvaluate in Pipeline, with the engine in a child JVM on the built-in node, and mlGate reading the
 * evaluation by its id (only under -Pjenkins: the name ends in JenkinsTest).
 */
@WithJenkins
class EvaluateStepJenkinsTest {
    /** The engine's JVM is this test's java, whatever JAVA_HOME says. */
    static void useThisJava(JenkinsRule r) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry(EngineCommand.JAVA_ENV, java)));
    }

    private static WorkflowJob job(JenkinsRule r, String script) throws Exception {
        EvaluateStepJenkinsTest.useThisJava(r);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'out/predictions.csv', text: '''%s'''
                  %s
                }
                """.formatted(EvaluationActionTest.PREDICTIONS, script), true));
        return job;
    }

    private static EvaluationAction evaluation(WorkflowRun run) {
        EvaluationAction action = run.getAction(EvaluationAction.class);
        assertThat(action).as("evaluation action of %s", run).isNotNull();
        return action;
    }

    @Test
    void evaluateThenGateByIdAgainstTheReferenceBuildsEvaluation(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                def ev = mlEvaluate(predictions: 'out/predictions.csv', label: 'is_fraud', score: 'score', threshold: 0.5,
                                    slices: ['country'], bootstrap: 20, seed: 7, id: 'eval')
                echo "verdict=${ev.verdict} kind=${ev.kind} auc=${ev.metrics.auc}"
                def gate = mlGate(policy: [rules: [[metric: 'auc', atLeast: 0.8, maxRegression: 0.01]]], candidate: 'eval')
                echo "gate=${gate.verdict}"
                """);

        // #1: the evaluation passes; the gate has no baseline yet (INCONCLUSIVE, UNSTABLE)
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("verdict=PASSED kind=evaluation auc=0.9375", first);
        r.assertLogContains("[mlEvaluate eval] engine JVM on the agent:", first);
        r.assertLogContains("--slice=country", first);
        r.assertLogContains("--bootstrap=20", first);
        r.assertLogContains("[mlGate gate] candidate: evaluation 'eval' recorded by this build", first);
        r.assertLogContains("gate=INCONCLUSIVE", first);
        assertThat(evaluation(first).getHeadline()).containsKeys("auc", "log_loss", "calibration_slope");
        assertThat(evaluation(first).getWorstSlice()).isEqualTo("country=US");
        assertThat(first.getRootDir().toPath().resolve("mlcicd/evaluation/eval/result.json")).exists();
        assertThat(first.getAction(GateAction.class).getCandidateEvaluation()).isEqualTo("eval");

        // #2: the gate's baseline is the evaluation recorded by #1; the page compares with #1's evaluation
        WorkflowRun second = r.buildAndAssertStatus(Result.SUCCESS, job);
        r.assertLogContains("compared with: the evaluation recorded by p #1", second);
        r.assertLogContains("baseline: evaluation 'eval' of reference build p #1", second);
        r.assertLogContains("gate=PASSED", second);
        assertThat(evaluation(second).getReferenceBuildName()).isEqualTo("#1");

        HtmlPage page = r.createWebClient().getPage(second, "mlcicd-evaluation-eval/");
        assertThat(page.asXml()).contains("mlcicd-checks", "Compared with build #1", "mlcicd-comparison-table", "auc");
        String buildPage = r.createWebClient().getPage(second).asNormalizedText();
        assertThat(buildPage).contains("ML evaluation (eval)", "PASSED", "auc", "worst slice", "country=US");
        HtmlPage trends = r.createWebClient().getPage(job, "mlcicd-evaluations/");
        assertThat(trends.asXml()).contains("mlcicd-trend", "worst slice auc", "log_loss");
    }

    @Test
    void badInputIsOneLineWithoutStackTrace(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                mlEvaluate(predictions: 'out/predictions.csv', label: 'label', score: 'score')
                echo 'after the evaluation'
                """);

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlEvaluate: out/predictions.csv: no column 'label'", run);
        r.assertLogNotContains("\tat io.jenkins", run);
        r.assertLogNotContains("after the evaluation", run);
        assertThat(run.getAction(EvaluationAction.class)).isNull();
    }

    @Test
    void parameterErrorsNameTheParameter(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "mlEvaluate(predictions: 'out/predictions.csv', label: 'is_fraud', score: 'score', group: 'country')");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlEvaluate: group needs k", run);
    }

    @Test
    void gateCandidateThatIsNeitherAnEvaluationNorAFile(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, """
                mlEvaluate(predictions: 'out/predictions.csv', label: 'is_fraud', score: 'score')
                mlGate(policy: [[metric: 'auc', atLeast: 0.8]], candidate: 'evl')
                """);

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlGate: candidate: 'evl' is neither the id of an evaluation recorded by this build (mlEvaluate ids: 'eval')", run);
        assertThat(evaluation(run).getVerdict()).isEqualTo(Verdict.PASSED);
    }
}
