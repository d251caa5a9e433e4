package io.jenkins.plugins.mlcicd.jenkins.train;

import static io.jenkins.plugins.mlcicd.jenkins.common.Views.constructorParameters;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.resource;
import static io.jenkins.plugins.mlcicd.jenkins.common.Views.setterFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.jenkins.common.Views;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every field has its form entry and help; the views are CSP clean. */
class TrainViewsTest {
    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        // parameter names are not compiled in; both constructors take (command, model, metrics)
        assertThat(constructorParameters(type)).containsExactly(String.class, String.class, String.class);
        fields.addAll(List.of("command", "model", "metrics"));
        fields.addAll(setterFields(type));
        return fields;
    }

    @Test
    void builderFieldsListIsCompleteAndEachHasAFormEntryAndHelp() throws IOException {
        assertThat(TrainBuilder.FIELDS).hasSameSizeAs(fields(TrainBuilder.class));
        String config = resource(TrainBuilder.class, "config.jelly");
        for (String field : TrainBuilder.FIELDS) {
            assertThat(config).contains("field=\"" + field + "\"");
            assertThat(resource(TrainBuilder.class, "help-" + field + ".html")).contains("<div>");
        }
        assertThat(resource(TrainBuilder.class, "help.html")).isNotBlank();
    }

    @Test
    void stepFieldsHaveHelpThroughTheBuilderOrTheirOwn() throws IOException {
        for (String field : TrainBuilder.STEP_FIELDS) {
            assertThat(TrainBuilder.FIELDS).contains(field);
        }
        List<String> own = new ArrayList<>(fields(TrainStep.class));
        own.removeAll(TrainBuilder.STEP_FIELDS);
        assertThat(own).containsExactly("registry");
        assertThat(resource(TrainStep.class, "help-registry.html")).contains("<div>");
        assertThat(resource(TrainStep.class, "help.html")).isNotBlank();
    }

    @Test
    void globalConfigurationHasHelpForEveryField() throws IOException {
        String config = resource(RegistryConfiguration.class, "config.jelly");
        for (String field : List.of("registryType", "filePath", "mlflowUrl", "credentialsId")) {
            assertThat(config).contains("field=\"" + field + "\"");
            assertThat(resource(RegistryConfiguration.class, "help-" + field + ".html")).contains("<div>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/io/jenkins/plugins/mlcicd/jenkins/train/TrainBuilder/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/train/TrainStep/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/train/RegistryConfiguration/config.jelly",
        "/io/jenkins/plugins/mlcicd/jenkins/train/ModelsAction/index.jelly"})
    void viewsEscapeByDefaultAndAreCspClean(String path) throws IOException {
        Views.assertCspClean(path);
    }
}
