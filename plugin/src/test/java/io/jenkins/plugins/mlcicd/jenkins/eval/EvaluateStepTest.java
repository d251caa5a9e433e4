package io.jenkins.plugins.mlcicd.jenkins.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EvaluateStepTest {
    @Test
    void defaultsAreTheEngineDefaults() {
        EvaluateStep step = new EvaluateStep("is_fraud", "score");
        step.setPredictions("out/predictions.parquet");

        assertThat(step.options()).isEqualTo(new StepOptions("mlEvaluate", "eval", false, false));
        assertThat(step.request()).isEqualTo(new EvaluateRequest("out/predictions.parquet", "is_fraud", "score"));
        assertThat(step.request().validated("mlEvaluate").cliArguments())
                .containsExactly("evaluate", "--predictions=out/predictions.parquet", "--label=is_fraud", "--score=score");
    }

    @Test
    void everyParameterBecomesItsCliOption() {
        EvaluateStep step = new EvaluateStep(" is_fraud ", "score");
        step.setPredictions(" -odd/predictions.parquet ");
        step.setTask("Binary");
        step.setThreshold(0.3);
        step.setSlices(List.of("country", " device "));
        step.setTopSlices(5);
        step.setSensitive("age_band");
        step.setK(100);
        step.setGroup("query");
        step.setBootstrap(200);
        step.setSeed(7L);
        step.setPairWith("row_id");
        step.setDropInvalid(true);
        step.setId("candidate-eval");
        step.setUnstableOnly(true);

        assertThat(step.options()).isEqualTo(new StepOptions("mlEvaluate", "candidate-eval", false, true));
        assertThat(step.request().validated("mlEvaluate").cliArguments()).containsExactly("evaluate",
                "--predictions=-odd/predictions.parquet", "--label=is_fraud", "--score=score", "--task=binary", "--threshold=0.3",
                "--slice=country", "--slice=device", "--top-slices=5", "--sensitive=age_band", "--k=100", "--group=query",
                "--bootstrap=200", "--seed=7", "--id=row_id", "--drop-invalid");
    }

    @Test
    void slicesAreAListOrCommaSeparatedText() {
        EvaluateStep step = new EvaluateStep("y", "p");
        step.setSlices("country, device,,");
        assertThat(step.getSlices()).containsExactly("country", "device");
        step.setSlices(null);
        assertThat(step.getSlices()).isEmpty();
        assertThatThrownBy(() -> step.setSlices(List.of("country", 3)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("mlEvaluate: slices: expected column names, e.g. ['country', 'device'], found Integer");
        assertThatThrownBy(() -> step.setSlices(Map.of("a", "b")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlEvaluate: slices: expected a list of column names");
    }

    @Test
    void validationErrorsAreOneLineAndNameTheStepParameters() {
        assertThatThrownBy(() -> new EvaluateRequest(null, "y", "p").validated("mlEvaluate"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mlEvaluate: predictions or jdbc: required");
        assertThatThrownBy(() -> new EvaluateRequest("p.csv", " ", "p").validated("mlEvaluate"))
                .hasMessageStartingWith("mlEvaluate: label: required");
        assertThatThrownBy(() -> new EvaluateRequest("p.csv", "y", null).validated("mlEvaluate"))
                .hasMessageStartingWith("mlEvaluate: score: required");
        assertThatThrownBy(() -> request("classification", null, null, null, null, null).validated("mlEvaluate"))
                .hasMessage("mlEvaluate: task: expected 'binary' or 'regression', was 'classification'");
        // the engine's rules between options, in the step's words
        assertThatThrownBy(() -> request(null, null, null, null, null, "row_id").validated("mlEvaluate"))
                .hasMessage("mlEvaluate: pairWith keys the bootstrap resampling; it needs bootstrap N");
        assertThatThrownBy(() -> request(null, null, null, "query", null, null).validated("mlEvaluate"))
                .hasMessageStartingWith("mlEvaluate: group needs k ");
        assertThatThrownBy(() -> request("regression", null, "age", null, null, null).validated("mlEvaluate"))
                .hasMessage("mlEvaluate: sensitive, k and group apply to task: 'binary' only");
        assertThatThrownBy(() -> request(null, 0, null, null, null, null).validated("mlEvaluate"))
                .hasMessage("mlEvaluate: topSlices must be at least 1");
        assertThatThrownBy(() -> request(null, null, null, null, -1, null).validated("mlEvaluate"))
                .hasMessageStartingWith("mlEvaluate: bootstrap must be between 0 and 100000");
        for (String message : List.of(EvaluateRequest.stepNames("--top-slices must be at least 1"))) {
            assertThat(message).doesNotContain("--").doesNotContain("\n");
        }
    }

    private static EvaluateRequest request(String task, Integer topSlices, String sensitive, String group, Integer bootstrap,
                                           String pairWith) {
        return new EvaluateRequest("p.csv", "y", "p", task, null, List.of(), topSlices, sensitive, null, group, bootstrap, null,
                pairWith, false);
    }

    @Test
    void predictionsFromADatabaseWithTheLoginOffTheCommandLine() {
        EvaluateStep step = new EvaluateStep("is_fraud", "score");
        step.setJdbc("jdbc:postgresql://db:5432/scores");
        step.setQuery("SELECT is_fraud, score FROM scored");
        step.setCredentialsId("db-reader");

        EvaluateRequest request = step.request().validated("mlEvaluate");

        assertThat(request.cliArguments()).containsExactly("evaluate", "--jdbc=jdbc:postgresql://db:5432/scores",
                "--query=SELECT is_fraud, score FROM scored", "--label=is_fraud", "--score=score");
        assertThat(String.join(" ", request.cliArguments())).doesNotContain("db-reader");
        assertThat(request.describePredictions()).contains("db:5432/scores", "SELECT is_fraud, score FROM scored");

        step.setPredictions("out/p.csv");
        assertThatThrownBy(() -> step.request().validated("mlEvaluate"))
                .hasMessage("mlEvaluate: give either predictions (a workspace path) or jdbc (a database), not both");
        step.setPredictions(null);
        step.setTable("scored");
        assertThatThrownBy(() -> step.request().validated("mlEvaluate"))
                .hasMessage("mlEvaluate: jdbc needs exactly one of table and query, not both");
        step.setQuery(null);
        step.setJdbc("jdbc:postgresql://reader:s3cret@db/scores");
        assertThatThrownBy(() -> step.request().validated("mlEvaluate"))
                .hasMessageStartingWith("mlEvaluate: jdbc: ")
                .hasMessageContaining("must not hold a password")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void builderReadsItsTextFieldsWithTheBuildVariablesExpanded() {
        EvaluateBuilder builder = new EvaluateBuilder("is_fraud", "score");
        builder.setPredictions("out/$RUN/predictions.csv");
        builder.setThreshold(" 0.25 ");
        builder.setSlices("country, $SLICE");
        builder.setBootstrap("$N");
        builder.setSeed("7");
        builder.setPairWith("row_id");
        builder.setTopSlices("");
        UnaryOperator<String> expand = value -> value == null ? null : value.replace("$RUN", "12").replace("$SLICE", "device").replace("$N", "50");

        EvaluateRequest request = builder.request(expand);

        assertThat(request).isEqualTo(new EvaluateRequest("out/12/predictions.csv", "is_fraud", "score", null, 0.25,
                List.of("country", "device"), null, null, null, null, 50, 7L, "row_id", false));
        assertThat(builder.options()).isEqualTo(new StepOptions("mlEvaluate", "eval", false, false));
    }

    @Test
    void builderNumberFieldErrorsNameTheField() {
        EvaluateBuilder builder = new EvaluateBuilder("y", "p");
        builder.setThreshold("high");
        assertThatThrownBy(() -> builder.request(UnaryOperator.identity()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("threshold: expected a number such as 0.5, was 'high'");
        builder.setThreshold(null);
        builder.setBootstrap("2.5");
        assertThatThrownBy(() -> builder.request(UnaryOperator.identity()))
                .hasMessage("bootstrap: expected a whole number such as 200, was '2.5'");
        builder.setBootstrap("99999999999");
        assertThatThrownBy(() -> builder.request(UnaryOperator.identity()))
                .hasMessage("bootstrap: 99999999999 is too large");
        assertThatThrownBy(() -> io.jenkins.plugins.mlcicd.jenkins.common.FormNumbers.decimal("threshold", "NaN")).hasMessageContaining("was 'NaN'");
    }

    @Test
    void aReferenceEvaluationMustBeFinishedSuccessfulAndNotFailed() {
        assertThat(EvaluationReference.qualifies(false, true, Verdict.PASSED)).isTrue();
        assertThat(EvaluationReference.qualifies(false, true, Verdict.INCONCLUSIVE)).isTrue();
        assertThat(EvaluationReference.qualifies(false, true, Verdict.FAILED)).isFalse();
        assertThat(EvaluationReference.qualifies(false, false, Verdict.PASSED)).isFalse();
        assertThat(EvaluationReference.qualifies(true, true, Verdict.PASSED)).isFalse();
    }
}
