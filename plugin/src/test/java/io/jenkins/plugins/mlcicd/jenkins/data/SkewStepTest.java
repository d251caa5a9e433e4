package io.jenkins.plugins.mlcicd.jenkins.data;

import static io.jenkins.plugins.mlcicd.jenkins.common.Views.constructorParameters;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.resource;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.setterFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.common.Views;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mlSkew's parameters become mlcicd skew's options; errors are one line naming the parameter; views. */
class SkewStepTest {
    @Test
    void everyParameterBecomesItsCliOption() {
        SkewStep step = new SkewStep("features/offline.parquet", "logs/features.parquet", " request_id ");
        assertThat(step.options()).isEqualTo(new StepOptions("mlSkew", "skew", false, false));
        assertThat(step.request().validated("mlSkew").cliArguments()).containsExactly("skew",
                "--training=features/offline.parquet", "--serving=logs/features.parquet", "--key=request_id");

        step.setFeatures(List.of("amount", "country"));
        step.setTolerance(1e-6);
        step.setMaxMismatchFraction(0.01);
        step.setDelimiter(";");
        step.setHeader(false);
        assertThat(step.request().validated("mlSkew").cliArguments()).containsExactly("skew",
                "--training=features/offline.parquet", "--serving=logs/features.parquet", "--key=request_id",
                "--features=amount", "--features=country", "--tolerance=1.0E-6", "--max-mismatch-fraction=0.01",
                "--delimiter=;", "--no-header");
        step.setFeatures("amount, country");
        assertThat(step.getFeatures()).containsExactly("amount", "country");
    }

    @Test
    void errorsNameTheParameter() {
        assertThatThrownBy(() -> new SkewRequest("t.csv", "s.csv", " ", List.of(), null, null, null).validated("mlSkew"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("mlSkew: key: required");
        assertThatThrownBy(() -> new SkewRequest(null, "s.csv", "id", List.of(), null, null, null).validated("mlSkew"))
                .hasMessageStartingWith("mlSkew: training: required");
        assertThatThrownBy(() -> new SkewRequest("t.csv", "s.csv", "id", List.of(), -1.0, null, null).validated("mlSkew"))
                .hasMessage("mlSkew: tolerance must be a finite number >= 0");
        assertThatThrownBy(() -> new SkewRequest("t.csv", "s.csv", "id", List.of(), null, 1.5, null).validated("mlSkew"))
                .hasMessage("mlSkew: maxMismatchFraction must be between 0 and 1");
        assertThatThrownBy(() -> SkewRequest.features(List.of(1), "mlSkew"))
                .hasMessageStartingWith("mlSkew: features: expected column names");

        SkewBuilder builder = new SkewBuilder("t.csv", "s.csv", "id");
        builder.setTolerance("tiny");
        assertThatThrownBy(() -> builder.request(UnaryOperator.identity()))
                .hasMessage("tolerance: expected a number such as 0.5, was 'tiny'");
        builder.setTolerance("$TOL");
        builder.setFeatures("a,$F");
        assertThat(builder.request(v -> v == null ? null : v.replace("$TOL", "0.001").replace("$F", "b")))
                .isEqualTo(new SkewRequest("t.csv", "s.csv", "id", List.of("a", "b"), 0.001, null, CsvFormat.DEFAULT));
    }

    @Test
    void sparkJoinsBothPathsInTheClusterAndRefusesATokenInTheUrl() {
        SkewRequest request = new SkewRequest("s3a://lake/train/", "s3a://lake/served/", "id", List.of(), null, null, null,
                " sc://spark:15002 ", "spark-token");
        assertThat(request.validated("mlSkew").cliArguments())
                .containsSubsequence("--training=s3a://lake/train/", "--serving=s3a://lake/served/", "--key=id")
                .contains("--spark=sc://spark:15002").noneMatch(a -> a.contains("spark-token"));
        assertThatThrownBy(() -> new SkewRequest("t", "s", "id", List.of(), null, null, null, "sc://h:1/;token=x", null)
                .validated("mlSkew")).hasMessageContaining("must not hold a token");
        assertThatThrownBy(() -> new SkewRequest("t", "s", "id", List.of(), null, null, null, null, "spark-token")
                .validated("mlSkew")).hasMessage("mlSkew: credentialsId goes with spark (the token of the Spark cluster)");
        assertThat(new SkewRequest("t", "s", "id", List.of(), null, null, null).cliArguments()).noneMatch(a -> a.startsWith("--spark"));
    }

    @ParameterizedTest
    @ValueSource(classes = {SkewBuilder.class, SkewStep.class})
    void everyFieldHasAFormEntryAndHelpOnce(Class<?> type) throws IOException {
        assertThat(SkewBuilder.FIELDS).containsAll(setterFields(type));
        assertThat(SkewBuilder.FIELDS).hasSize(setterFields(type).size() + constructorParameters(type).length);
        String config = resource(type, "config.jelly");
        for (String field : SkewBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
            assertThat(resource(SkewBuilder.class, "help-" + field + ".html")).contains("<div>");
            assertThat(SkewStep.class.getResource("SkewStep/help-" + field + ".html")).isNull();
        }
        assertThat(resource(type, "help.html")).isNotBlank();
        Views.assertCspClean("/io/jenkins/plugins/mlcicd/jenkins/data/" + type.getSimpleName() + "/config.jelly");
    }
}
