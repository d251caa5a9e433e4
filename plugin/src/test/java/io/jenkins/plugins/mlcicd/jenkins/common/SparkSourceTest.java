package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.data.DataValidateRequest;
import io.jenkins.plugins.mlcicd.jenkins.eval.EvaluateRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mlDataValidate's and mlEvaluate's Spark source: its parameters and the engine's arguments (never a token). */
class SparkSourceTest {
    private static final String URL = "sc://spark-connect.example.com:15002";

    @Test
    void theEngineGetsTheUrlAndOneOfTableQueryAndPath() {
        assertThat(new SparkSource(URL, "lake.txn", null, null, "token").validated("mlDataValidate").cliArguments())
                .containsExactly("--spark=" + URL, "--table=lake.txn");
        assertThat(new SparkSource(URL, null, "SELECT 1", null, null).cliArguments()).containsExactly("--spark=" + URL, "--query=SELECT 1");
        assertThat(new SparkSource(URL, null, null, "s3a://lake/txn/", null).cliArguments())
                .containsExactly("--spark=" + URL, "--data=s3a://lake/txn/");
        assertThat(SparkSource.of(" ", "t", null, null, null)).isNull();
    }

    @Test
    void badParametersAreOneLineNamingTheParameter() {
        assertThatThrownBy(() -> new SparkSource("http://x", "t", null, null, null).validated("mlEvaluate"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlEvaluate: spark: expected a Spark Connect URL");
        assertThatThrownBy(() -> new SparkSource(URL + "/;token=abc", "t", null, null, null).validated("mlEvaluate"))
                .hasMessageContaining("must not hold a token").hasMessageNotContaining("abc");
        assertThatThrownBy(() -> new SparkSource(URL, "t", "SELECT 1", null, null).validated("mlDataValidate"))
                .hasMessage("mlDataValidate: spark needs exactly one of table, query and data (a path the cluster reads), not several");
        assertThatThrownBy(() -> new SparkSource(URL, null, null, null, null).validated("mlDataValidate"))
                .hasMessageEndingWith("none is given");
    }

    @Test
    void theStepsPassTheSparkSourceInsteadOfWorkspaceData() {
        DataValidateRequest validate = new DataValidateRequest("ml/c.yaml", null, null, "s3a://lake/ref/", null,
                new SparkSource(URL, null, null, "s3a://lake/txn/", "spark-token"));
        assertThat(validate.validated("mlDataValidate").cliArguments(null, "/w/profile.json"))
                .containsExactly("validate", "--contract=ml/c.yaml", "--spark=" + URL, "--data=s3a://lake/txn/",
                        "--reference=s3a://lake/ref/", "--profile-out=/w/profile.json")
                .noneMatch(a -> a.contains("spark-token"));
        assertThat(validate.describeData()).isEqualTo(URL + " s3a://lake/txn/");
        EvaluateRequest evaluate = new EvaluateRequest(null, "y", "p", null, null, List.of("country"), null, null, null, null, null,
                null, null, false, null, new SparkSource(URL, "lake.scored", null, null, null));
        assertThat(evaluate.validated("mlEvaluate").cliArguments())
                .startsWith("evaluate", "--spark=" + URL, "--table=lake.scored", "--label=y", "--score=p");
    }
}
