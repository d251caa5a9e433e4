package io.jenkins.plugins.mlcicd.jenkins.eval;

import static io.jenkins.plugins.mlcicd.jenkins.common.Views.constructorParameters;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.resource;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.setterFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.Views;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field has its form entry and help; the views escape by default and are CSP clean. */
class EvalViewsTest {
    @ParameterizedTest
    @ValueSource(classes = {EvaluateBuilder.class, EvaluateStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(EvaluateBuilder.FIELDS).containsAll(setterFields(type));
        assertThat(EvaluateBuilder.FIELDS).hasSize(setterFields(type).size() + constructorParameters(type).length);
    }

    @ParameterizedTest
    @ValueSource(classes = {EvaluateBuilder.class, EvaluateStep.class})
    void everyFieldHasAFormEntry(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : EvaluateBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
        }
        assertThat(resource(type, "help.html")).isNotBlank();
    }

    @Test
    void everyFieldHasHelpWrittenOnce() throws IOException {
        for (String field : EvaluateBuilder.FIELDS) {
            assertThat(resource(EvaluateBuilder.class, "help-" + field + ".html")).contains("<div>");
            assertThat(EvaluateStep.class.getResource("EvaluateStep/help-" + field + ".html")).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/eval/EvaluateBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/eval/EvaluateStep/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/eval/EvaluationAction/summary.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/eval/EvaluationTrendAction/index.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
