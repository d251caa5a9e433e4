package io.jenkins.plugins.mlcicd.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classes compiled from ../plugin/src/main/java (not the stand-ins), found from the source files,
 * so that every check over them covers a class the day it is added.
 */
final class PluginClasses {
    /** The plugin's sources and resources, relative to plugin-offline (surefire's working directory). */
    static final Path SOURCES = Path.of("..", "plugin", "src", "main", "java");
    static final Path RESOURCES = Path.of("..", "plugin", "src", "main", "resources");
    /** Where every plugin class lives; SpotBugs' onlyAnalyze in plugin-offline/pom.xml relies on it. */
    static final String PACKAGE = "io.jenkins.plugins.mlcicd.jenkins";

    private PluginClasses() {
    }

    /** The top-level types of the source files. */
    static List<String> sourceTypeNames() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                    .map(f -> SOURCES.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.java$", ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every class of the plugin: the top-level types and all their nested ones. */
    static List<Class<?>> all() {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : sourceTypeNames()) {
            try {
                addWithNested(Class.forName(name, false, PluginClasses.class.getClassLoader()), classes);
            } catch (ClassNotFoundException e) {
                throw new AssertionError("compiled from " + name + ".java but not on the class path", e);
            }
        }
        return classes;
    }

    private static void addWithNested(Class<?> type, List<Class<?>> into) {
        into.add(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            addWithNested(nested, into);
        }
    }

    /** The resource directory of a class's views and help files. */
    static Path resourceDirectory(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/').replace('$', '/'));
    }

    /**
     * An instance made without running a constructor (the stand-in base classes' methods throw), for
     * reading what a method returns from constants only, such as a step descriptor's function name.
     */
    @SuppressWarnings("unchecked")
    static <T> T withoutConstructor(Class<T> type) {
        try {
            Constructor<?> constructor = sun.reflect.ReflectionFactory.getReflectionFactory()
                    .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
            return (T) constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot instantiate " + type.getName(), e);
        }
    }
}
