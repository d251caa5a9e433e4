package io.jenkins.plugins.mlcicd.jenkins.canary;

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
class CanaryViewsTest {
    @ParameterizedTest
    @ValueSource(classes = {CanaryBuilder.class, CanaryStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(CanaryBuilder.FIELDS).containsExactlyInAnyOrderElementsOf(setterFields(type));
        assertThat(constructorParameters(type)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(classes = {CanaryBuilder.class, CanaryStep.class})
    void everyFieldHasAFormEntry(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : CanaryBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
        }
        assertThat(resource(type, "help.html")).isNotBlank();
    }

    @Test
    void everyFieldHasHelpWrittenOnce() throws IOException {
        for (String field : CanaryBuilder.FIELDS) {
            assertThat(resource(CanaryBuilder.class, "help-" + field + ".html")).contains("<div>");
            assertThat(CanaryStep.class.getResource("CanaryStep/help-" + field + ".html")).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/canary/CanaryBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/canary/CanaryStep/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/canary/CanaryAction/summary.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
