package io.jenkins.plugins.mlcicd.jenkins.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.tasks.Shell;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step in a running Jenkins (only under -Pjenkins). */
@WithJenkins
class CanaryBuilderJenkinsTest {
    @Test
    void aFreestyleRolloutIsPromotedOrRolledBack(JenkinsRule r) throws Exception {
        assumeFalse(Functions.isWindows(), "the router is a shell script");
        try (FakePrometheus prometheus = new FakePrometheus()) {
            r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(new EnvironmentVariablesNodeProperty.Entry(
                    EngineCommand.JAVA_ENV, ProcessHandle.current().info().command().orElseThrow())));
            FreeStyleProject project = r.createFreeStyleProject("f");
            project.getBuildersList().add(new Shell("echo 'echo \"$1\" >> weights.txt' > set-weight.sh"));
            CanaryBuilder canary = new CanaryBuilder();
            canary.setPlanYaml("""
                    stages: [{weight: 20, duration: 1s}, {weight: 100}]
                    interval: 300ms
                    router: {command: ['sh', './set-weight.sh', '${WEIGHT}']}
                    metrics: {prometheus: {url: '%s', timeout: 2s}}
                    guardrails: [{name: errorRate, query: 'errors{variant="${VARIANT}"}', max: 0.05}]
                    rollbackWithin: 1m
                    """.formatted(prometheus.url()));
            project.getBuildersList().add(canary);

            FreeStyleBuild promoted = r.buildAndAssertSuccess(project);
            assertThat(promoted.getAction(CanaryAction.class).getPhase()).isEqualTo("promoted");
            r.assertLogContains("promoted", promoted);

            prometheus.canary("0.5");
            FreeStyleBuild rolledBack = r.buildAndAssertStatus(Result.FAILURE, project);
            assertThat(rolledBack.getAction(CanaryAction.class).getPhase()).isEqualTo("rolled-back");
        }
    }
}
