package io.jenkins.plugins.mlcicd.jenkins.gate;

import static io.jenkins.plugins.mlcicd.jenkins.common.Views.constructorParameters;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.resource;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.setterFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.Views;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field has its form entry and help; the views are CSP clean. */
class GateViewsTest {
    @ParameterizedTest
    @ValueSource(classes = {GateBuilder.class, GateStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(GateBuilder.FIELDS).containsAll(setterFields(type));
        assertThat(GateBuilder.FIELDS).hasSize(setterFields(type).size() + constructorParameters(type).length);
    }

    @ParameterizedTest
    @ValueSource(classes = {GateBuilder.class, GateStep.class})
    void everyFieldHasAFormEntry(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : GateBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
        }
        assertThat(resource(type, "help.html")).isNotBlank();
    }

    @Test
    void everyFieldHasHelpWrittenOnce() throws IOException {
        for (String field : GateBuilder.FIELDS) {
            assertThat(resource(GateBuilder.class, "help-" + field + ".html")).contains("<div>");
            // the step's descriptor redirects its field help to the builder's
            assertThat(GateStep.class.getResource("GateStep/help-" + field + ".html")).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/gate/GateBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/gate/GateStep/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/common/MlResultAction/summary.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/common/ResultPage/index.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
