package io.jenkins.plugins.mlcicd.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Node;
import hudson.slaves.DumbSlave;
import hudson.slaves.WorkspaceList;
import hudson.tasks.Builder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * What a Jenkins maintainer checks of every step and builder of this plugin, found from the running
 * Jenkins' descriptors so that a step added later is covered: configuration round trips, generated
 * snippets, and the engine on a real agent (remoting, the agent's jar cache) with and without a
 * decorated launcher. Only under -Pjenkins (the name ends in JenkinsTest).
 */
@WithJenkins
class PluginFidelityJenkinsTest {
    private static final String OURS = "io.jenkins.plugins.mlcicd.jenkins.";

    private static boolean ours(Descriptor<?> descriptor) {
        return descriptor.clazz.getName().startsWith(OURS) && !descriptor.clazz.getName().contains("JenkinsTest");
    }

    private static List<StepDescriptor> steps(JenkinsRule r) {
        List<StepDescriptor> steps = new ArrayList<>();
        for (StepDescriptor d : r.jenkins.getExtensionList(StepDescriptor.class)) {
            if (ours(d)) {
                steps.add(d);
            }
        }
        assertThat(steps).isNotEmpty();
        return steps;
    }

    private static List<Descriptor<Builder>> builders(JenkinsRule r) {
        List<Descriptor<Builder>> builders = new ArrayList<>();
        for (Descriptor<Builder> d : r.jenkins.getDescriptorList(Builder.class)) {
            if (ours(d)) {
                builders.add(d);
            }
        }
        assertThat(builders).isNotEmpty();
        return builders;
    }

    /** An instance with a plain value for every required parameter (a string, or true). */
    private static <T> T sample(Class<T> type) throws Exception {
        DescribableModel<T> model = DescribableModel.of(type);
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (DescribableParameter parameter : model.getParameters()) {
            if (parameter.isRequired()) {
                Class<?> erased = parameter.getErasedType();
                arguments.put(parameter.getName(), erased == boolean.class || erased == Boolean.class ? Boolean.TRUE
                        : "ml/" + parameter.getName() + ".yaml");
            }
        }
        return model.instantiate(arguments);
    }

    @Test
    void everyStepSurvivesItsConfigFormAndItsSnippet(JenkinsRule r) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(r);
        for (StepDescriptor descriptor : steps(r)) {
            Step step = sample(descriptor.clazz.asSubclass(Step.class));
            r.assertEqualDataBoundBeans(step, new StepConfigTester(r).configRoundTrip(step));

            String snippet = Snippetizer.object2Groovy(step);
            assertThat(snippet).as(descriptor.clazz.getName()).startsWith(descriptor.getFunctionName() + " ");
            snippets.assertRoundTrip(step, snippet);
        }
    }

    @Test
    void everyBuilderSurvivesItsConfigFormAndIsNotMistakenForAStep(JenkinsRule r) throws Exception {
        Set<String> functions = new java.util.HashSet<>();
        steps(r).forEach(d -> functions.add(d.getFunctionName()));
        for (Descriptor<Builder> descriptor : builders(r)) {
            Builder builder = sample(descriptor.clazz);
            FreeStyleProject project = r.createFreeStyleProject();
            project.getBuildersList().add(builder);
            r.configRoundtrip(project);
            r.assertEqualDataBoundBeans(builder, project.getBuildersList().get(0));

            // no symbol of its own equal to a step's name: Pipeline would call the step instead
            String snippet = Snippetizer.object2Groovy(builder);
            assertThat(functions).as(snippet).noneMatch(function -> snippet.startsWith(function + " ") || snippet.startsWith(function + "("));
        }
    }

    private static WorkflowJob gateJob(JenkinsRule r, String body) throws Exception {
        WorkflowJob job = r.jenkins.createProject(WorkflowJob.class, "gate-on-agent");
        job.setDefinition(new CpsFlowDefinition("""
                node('ml') {
                  %s {
                    writeFile file: 'ml/gate.yaml', text: 'rules:\\n  - metric: auc\\n    atLeast: 0.8\\n'
                    writeFile file: 'out/metrics.json', text: '{"auc": 0.9}'
                    def result = mlGate(policy: 'ml/gate.yaml', candidate: 'out/metrics.json')
                    echo "verdict=${result.verdict}"
                  }
                }
                """.formatted(body), true));
        return job;
    }

    @Test
    void theEngineRunsOnARealAgentFromTheNodeCache(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("ml"));
        WorkflowRun run = r.buildAndAssertSuccess(gateJob(r, "dir('.')"));

        r.assertLogContains("verdict=PASSED", run);
        FilePath cache = agent.getRootPath().child("caches").child("mlcicd-engine");
        assertThat(cache.exists()).as("jar cache in the node root").isTrue();
        assertThat(cache.listDirectories()).isNotEmpty();
    }

    @Test
    void insideADecoratedLauncherTheJarsAreStagedInTheWorkspaceTmp(JenkinsRule r) throws Exception {
        DumbSlave agent = r.createOnlineSlave(Label.get("ml"));
        WorkflowJob job = gateJob(r, "fakeContainer");
        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("verdict=PASSED", run);
        FilePath workspace = agent.getWorkspaceFor(job);
        assertThat(workspace).isNotNull();
        FilePath staged = WorkspaceList.tempDir(workspace).child("mlcicd-engine");
        assertThat(staged.exists()).as("jars under %s", staged).isTrue();
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
