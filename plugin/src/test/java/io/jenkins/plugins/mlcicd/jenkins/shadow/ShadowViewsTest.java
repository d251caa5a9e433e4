package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static io.jenkins.plugins.mlcicd.jenkins.common.Views.constructorParameters;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.resource;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.setterFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.Views;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field has its form entry and help; the views are CSP clean; only the step has a symbol. */
class ShadowViewsTest {
    @ParameterizedTest
    @ValueSource(classes = {ShadowBuilder.class, ShadowStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(ShadowBuilder.FIELDS).containsExactlyInAnyOrderElementsOf(setterFields(type));
        assertThat(constructorParameters(type)).isEmpty();
        assertThat(ShadowBuilder.FIELDS).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @ValueSource(classes = {ShadowBuilder.class, ShadowStep.class})
    void everyFieldHasAFormEntry(Class<?> type) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : ShadowBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
        }
        assertThat(config).contains("<f:property field=\"baseline\"/>", "<f:property field=\"candidate\"/>");
        assertThat(resource(type, "help.html")).contains("<div>");
    }

    @Test
    void everyFieldHasHelpWrittenOnce() throws IOException {
        for (String field : ShadowBuilder.FIELDS) {
            assertThat(resource(ShadowBuilder.class, "help-" + field + ".html")).contains("<div>");
            // the step's descriptor redirects its field help to the builder's
            assertThat(ShadowStep.class.getResource("ShadowStep/help-" + field + ".html")).isNull();
        }
    }

    @Test
    void theEndpointHasItsFormAndHelp() throws IOException {
        List<String> fields = setterFields(ShadowEndpoint.class);
        assertThat(fields).containsExactlyInAnyOrder("credentialsId", "headers");
        assertThat(constructorParameters(ShadowEndpoint.class)).containsExactly(String.class);
        String config = resource(ShadowEndpoint.class, "config.jelly");
        for (String field : List.of("url", "credentialsId", "headers")) {
            assertThat(config).contains("field=\"" + field + "\"");
            assertThat(resource(ShadowEndpoint.class, "help-" + field + ".html")).contains("<div>");
        }
    }

    @Test
    void theStepIsNamedByItsFunctionNameAndNeitherCarriesASymbolOfThatName() {
        assertThat(ShadowStep.FUNCTION_NAME).isEqualTo("mlShadowEval");
        assertThat(ShadowStep.DescriptorImpl.class.getAnnotation(Symbol.class)).isNull();
        assertThat(ShadowBuilder.DescriptorImpl.class.getAnnotation(Symbol.class)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/shadow/ShadowBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/shadow/ShadowStep/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/shadow/ShadowEndpoint/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/shadow/ShadowAction/summary.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
