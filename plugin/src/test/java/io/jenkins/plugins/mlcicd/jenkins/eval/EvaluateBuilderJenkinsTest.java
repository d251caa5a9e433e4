package io.jenkins.plugins.mlcicd.jenkins.eval;

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

/** Model evaluation as a freestyle build step (only under -Pjenkins: the name ends in JenkinsTest). */
@WithJenkins
class EvaluateBuilderJenkinsTest {
    private static final class WritePredictions extends TestBuilder {
        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            build.getWorkspace().child("out/predictions-" + build.getNumber() + ".csv").write(EvaluationActionTest.PREDICTIONS, "UTF-8");
            return true;
        }
    }

    @Test
    void freestyleEvaluatesWithVariablesAndComparesWithTheLastBuild(JenkinsRule r) throws Exception {
        EvaluateStepJenkinsTest.useThisJava(r);
        FreeStyleProject project = r.createFreeStyleProject("f");
        project.getBuildersList().add(new WritePredictions());
        EvaluateBuilder evaluate = new EvaluateBuilder("is_fraud", "score");
        evaluate.setPredictions("out/predictions-$BUILD_NUMBER.csv");
        evaluate.setSlices("country");
        evaluate.setThreshold("0.5");
        project.getBuildersList().add(evaluate);

        FreeStyleBuild first = r.buildAndAssertStatus(Result.SUCCESS, project);
        r.assertLogContains("[mlEvaluate eval] PASSED", first);
        r.assertLogContains("--predictions=out/predictions-1.csv", first);
        r.assertLogContains("--threshold=0.5", first);
        assertThat(first.getAction(EvaluationAction.class).getWorstSlice()).isEqualTo("country=US");

        FreeStyleBuild second = r.buildAndAssertStatus(Result.SUCCESS, project);
        assertThat(second.getAction(EvaluationAction.class).getReferenceBuildName()).isEqualTo("#1");
        assertThat(project.getAction(EvaluationTrendAction.class)).isNotNull();
    }

    @Test
    void aFieldThatIsNotANumberFailsWithOneLine(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        EvaluateBuilder evaluate = new EvaluateBuilder("is_fraud", "score");
        evaluate.setPredictions("out/predictions.csv");
        evaluate.setBootstrap("many");
        project.getBuildersList().add(evaluate);

        FreeStyleBuild run = r.buildAndAssertStatus(Result.FAILURE, project);

        r.assertLogContains("mlEvaluate: bootstrap: expected a whole number such as 200, was 'many'", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    @Test
    void configurationRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject("f");
        EvaluateBuilder evaluate = new EvaluateBuilder("is_fraud", "score");
        evaluate.setPredictions("out/predictions.parquet");
        evaluate.setTask("binary");
        evaluate.setThreshold("0.3");
        evaluate.setSlices("country, device");
        evaluate.setTopSlices("10");
        evaluate.setSensitive("age_band");
        evaluate.setK("100");
        evaluate.setGroup("query");
        evaluate.setBootstrap("200");
        evaluate.setSeed("7");
        evaluate.setPairWith("row_id");
        evaluate.setDropInvalid(true);
        evaluate.setId("holdout");
        evaluate.setUnstableOnly(true);
        project.getBuildersList().add(evaluate);

        r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(evaluate, project.getBuildersList().get(EvaluateBuilder.class));
    }
}
