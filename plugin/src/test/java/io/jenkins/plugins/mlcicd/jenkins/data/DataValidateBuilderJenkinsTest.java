package io.jenkins.plugins.mlcicd.jenkins.data;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestBuilder;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Data validation as a freestyle build step (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class DataValidateBuilderJenkinsTest {
    /** Writes the contract, the reference data and, as the current data, TRAIN on odd builds and SHIFTED on even ones. */
    private static final class WriteInputs extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("ml/contract.yaml").write(DataFixtures.CONTRACT, "UTF-8");
            build.getWorkspace().child("data/ref.csv").write(DataFixtures.TRAIN, "UTF-8");
            String current = build.getNumber() % 2 == 1 ? DataFixtures.TRAIN : DataFixtures.SHIFTED;
            build.getWorkspace().child("data/current-" + build.getNumber() + ".csv").write(current, "UTF-8");
            return true;
        }
    }

    @Test
    void freestyleValidatesAgainstReferenceDataAndKeepsTheProfile(JenkinsRule r) throws Exception {
        DataValidateStepJenkinsTest.useThisJava(r);
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WriteInputs());
        DataValidateBuilder validate = new DataValidateBuilder("ml/contract.yaml", "data/current-$BUILD_NUMBER.csv");
        validate.setReference("data/ref.csv");
        project.getBuildersList().add(validate);

        FreeStyleBuild first = r.buildAndAssertStatus(Result.SUCCESS, project);
        r.assertLogContains("[mlDataValidate data] PASSED", first);
        r.assertLogContains("--data=data/current-1.csv", first);
        assertThat(first.getRootDir().toPath().resolve("mlcicd/data-validation/data/profile.json")).exists();

        FreeStyleBuild second = r.buildAndAssertStatus(Result.FAILURE, project);
        r.assertLogContains("[mlDataValidate data] FAILED", second);
        r.assertLogContains("build result: FAILURE", second);
        assertThat(second.getAction(DataValidationAction.class).getReferenceData()).isEqualTo("data/ref.csv");
    }

    @Test
    void freestyleLastSuccessful(JenkinsRule r) throws Exception {
        DataValidateStepJenkinsTest.useThisJava(r);
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WriteInputs());
        DataValidateBuilder validate = new DataValidateBuilder("ml/contract.yaml", "data/current-$BUILD_NUMBER.csv");
        validate.setReference("lastSuccessful");
        validate.setUnstableOnly(true);
        project.getBuildersList().add(validate);

        r.buildAndAssertStatus(Result.UNSTABLE, project);
        FreeStyleBuild second = r.buildAndAssertStatus(Result.UNSTABLE, project);
        r.assertLogContains("[mlDataValidate data] FAILED", second);
        assertThat(second.getAction(DataValidationAction.class).getReferenceBuildName()).isEqualTo("#1");
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        DataValidateBuilder validate = new DataValidateBuilder("ml/contract.yaml", "data/train.parquet");
        validate.setReference("lastSuccessful");
        validate.setId("train-data");
        validate.setDelimiter("tab");
        validate.setQuote("'");
        validate.setHeader(false);
        validate.setStopBuild(true);
        validate.setUnstableOnly(true);
        project.getBuildersList().add(validate);

        r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(validate, project.getBuildersList().get(DataValidateBuilder.class));
    }
}
