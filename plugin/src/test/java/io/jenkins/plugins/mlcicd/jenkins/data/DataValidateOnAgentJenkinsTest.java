package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import java.io.Serializable;
import java.util.Set;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * mlDataValidate on a real agent (r.createOnlineSlave()): the callables cross remoting, the engine's
 * jars are cached on the agent and its JVM runs there; and the same through a decorated launcher, as
 * inside docker.inside, where the jars must be staged under the workspace's @tmp. Only under -Pjenkins.
 */
@WithJenkins
class DataValidateOnAgentJenkinsTest {
    private static WorkflowJob job(JenkinsRule r, String wrapper) throws Exception {
        DataValidateStepJenkinsTest.useThisJava(r);
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "on-agent");
        job.setDefinition(new CpsFlowDefinition("""
                node('ml') {
                  %s {
                    writeFile file: 'ml/contract.yaml', text: '''%s'''
                    writeFile file: 'data/train.csv', text: '''%s'''
                    def result = mlDataValidate(contract: 'ml/contract.yaml', data: 'data/train.csv')
                    echo "verdict=${result.verdict}"
                  }
                }
                """.formatted(wrapper, DataFixtures.CONTRACT, DataFixtures.TRAIN), true));
        return job;
    }

    @Test
    void theEngineRunsOnTheAgentFromTheNodesCache(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("ml"));
        // no reference: the contract holds, drift is inconclusive
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job(r, "dir('.')"));

        r.assertLogContains("verdict=INCONCLUSIVE", run);
        r.assertLogContains("to the agent's cache", run);
        FilePath cache = agent.getRootPath().child("caches").child("mlcicd-engine");
        assertThat(cache.exists()).as("jar cache in the node root").isTrue();
        assertThat(cache.listDirectories()).isNotEmpty();
    }

    @Test
    void insideADecoratedLauncherTheJarsAreStagedInTheWorkspaceTmp(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("ml"));
        WorkflowJob job = job(r, "fakeContainer");
        WorkflowRun run = r.buildAndAssertStatus(Result.UNSTABLE, job);

        r.assertLogContains("verdict=INCONCLUSIVE", run);
        FilePath workspace = agent.getWorkspaceFor(job);
        assertThat(workspace).isNotNull();
        FilePath staged = WorkspaceList.tempDir(workspace).child("mlcicd-engine");
        assertThat(staged.exists()).as("jars under %s", staged).isTrue();
        assertThat(staged.listDirectories()).isNotEmpty();
        assertThat(agent.getRootPath().child("caches").child("mlcicd-engine").exists())
                .as("the node root is not mounted in a container, so nothing goes there").isFalse();
    }

    /** Like docker.inside: runs its body's commands through a Launcher.DecoratedLauncher. */
    public static final class FakeContainerStep extends Step {
        @DataBoundConstructor
        public FakeContainerStep() {
        }

        @Override
        public StepExecution start(StepContext context) {
            return new Execution(context);
        }

        @TestExtension("insideADecoratedLauncherTheJarsAreStagedInTheWorkspaceTmp")
        public static final class DescriptorImpl extends StepDescriptor {
            @Override
            public String getFunctionName() {
                return "fakeContainer";
            }

            @Override
            public boolean takesImplicitBlockArgument() {
                return true;
            }

            @Override
            public Set<? extends Class<?>> getRequiredContext() {
                return Set.of();
            }
        }
    }

    private static final class Execution extends StepExecution {
        private static final long serialVersionUID = 1L;

        Execution(StepContext context) {
            super(context);
        }

        @Override
        public boolean start() throws Exception {
            getContext().newBodyInvoker()
                    .withContext(BodyInvoker.mergeLauncherDecorators(getContext().get(LauncherDecorator.class), new Decorator()))
                    .withCallback(BodyExecutionCallback.wrap(getContext()))
                    .start();
            return false;
        }
    }

    private static final class Decorator extends LauncherDecorator implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Launcher decorate(Launcher launcher, Node node) {
            return new Launcher.DecoratedLauncher(launcher);
        }
    }
}
