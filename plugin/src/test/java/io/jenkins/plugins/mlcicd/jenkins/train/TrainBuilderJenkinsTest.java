package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Fingerprinter;
import hudson.tasks.Shell;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step (only under -Pjenkins). */
@WithJenkins
class TrainBuilderJenkinsTest {
    @TempDir
    Path registryDir;

    private static TrainBuilder builder() {
        TrainBuilder train = new TrainBuilder(
                "mkdir -p out && printf model > out/model.bin && echo '{\"auc\": 0.8}' > out/metrics.json",
                "out/model.bin", "out/metrics.json");
        train.setData("data/train.csv");
        train.setParams("lr=0.1\nepochs=${BUILD_NUMBER}");
        train.setRegistryName("fraud");
        train.setRegistryAlias("candidate");
        return train;
    }

    @Test
    void freestyleTrainsAndRegisters(JenkinsRule r) throws Exception {
        assumeFalse(Functions.isWindows(), "the command is a POSIX shell line");
        RegistryConfiguration config = RegistryConfiguration.get();
        config.setRegistryType(RegistrySettings.FILE);
        config.setFilePath(registryDir.toString());
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new Shell("mkdir -p data && printf 'x,y\\n1,0\\n' > data/train.csv"));
        project.getBuildersList().add(builder());

        FreeStyleBuild build = r.buildAndAssertSuccess(project);
        TrainingAction lineage = build.getAction(TrainingAction.class);
        assertThat(lineage.getRegistryVersion()).isEqualTo(1);
        assertThat(lineage.getResultDocument().fields().path("params").path("epochs").asText()).isEqualTo("1");
        assertThat(build.getAction(Fingerprinter.FingerprintAction.class).getRecords()).containsKeys("out/model.bin", "data/train.csv");
        r.assertLogContains("[mlTrain train] PASSED", build);
    }

    @Test
    void withoutARegistryConfiguredRegistrationIsBadInput(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(builder());
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("mlTrain: registry: no model registry is configured", build);
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        TrainBuilder train = builder();
        train.setTimeout("30m");
        train.setId("fraud");
        project.getBuildersList().add(train);
        r.configRoundtrip(project);
        r.assertEqualDataBoundBeans(train, project.getBuildersList().get(TrainBuilder.class));
    }
}
