package io.jenkins.plugins.mlcicd.offline;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Describable;
import hudson.tasks.Builder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerProxy;

/**
 * What plugin-pom's generated InjectedTest and a Jenkins maintainer check, as far as it can be checked
 * without Jenkins, over every class and view of ../plugin: each new step, builder, action or view is
 * covered without touching this test.
 */
class PluginConventionsTest {
    private static final String ESCAPE_BY_DEFAULT = "<?jelly escape-by-default='true'?>";

    @Test
    void everyPluginClassIsInThePluginPackage() {
        // plugin-offline's SpotBugs analyses this package only (the stand-ins are outside it)
        assertThat(PluginClasses.sourceTypeNames()).isNotEmpty()
                .allSatisfy(name -> assertThat(name).startsWith(PluginClasses.PACKAGE + "."));
    }

    @Test
    void everyJellyViewIsXmlAndEscapesByDefault() throws Exception {
        List<Path> views;
        try (Stream<Path> files = Files.walk(PluginClasses.RESOURCES)) {
            views = files.filter(f -> f.toString().endsWith(".jelly")).sorted().toList();
        }
        assertThat(views).hasSizeGreaterThan(3);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Path view : views) {
            try (InputStream in = Files.newInputStream(view)) {
                factory.newDocumentBuilder().parse(in, view.toString());
            } catch (Exception e) {
                throw new AssertionError(view + " is not well-formed XML: " + e.getMessage(), e);
            }
            assertThat(Files.readString(view, StandardCharsets.UTF_8)).as(view.toString()).startsWith(ESCAPE_BY_DEFAULT);
        }
    }

    @Test
    void everyExtensionCanBeCreatedByJenkins() {
        List<Class<?>> extensions = PluginClasses.all().stream().filter(c -> c.isAnnotationPresent(Extension.class)).toList();
        assertThat(extensions).isNotEmpty();
        for (Class<?> extension : extensions) {
            assertThat(Modifier.isAbstract(extension.getModifiers())).as(extension + " is abstract").isFalse();
            assertThat(!extension.isMemberClass() || Modifier.isStatic(extension.getModifiers()))
                    .as(extension + " is an inner (non-static) class").isTrue();
            assertThat(Modifier.isPublic(extension.getModifiers())).as(extension + " is not public").isTrue();
            boolean noArgs = Stream.of(extension.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
            boolean bound = Describable.class.isAssignableFrom(extension) && dataBoundConstructor(extension) != null;
            assertThat(noArgs || bound).as(extension + ": no public no-argument constructor (nor a @DataBoundConstructor)").isTrue();
        }
    }

    @Test
    void everyStepAndBuilderHasHelpForItselfAndEachField() {
        List<Class<?>> configurables = PluginClasses.all().stream()
                .filter(c -> Step.class.isAssignableFrom(c) || Builder.class.isAssignableFrom(c))
                .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .toList();
        assertThat(configurables).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : configurables) {
            if (!Files.exists(PluginClasses.resourceDirectory(type).resolve("help.html"))) {
                missing.add(type.getName() + ": help.html");
            }
            for (String field : fields(type)) {
                if (helpFor(type, field) == null) {
                    missing.add(type.getName() + ": help-" + field + ".html");
                }
            }
        }
        assertThat(missing).as("help files").isEmpty();
    }

    @Test
    void everyActionWithAPageHasAnIndexView() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : PluginClasses.all()) {
            if (!Action.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers()) || !hasOwnUrl(type)) {
                continue;
            }
            Class<?> page = type;
            if (StaplerProxy.class.isAssignableFrom(type)) {
                // the page is the target's; its declared type must say which (not Object)
                page = method(type, "getTarget").getReturnType();
                assertThat(page).as(type + ".getTarget() must declare the page's type").isNotEqualTo(Object.class);
            }
            if (view(page, "index.jelly") == null) {
                missing.add(type.getName() + " (page " + page.getName() + "): index.jelly");
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noDescribableSymbolIsAStepFunctionName() {
        // a builder named like a step never wins in Pipeline, and the snippet generator falls back to step([$class: …])
        Map<String, String> functions = new TreeMap<>();
        Map<String, String> symbols = new TreeMap<>();
        for (Class<?> type : PluginClasses.all()) {
            if (StepDescriptor.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                StepDescriptor descriptor = (StepDescriptor) PluginClasses.withoutConstructor(type);
                functions.put(descriptor.getFunctionName(), type.getName());
            }
            Symbol symbol = type.getAnnotation(Symbol.class);
            if (symbol != null) {
                for (String name : symbol.value()) {
                    assertThat(symbols.put(name, type.getName())).as("@Symbol(\"%s\") twice", name).isNull();
                }
            }
        }
        assertThat(functions).isNotEmpty();
        assertThat(symbols.keySet()).as("symbols %s vs step functions %s", symbols, functions).doesNotContainAnyElementsOf(functions.keySet());
    }

    /** Fields of the form: @DataBoundConstructor parameters and @DataBoundSetter properties, superclasses included. */
    static Set<String> fields(Class<?> type) {
        Set<String> fields = new LinkedHashSet<>();
        Constructor<?> constructor = dataBoundConstructor(type);
        assertThat(constructor).as(type + " has no @DataBoundConstructor").isNotNull();
        for (Parameter parameter : constructor.getParameters()) {
            assertThat(parameter.isNamePresent()).as("compile with -parameters").isTrue();
            fields.add(parameter.getName());
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")) {
                    String name = method.getName().substring(3);
                    fields.add(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1));
                }
            }
        }
        return fields;
    }

    /**
     * Where Jenkins finds a field's help: {@code help-<field>.html} (or {@code .jelly}) next to the class
     * or one of its superclasses; for a step also its package's builder's, which MlStepDescriptor
     * redirects to (the help is written once for both front ends).
     */
    static Path helpFor(Class<?> type, String field) {
        for (String name : List.of("help-" + field + ".html", "help-" + field + ".jelly")) {
            Path found = view(type, name);
            if (found != null) {
                return found;
            }
            if (Step.class.isAssignableFrom(type)) {
                for (Class<?> builder : PluginClasses.all()) {
                    if (Builder.class.isAssignableFrom(builder) && builder.getPackage().equals(type.getPackage())) {
                        Path redirected = view(builder, name);
                        if (redirected != null) {
                            return redirected;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** A view or help file of the class or, as Stapler looks them up, of a superclass. */
    private static Path view(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c.getName().startsWith(PluginClasses.PACKAGE); c = c.getSuperclass()) {
            Path file = PluginClasses.resourceDirectory(c).resolve(name);
            if (Files.exists(file)) {
                return file;
            }
        }
        return null;
    }

    private static boolean hasOwnUrl(Class<?> type) {
        return method(type, "getUrlName").getDeclaringClass().getName().startsWith(PluginClasses.PACKAGE);
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type + " has no " + name + "()", e);
        }
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        return Stream.of(type.getConstructors()).filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElse(null);
    }

    @Test
    void theHelpLookupFindsOnlyWhatExists() throws IOException {
        // the checks above must be able to fail: a field without help is reported
        Class<?> anyStep = PluginClasses.all().stream()
                .filter(c -> Step.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())).findFirst().orElseThrow();
        assertThat(helpFor(anyStep, "noSuchField")).isNull();
        assertThat(helpFor(anyStep, fields(anyStep).iterator().next())).isNotNull();
    }
}
