package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** What the views tests of every step check: resources next to a class, bound fields, CSP-clean Jelly. */
public final class Views {
    private Views() {
    }

    /** The resource {@code <Owner>/<name>} as text; fails the test when it does not exist. */
    public static String resource(Class<?> owner, String name) throws IOException {
        return text(owner, owner.getSimpleName() + "/" + name);
    }

    /** Names of the fields bound through {@code @DataBoundSetter}s of the type and its superclasses. */
    public static List<String> setterFields(Class<?> type) {
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

    /** The parameter types of the type's {@code @DataBoundConstructor}. */
    public static Class<?>[] constructorParameters(Class<?> type) {
        for (var constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor.getParameterTypes();
            }
        }
        throw new AssertionError(type + " has no @DataBoundConstructor");
    }

    /** A Jelly view escapes by default and has no script, inline style or event-handler attribute. */
    public static void assertCspClean(String absolutePath) throws IOException {
        String view = text(Views.class, absolutePath);
        assertThat(view).as(absolutePath).startsWith("<?jelly escape-by-default='true'?>");
        assertThat(view).as(absolutePath).doesNotContain("<script", "style=", "javascript:");
        assertThat(view).as(absolutePath).doesNotContainPattern("<[^>]*\\son[a-z]+=");
    }

    private static String text(Class<?> owner, String path) throws IOException {
        try (InputStream in = owner.getResourceAsStream(path)) {
            assertThat(in).as("resource %s of %s", path, owner.getSimpleName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
