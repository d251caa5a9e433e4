package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** mlSkew in Pipeline with the engine on the built-in node (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class SkewStepJenkinsTest {
    @Test
    void skewFailsTheBuildAndItsPageIsTheEngineReport(JenkinsRule r) throws Exception {
        DataValidateStepJenkinsTest.useThisJava(r);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  writeFile file: 'features/offline.csv', text: 'request_id,amount,country\\n1,10.0,DE\\n2,20.0,FR\\n'
                  writeFile file: 'logs/features.csv', text: 'request_id,amount,country\\n1,10.0,DE\\n2,20.0,GB\\n'
                  def skew = mlSkew(training: 'features/offline.csv', serving: 'logs/features.csv', key: 'request_id',
                                    features: ['amount', 'country'], tolerance: 1e-6)
                  echo "verdict=${skew.verdict} kind=${skew.kind}"
                  mlDataValidate(contract: 'missing.yaml', data: 'logs/features.csv', id: 'skew')
                }
                """, true));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("verdict=FAILED kind=data-validation", run);
        r.assertLogContains("mlcicd skew --training=features/offline.csv", run);
        // one id namespace with mlDataValidate: same kind, same folder and URL
        r.assertLogContains("mlDataValidate: id 'skew' is already used", run);
        SkewAction action = run.getAction(SkewAction.class);
        assertThat(action.getUrlName()).isEqualTo("mlcicd-data-validation-skew");
        assertThat(r.createWebClient().getPage(run, "mlcicd-data-validation-skew/").asXml()).contains("mlcicd-checks", "country");
    }
}
