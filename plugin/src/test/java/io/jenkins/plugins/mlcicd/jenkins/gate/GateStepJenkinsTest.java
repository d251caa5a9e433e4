package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The mlGate Pipeline step in a running Jenkins (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class GateStepJenkinsTest {
    private static final String POLICY = """
            rules:
              - metric: auc
                atLeast: 0.80
                minImprovement: 0.005
            """;

    /** A pipeline whose candidate's auc depends on the build number, so that one job shows the history. */
    private static WorkflowJob job(JenkinsRule r, String aucByBuild, String gateArguments) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'ml/gate.yaml', text: '''%s'''
                  def auc = %s[currentBuild.number]
                  writeFile file: 'out/metrics.json', text: '{"auc": ' + auc + '}'
                  def result = mlGate(%s)
                  echo "verdict=${result.verdict} kind=${result.kind} checks=${result.checks.size()} first=${result.checks[0].name}"
                  echo 'after the gate'
                }
                """.formatted(POLICY, aucByBuild, gateArguments), true));
        return job;
    }

    private static GateAction gate(WorkflowRun run) {
        GateAction action = run.getAction(GateAction.class);
        assertThat(action).as("gate action of %s", run).isNotNull();
        return action;
    }

    private static WarningAction warning(WorkflowRun run) {
        FlowNode node = new DepthFirstScanner().findFirstMatch(run.getExecution(), new NodeStepTypePredicate("mlGate"));
        assertThat(node).isNotNull();
        return node.getPersistentAction(WarningAction.class);
    }

    @Test
    void referenceIsTheLastBuildWhoseGatePassed(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[1: 0.85, 2: 0.86, 3: 0.862, 4: 0.87]",
                "policy: 'ml/gate.yaml', candidate: 'out/metrics.json'");

        // #1: no baseline yet; the absolute bound passed, the improvement cannot be checked
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("verdict=INCONCLUSIVE kind=gate checks=2 first=auc", first);
        r.assertLogContains("baseline: none, none of the last 100 earlier builds of this job passed gate 'gate'", first);
        assertThat(gate(first).isFirstBaseline()).isTrue();
        assertThat(warning(first).getResult()).isEqualTo(Result.UNSTABLE);

        // #2: +0.01 against #1
        WorkflowRun second = r.buildAndAssertStatus(Result.SUCCESS, job);
        r.assertLogContains("verdict=PASSED", second);
        r.assertLogContains("baseline: reference build p #1", second);
        assertThat(gate(second).getReferenceBuildName()).isEqualTo("#1");
        assertThat(gate(second).getReferenceBuildId()).isEqualTo(first.getExternalizableId());
        assertThat(warning(second)).isNull();

        // #3: +0.002 against #2 is not enough; the build fails but goes on (stopBuild is false)
        WorkflowRun third = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("verdict=FAILED", third);
        r.assertLogContains("after the gate", third);
        assertThat(gate(third).getReferenceBuildName()).isEqualTo("#2");
        assertThat(warning(third).getResult()).isEqualTo(Result.FAILURE);

        // #4: the failed #3 is skipped, #2 is still the reference
        WorkflowRun fourth = r.buildAndAssertStatus(Result.SUCCESS, job);
        assertThat(gate(fourth).getReferenceBuildName()).isEqualTo("#2");

        assertThat(fourth.getRootDir().toPath().resolve("mlcicd/gate/gate/result.json")).exists();
        assertThat(fourth.getRootDir().toPath().resolve("mlcicd/gate/gate/candidate-metrics.json")).exists();
        HtmlPage page = r.createWebClient().getPage(third, "mlcicd-gate-gate/");
        assertThat(page.asXml()).contains("mlcicd-checks", "auc vs baseline", "reference build #2");
        assertThat(r.createWebClient().getPage(third).asNormalizedText()).contains("ML gate (gate)", "FAILED");
    }

    @Test
    void inlinePolicyUnstableOnlyAndId(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[1: 0.85]",
                "policy: [rules: [[metric: 'auc', atLeast: 0.9]]], candidate: 'out/metrics.json', id: 'churn', unstableOnly: true");

        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);

        r.assertLogContains("verdict=FAILED", run);
        r.assertLogContains("[mlGate churn] FAILED", run);
        assertThat(gate(run).getUrlName()).isEqualTo("mlcicd-gate-churn");
    }

    @Test
    void stopBuildEndsTheBuildOnFailure(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[1: 0.70]", "policy: 'ml/gate.yaml', candidate: 'out/metrics.json', stopBuild: true");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("(stopBuild: true)", run);
        r.assertLogNotContains("after the gate", run);
        assertThat(gate(run).getVerdict().name()).isEqualTo("FAILED");
    }

    @Test
    void badInputIsOneLineWithoutStackTrace(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[1: 0.85]", "policy: 'ml/gate.yaml', candidate: 'out/missing.json'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlGate: out/missing.json: candidate metrics file not found", run);
        r.assertLogNotContains("\tat io.jenkins", run);
        assertThat(run.getAction(GateAction.class)).isNull();
    }
}
