package io.jenkins.plugins.mlcicd.jenkins.data;

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
class DataViewsTest {
    private static String resource(Class<?> owner, String name) throws IOException {
        try (InputStream in = owner.getResourceAsStream(owner.getSimpleName() + "/" + name)) {
            assertThat(in).as("%s/%s", owner.getSimpleName(), name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> setterFields(Class<?> type) {
        List<String> fields = new ArrayList<>();
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

    private static int constructorParameters(Class<?> type) {
        for (var constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor.getParameterCount();
            }
        }
        throw new AssertionError(type + " has no @DataBoundConstructor");
    }

    @ParameterizedTest
    @ValueSource(classes = {DataValidateBuilder.class, DataValidateStep.class})
    void fieldsListIsComplete(Class<?> type) {
        assertThat(DataValidateBuilder.FIELDS).containsAll(setterFields(type));
        assertThat(DataValidateBuilder.FIELDS).hasSize(setterFields(type).size() + constructorParameters(type));
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
        String view;
        try (InputStream in = DataViewsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            view = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(view).startsWith("<?jelly escape-by-default='true'?>");
        assertThat(view).doesNotContain("<script", "style=", "javascript:");
        assertThat(view).doesNotContainPattern("<[^>]*\\son[a-z]+=");
    }
}
