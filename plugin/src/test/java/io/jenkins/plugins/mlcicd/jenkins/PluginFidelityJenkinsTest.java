package io.jenkins.plugins.mlcicd.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.tasks.Builder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * What a Jenkins maintainer checks of every step and builder of this plugin, found from the running
 * Jenkins' descriptors so that a step added later is covered: configuration round trips and generated
 * snippets. (The engine on a real agent: data.DataValidateOnAgentJenkinsTest.) Only under -Pjenkins
 * (the name ends in JenkinsTest).
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
}
