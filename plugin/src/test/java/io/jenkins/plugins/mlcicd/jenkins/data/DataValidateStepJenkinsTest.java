package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
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

/**
 * The mlDataValidate Pipeline step in a running Jenkins, with the engine in a child JVM on the built-in
 * node (only under -Pjenkins: the name ends in JenkinsTest).
 */
@WithJenkins
class DataValidateStepJenkinsTest {
    /** The engine's JVM is this test's java, whatever JAVA_HOME says. */
    static void useThisJava(JenkinsRule r) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry(EngineCommand.JAVA_ENV, java)));
    }

    /** A pipeline that validates the data of its build number: TRAIN, or SHIFTED for the numbers in the map (e.g. {@code [3: true]}). */
    private static WorkflowJob job(JenkinsRule r, String shiftedBuilds, String arguments) throws Exception {
        useThisJava(r);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'ml/contract.yaml', text: '''%s'''
                  def shifted = %s[currentBuild.number] == true
                  writeFile file: 'data/train.csv', text: shifted ? '''%s''' : '''%s'''
                  def result = mlDataValidate(%s)
                  echo "verdict=${result.verdict} kind=${result.kind} checks=${result.checks.size()}"
                  echo 'after the validation'
                }
                """.formatted(DataFixtures.CONTRACT, shiftedBuilds, DataFixtures.SHIFTED, DataFixtures.TRAIN, arguments), true));
        return job;
    }

    private static DataValidationAction validation(WorkflowRun run) {
        DataValidationAction action = run.getAction(DataValidationAction.class);
        assertThat(action).as("data validation action of %s", run).isNotNull();
        return action;
    }

    private static WarningAction warning(WorkflowRun run) {
        FlowNode node = new DepthFirstScanner().findFirstMatch(run.getExecution(), new NodeStepTypePredicate("mlDataValidate"));
        assertThat(node).isNotNull();
        return node.getPersistentAction(WarningAction.class);
    }

    private static Path kept(WorkflowRun run, String id, String file) {
        return run.getRootDir().toPath().resolve("mlcicd/data-validation").resolve(id).resolve(file);
    }

    @Test
    void lastSuccessfulIsTheProfileOfTheLastGoodBuild(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[3: true]",
                "contract: 'ml/contract.yaml', data: 'data/train.csv', reference: 'lastSuccessful', id: 'train-data'");

        // #1: no reference yet; the contract holds, drift cannot be measured; the engine's jars are copied once
        WorkflowRun first = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("verdict=INCONCLUSIVE kind=data-validation", first);
        r.assertLogContains("reference: none, none of the last 100 earlier builds succeeded and kept a profile for 'train-data'", first);
        r.assertLogContains("to the agent's cache", first);
        r.assertLogContains("[mlDataValidate train-data] engine JVM on the agent:", first);
        assertThat(kept(first, "train-data", "profile.json")).exists();
        assertThat(kept(first, "train-data", "result.json")).exists();
        assertThat(warning(first).getResult()).isEqualTo(Result.UNSTABLE);

        // #2: the same data against #1's profile: no drift; the jars are already on the agent
        WorkflowRun second = r.buildAndAssertStatus(Result.SUCCESS, job);
        r.assertLogContains("verdict=PASSED", second);
        r.assertLogContains("reference: the profile kept by p #1", second);
        r.assertLogNotContains("to the agent's cache", second);
        assertThat(validation(second).getReferenceBuildName()).isEqualTo("#1");
        assertThat(validation(second).getReferenceBuildId()).isEqualTo(first.getExternalizableId());

        // #3: drifted data that breaks the contract: FAILURE, and the script goes on
        WorkflowRun third = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("verdict=FAILED", third);
        r.assertLogContains("FAILED amount.drift", third);
        r.assertLogContains("after the validation", third);
        assertThat(validation(third).getVerdict()).isEqualTo(Verdict.FAILED);
        assertThat(validation(third).getReferenceBuildName()).isEqualTo("#2");

        // #4: the failed #3 is skipped
        WorkflowRun fourth = r.buildAndAssertStatus(Result.SUCCESS, job);
        assertThat(validation(fourth).getReferenceBuildName()).isEqualTo("#2");

        HtmlPage page = r.createWebClient().getPage(third, "mlcicd-data-validation-train-data/");
        assertThat(page.asXml()).contains("mlcicd-checks", "amount.drift", "country.allowed", "<svg", "mlcicd-histogram",
                "profile kept by build #2");
        assertThat(r.createWebClient().getPage(third).asNormalizedText()).contains("ML data validation (train-data)", "FAILED");
    }

    @Test
    void referenceDataStopBuildAndUnstableOnly(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[1: true, 2: true]", "contract: 'ml/contract.yaml', data: 'data/train.csv', reference: 'data/train.csv', "
                + "unstableOnly: true");
        WorkflowRun unstable = r.buildAndAssertStatus(Result.UNSTABLE, job);
        r.assertLogContains("verdict=FAILED", unstable);
        r.assertLogContains("reference: data data/train.csv", unstable);
        assertThat(validation(unstable).getReferenceData()).isEqualTo("data/train.csv");

        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'ml/contract.yaml', text: '''%s'''
                  writeFile file: 'data/train.csv', text: '''%s'''
                  mlDataValidate(contract: 'ml/contract.yaml', data: 'data/train.csv', stopBuild: true)
                  echo 'after the validation'
                }
                """.formatted(DataFixtures.CONTRACT, DataFixtures.SHIFTED), true));
        WorkflowRun stopped = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("(stopBuild: true)", stopped);
        r.assertLogNotContains("after the validation", stopped);
    }

    @Test
    void badInputIsTheEngineOneLineWithoutStackTrace(JenkinsRule r) throws Exception {
        WorkflowJob job = job(r, "[:]", "contract: 'ml/missing.yaml', data: 'data/train.csv'");

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("mlDataValidate: ml/missing.yaml", run);
        r.assertLogNotContains("\tat io.jenkins", run);
        r.assertLogNotContains("after the validation", run);
        assertThat(run.getAction(DataValidationAction.class)).isNull();
    }
}
