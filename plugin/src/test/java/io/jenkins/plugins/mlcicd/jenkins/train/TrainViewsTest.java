package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** Every field has its form entry and help; the views are CSP clean. */
class TrainViewsTest {
    private static String resource(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "/" + name)) {
            assertThat(in).as("%s/%s", owner.getSimpleName(), name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        for (var constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                // parameter names are not compiled in; both constructors take (command, model, metrics)
                assertThat(constructor.getParameterTypes()).containsExactly(String.class, String.class, String.class);
                fields.addAll(List.of("command", "model", "metrics"));
            }
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class)) {
                    String name = method.getName().substring(3);
                    fields.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
                }
            }
        }
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
        try (InputStream in = TrainViewsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String view = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(view).startsWith("<?jelly escape-by-default='true'?>");
            assertThat(view).doesNotContain("<script").doesNotContain("style=").doesNotContainPattern(" on[a-z]+=");
        }
    }
}
