package io.jenkins.plugins.mlcicd.jenkins.gate;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The model gate as a freestyle build step (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class GateBuilderJenkinsTest {
    /** Writes the policy and a candidate whose auc depends on the build number. */
    private static final class WriteInputs extends TestBuilder {
        private final Map<Integer, Double> aucByBuild;

        WriteInputs(Map<Integer, Double> aucByBuild) {
            this.aucByBuild = aucByBuild;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("ml/gate.yaml").write("""
                    rules:
                      - metric: auc
                        atLeast: 0.80
                        maxRegression: 0.01
                    """, "UTF-8");
            build.getWorkspace().child("out/metrics.json").write("{\"auc\": " + aucByBuild.get(build.getNumber()) + "}", "UTF-8");
            return true;
        }
    }

    @Test
    void freestyleGateUsesTheSameReferenceRules(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WriteInputs(Map.of(1, 0.85, 2, 0.845, 3, 0.80, 4, 0.84)));
        GateBuilder gate = new GateBuilder("ml/gate.yaml", "out/metrics.json");
        project.getBuildersList().add(gate);

        FreeStyleBuild first = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogContains("[mlGate gate] INCONCLUSIVE", first);
        FreeStyleBuild second = r.buildAndAssertStatus(Result.SUCCESS, project);
        assertThat(second.getAction(GateAction.class).getReferenceBuildName()).isEqualTo("#1");
        FreeStyleBuild third = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("build result: FAILURE", third);
        FreeStyleBuild fourth = r.buildAndAssertStatus(Result.SUCCESS, project);
        assertThat(fourth.getAction(GateAction.class).getReferenceBuildName()).isEqualTo("#2");
    }

    @Test
    void environmentVariablesAreExpanded(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WriteInputs(Map.of(1, 0.70)));
        GateBuilder gate = new GateBuilder("ml/gate.yaml", "out/metrics-of-build-$BUILD_NUMBER.json");
        project.getBuildersList().add(gate);

        FreeStyleBuild run = r.buildAndAssertStatus(Result.FAILURE, project);

        r.assertLogContains("mlGate: out/metrics-of-build-1.json: candidate metrics file not found", run);
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        GateBuilder gate = new GateBuilder("ml/gate.yaml", "out/metrics.json");
        gate.setBaseline("prod/metrics.json");
        gate.setId("churn");
        gate.setStopBuild(true);
        gate.setUnstableOnly(true);
        project.getBuildersList().add(gate);

        r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(gate, project.getBuildersList().get(GateBuilder.class));
    }
}
