package io.jenkins.plugins.mlcicd.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Jenkinsfiles a user copies (under {@code examples/}) parse as Groovy, call only ML steps this
 * plugin has, with only the named parameters those steps bind, and never the repository's own
 * {@code ./mlcicd} script, which a user's agent does not have. Steps and their parameters are read
 * from the plugin's classes (every {@link Step} with a {@code FUNCTION_NAME}, its
 * {@link DataBoundConstructor} parameters and {@link DataBoundSetter}s), so a renamed parameter
 * fails here rather than in a user's first build.
 */
class JenkinsfileStepsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @Test
    void everyExampleJenkinsfileCallsExistingStepsWithExistingParameters() throws Exception {
        Map<String, Class<?>> steps = steps();
        assertThat(steps).as("ML steps found in the plugin's classes").containsKeys("mlDataValidate", "mlTrain", "mlGate");
        List<Path> files = jenkinsfiles();
        assertThat(files).as("Jenkinsfiles under examples/").isNotEmpty();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Path file : files) {
            for (Call call : calls(file)) {
                if (call.text().contains("./mlcicd")) {
                    problems.add(call.where() + ": runs ./mlcicd, which a user's agent does not have; use the ML steps");
                }
                if (!call.method().startsWith("ml")) {
                    continue;
                }
                calls++;
                Class<?> step = steps.get(call.method());
                if (step == null) {
                    problems.add(call.where() + ": no step " + call.method() + " (the plugin has " + steps.keySet() + ")");
                    continue;
                }
                checkNames(call.where() + ": " + call.method(), step, call.arguments(), problems);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(calls).as("ML step calls checked").isPositive();
    }

    @Test
    void aWrongParameterOrStepIsFound() throws Exception {
        Path bad = Files.createTempFile("Jenkinsfile", ".groovy");
        try {
            Files.writeString(bad, "node { mlGate(policy: 'p.yaml', candidat: 'x.json'); mlEvalute(x: 1); sh './mlcicd demo' }");
            Map<String, Class<?>> steps = steps();
            List<String> problems = new ArrayList<>();
            for (Call call : calls(bad)) {
                if (call.text().contains("./mlcicd")) {
                    problems.add("mlcicd");
                }
                Class<?> step = steps.get(call.method());
                if (call.method().startsWith("ml") && step == null) {
                    problems.add("no step " + call.method());
                } else if (step != null) {
                    checkNames(call.method(), step, call.arguments(), problems);
                }
            }
            assertThat(problems).hasSize(3).anyMatch(p -> p.contains("'candidat'")).contains("no step mlEvalute", "mlcicd");
        } finally {
            Files.delete(bad);
        }
    }

    /** A call in a Jenkinsfile: method name, named arguments (nested maps kept), and its constant text. */
    private record Call(String where, String method, Map<String, Object> arguments, String text) {
    }

    private static void checkNames(String where, Class<?> type, Map<String, Object> arguments, List<String> problems) {
        Map<String, Class<?>> bound = boundNames(type);
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            Class<?> parameterType = bound.get(argument.getKey());
            if (parameterType == null) {
                problems.add(where + ": no parameter '" + argument.getKey() + "' (it has " + new TreeSet<>(bound.keySet()) + ")");
            } else if (argument.getValue() instanceof Map<?, ?> nested && isBindable(parameterType)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> keys = (Map<String, Object>) nested;
                checkNames(where + "." + argument.getKey(), parameterType, keys, problems);
            }
        }
    }

    /** A type whose map form Jenkins binds by its own constructor and setters (a describable), not a plain Map. */
    private static boolean isBindable(Class<?> type) {
        return Arrays.stream(type.getConstructors()).anyMatch(c -> c.isAnnotationPresent(DataBoundConstructor.class));
    }

    /** The names Jenkins binds on a type, with their types. */
    static Map<String, Class<?>> boundNames(Class<?> type) {
        Map<String, Class<?>> names = new TreeMap<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter parameter : constructor.getParameters()) {
                    assertThat(parameter.isNamePresent()).as(type.getName() + " must be compiled with -parameters").isTrue();
                    names.put(parameter.getName(), parameter.getType());
                }
            }
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class) && method.getName().startsWith("set")
                        && method.getParameterCount() == 1) {
                    String name = method.getName().substring(3);
                    names.put(name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1), method.getParameterTypes()[0]);
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataBoundSetter.class)) {
                    names.put(field.getName(), field.getType());
                }
            }
        }
        return names;
    }

    /** Every concrete Step of this plugin by its function name. */
    static Map<String, Class<?>> steps() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(JenkinsfileStepsTest.class.getClassLoader()
                .getResource("io/jenkins/plugins/mlcicd/jenkins/common/MlStep.class").toURI())
                .getParent().getParent();
        Map<String, Class<?>> steps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "io.jenkins.plugins.mlcicd.jenkins." + root.relativize(file).toString()
                        .replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, JenkinsfileStepsTest.class.getClassLoader());
                if (Step.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    try {
                        Field function = type.getField("FUNCTION_NAME");
                        steps.put((String) function.get(null), type);
                    } catch (NoSuchFieldException | IllegalAccessException e) {
                        throw new AssertionError(type.getName() + " has no public FUNCTION_NAME, the house convention", e);
                    }
                }
            }
        }
        return steps;
    }

    private static List<Path> jenkinsfiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().startsWith("Jenkinsfile")).sorted().toList();
        }
    }

    private static List<Call> calls(Path file) throws IOException {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        unit.compile(Phases.CONVERSION);
        // a script's body is both the module's statement block and its script class's run(): a set keeps each call once
        Set<Call> calls = new LinkedHashSet<>();
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                Map<String, Object> named = new TreeMap<>();
                StringBuilder text = new StringBuilder();
                if (call.getArguments() instanceof TupleExpression tuple) {
                    for (Expression argument : tuple.getExpressions()) {
                        if (argument instanceof MapExpression map) {
                            named.putAll(keys(map));
                        }
                        text.append(constantText(argument));
                    }
                }
                calls.add(new Call(file + ":" + call.getLineNumber(), call.getMethodAsString(), named, text.toString()));
                super.visitMethodCallExpression(call);
            }
        };
        for (ModuleNode module : unit.getAST().getModules()) {
            module.getStatementBlock().visit(visitor);
            for (ClassNode type : module.getClasses()) {
                for (MethodNode method : type.getMethods()) {
                    if (method.getCode() != null) {
                        method.getCode().visit(visitor);
                    }
                }
            }
        }
        return List.copyOf(calls);
    }

    private static Map<String, Object> keys(MapExpression map) {
        Map<String, Object> keys = new TreeMap<>();
        for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            String key = entry.getKeyExpression().getText();
            keys.put(key, entry.getValueExpression() instanceof MapExpression nested ? keys(nested) : entry.getValueExpression().getText());
        }
        return keys;
    }

    private static String constantText(Expression expression) {
        if (expression instanceof ConstantExpression constant && constant.getValue() instanceof String s) {
            return s;
        }
        if (expression instanceof GStringExpression gstring) {
            return gstring.getText();
        }
        return "";
    }
}
