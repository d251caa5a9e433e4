package io.jenkins.plugins.mlcicd.jenkins.data;

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
class DataViewsTest {
    @ParameterizedTest
    @ValueSource(classes = {DataValidateBuilder.class, DataValidateStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(DataValidateBuilder.FIELDS).containsAll(setterFields(type));
        assertThat(DataValidateBuilder.FIELDS).hasSize(setterFields(type).size() + constructorParameters(type).length);
    }

    @ParameterizedTest
    @ValueSource(classes = {DataValidateBuilder.class, DataValidateStep.class})
    void everyFieldHasAFormEntry(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : DataValidateBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
        }
        assertThat(resource(type, "help.html")).isNotBlank();
    }

    @Test
    void everyFieldHasHelpWrittenOnce() throws IOException {
        for (String field : DataValidateBuilder.FIELDS) {
            assertThat(resource(DataValidateBuilder.class, "help-" + field + ".html")).contains("<div>");
            // the step's descriptor redirects its field help to the builder's
            assertThat(DataValidateStep.class.getResource("DataValidateStep/help-" + field + ".html")).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/data/DataValidateBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/data/DataValidateStep/config.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
