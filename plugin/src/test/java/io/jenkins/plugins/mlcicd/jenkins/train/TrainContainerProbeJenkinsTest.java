package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * mlTrain's environment probe runs through the build's launcher (only under -Pjenkins): inside a
 * container step it records the container's interpreter, which the agent's own processes cannot see.
 */
@WithJenkins
class TrainContainerProbeJenkinsTest {
    @TempDir
    Path signals;

    @BeforeEach
    void unixOnly() {
        assumeFalse(Functions.isWindows(), "the fake interpreter is a shell script");
    }

    @Test
    void theEnvironmentProbeAsksThroughTheDecoratedLauncher(JenkinsRule r) throws Exception {
        // an interpreter that exists only "in the container": the decorated launcher maps its name to this script
        Path python = signals.resolve("container-python");
        Files.writeString(python, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo "Python 3.99.0"; else echo "torch==9.9.9"; fi
                """);
        assertThat(python.toFile().setExecutable(true)).isTrue();
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "p");
        job.setDefinition(new CpsFlowDefinition("""
                node {
                  fakeContainer(python: '%s') {
                    writeFile file: 'out/metrics.json', text: '{"auc": 1}'
                    writeFile file: 'train.sh', text: 'echo m > out/model.bin'
                    def lineage = mlTrain(command: 'sh train.sh', model: 'out/model.bin', metrics: 'out/metrics.json',
                                          python: 'container-python')
                    echo "python=${lineage.environment.python}"
                  }
                }
                """.formatted(python), true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        // the agent's own processes have no 'container-python': only the launcher's could answer
        r.assertLogContains("python=Python 3.99.0", run);
        assertThat(run.getAction(TrainingAction.class).getResultDocument().fields().path("environment").path("pipFreezeSha256").asText())
                .hasSize(64);
    }

    /** Like docker.inside: its body's commands go through a decorated launcher, which knows an interpreter the agent lacks. */
    public static final class FakeContainerStep extends Step {
        private final String python;

        @DataBoundConstructor
        public FakeContainerStep(String python) {
            this.python = python;
        }

        public String getPython() {
            return python;
        }

        @Override
        public StepExecution start(StepContext context) {
            return new FakeContainer(context, python);
        }

        @TestExtension("theEnvironmentProbeAsksThroughTheDecoratedLauncher")
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

    private static final class FakeContainer extends StepExecution {
        private static final long serialVersionUID = 1L;
        private final String python;

        FakeContainer(StepContext context, String python) {
            super(context);
            this.python = python;
        }

        @Override
        public boolean start() throws Exception {
            getContext().newBodyInvoker()
                    .withContext(BodyInvoker.mergeLauncherDecorators(getContext().get(LauncherDecorator.class), new ContainerPython(python)))
                    .withCallback(BodyExecutionCallback.wrap(getContext()))
                    .start();
            return false;
        }
    }

    private static final class ContainerPython extends LauncherDecorator implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String python;

        ContainerPython(String python) {
            this.python = python;
        }

        @Override
        public Launcher decorate(Launcher launcher, Node node) {
            return new Launcher.DecoratedLauncher(launcher) {
                @Override
                public Proc launch(Launcher.ProcStarter starter) throws IOException {
                    List<String> cmds = starter.cmds();
                    if (!cmds.isEmpty() && cmds.get(0).equals("container-python")) {
                        List<String> mapped = new ArrayList<>(cmds);
                        mapped.set(0, python);
                        starter.cmds(mapped);
                    }
                    return super.launch(starter);
                }
            };
        }
    }
}
