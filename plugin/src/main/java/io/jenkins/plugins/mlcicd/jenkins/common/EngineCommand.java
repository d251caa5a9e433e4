package io.jenkins.plugins.mlcicd.jenkins.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of the engine's child JVM on the agent:
 * {@code <java> --add-opens=java.base/java.nio=ALL-UNNAMED [-Djava.io.tmpdir=<work dir>] [$MLCICD_JAVA_OPTS] -cp <cached jars>
 * io.jenkins.plugins.mlcicd.cli.Main <arguments>} (the Spark Connect client's Arrow reader needs {@code java.nio} open;
 * the flag is harmless when no Spark source is used).
 * The CLI is the request format: what the step asks for is exactly what {@code mlcicd} would be asked
 * on a command line, so the same contract (options, exit codes, result document) holds everywhere.
 *
 * <p>Which {@code java} runs it, from the build's environment on the agent (the first that is set):
 * {@value #JAVA_ENV} (the path of a java executable), {@code $JAVA_HOME/bin/java} (so a {@code tools}
 * JDK or {@code withEnv} choose it), else {@code java} found on the agent's {@code PATH}. It must be
 * Java 17 or newer.
 */
public final class EngineCommand {
    /** Environment variable naming the java executable of the engine's JVM. */
    public static final String JAVA_ENV = "MLCICD_JAVA";
    /** Environment variable with extra JVM options, separated by spaces (e.g. {@code -Xmx4g}); no quoting. */
    public static final String JAVA_OPTS_ENV = "MLCICD_JAVA_OPTS";
    public static final String MAIN_CLASS = "io.jenkins.plugins.mlcicd.cli.Main";
    /** What {@code mlcicd.jar}'s manifest says as {@code Add-Opens}, for a class path launch. */
    public static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    private EngineCommand() {
    }

    /**
     * @param env           the build's environment
     * @param fileSeparator the agent's {@code File.separator}
     * @param pathSeparator the agent's {@code File.pathSeparator}
     * @param classpath     absolute paths of the cached jars on the agent
     * @param tmpDir        the JVM's temporary directory (DuckDB's work database and spill files), or null
     * @param arguments     the {@code mlcicd} command and its options
     */
    public static List<String> build(Map<String, String> env, String fileSeparator, String pathSeparator,
                                     List<String> classpath, String tmpDir, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java(env, fileSeparator));
        command.add(ADD_OPENS);
        if (tmpDir != null) {
            command.add("-Djava.io.tmpdir=" + tmpDir);
        }
        // after ours, so that a user's -Djava.io.tmpdir wins
        command.addAll(javaOptions(env));
        command.add("-cp");
        command.add(String.join(pathSeparator, classpath));
        command.add(MAIN_CLASS);
        command.addAll(arguments);
        return command;
    }

    /**
     * The engine JVM's environment: the build's, with {@code extra} (secrets such as a database login)
     * on top. A new map: the build's environment is shared with later steps and must not keep them.
     */
    public static Map<String, String> environment(Map<String, String> buildEnvironment, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(buildEnvironment);
        env.putAll(extra);
        return env;
    }

    /** The java executable, as {@link EngineCommand} explains. */
    public static String java(Map<String, String> env, String fileSeparator) {
        String explicit = value(env, JAVA_ENV);
        if (explicit != null) {
            return explicit;
        }
        String home = value(env, "JAVA_HOME");
        if (home != null) {
            while (home.length() > 1 && (home.endsWith("/") || home.endsWith("\\"))) {
                home = home.substring(0, home.length() - 1);
            }
            return home + fileSeparator + "bin" + fileSeparator + "java";
        }
        return "java";
    }

    /** Where {@link #java} took the executable from, for the build log. */
    public static String javaSource(Map<String, String> env) {
        if (value(env, JAVA_ENV) != null) {
            return JAVA_ENV;
        }
        return value(env, "JAVA_HOME") != null ? "JAVA_HOME" : "PATH";
    }

    static List<String> javaOptions(Map<String, String> env) {
        String options = value(env, JAVA_OPTS_ENV);
        return options == null ? List.of() : Arrays.asList(options.split("\\s+"));
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
