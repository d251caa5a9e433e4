package io.jenkins.plugins.mlcicd.lineage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Describes the machine and, where a Python interpreter exists, its version and installed packages.
 * The interpreter is asked through an {@link Asker}: by default a process of this JVM, while a CI
 * system that runs the training inside a container asks through the same launcher as the command,
 * so that the packages recorded are the ones the command saw.
 */
public final class EnvironmentProbe {
    /** How long one question to the interpreter may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /**
     * What a program printed.
     *
     * @param exitCode its exit code, -1 when it could not be started or timed out
     * @param stdout   its standard output
     * @param problem  one line saying why it failed, or null
     */
    public record Answer(int exitCode, byte[] stdout, String problem) {
        boolean ok() {
            return exitCode == 0;
        }

        String text() {
            return new String(stdout, java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    /** Runs one program ({@code argv}) where the training command runs, and reports what it printed. */
    @FunctionalInterface
    public interface Asker {
        Answer ask(List<String> argv);
    }

    private EnvironmentProbe() {
    }

    /** The argument vectors the probe runs, in order (the second only when the first succeeded). */
    public static List<String> versionCommand(String python) {
        return List.of(python, "--version");
    }

    public static List<String> freezeCommand(String python) {
        return List.of(python, "-m", "pip", "freeze", "--all");
    }

    /** @param python the interpreter to ask (e.g. {@code python3} or a virtualenv's {@code bin/python}) */
    public static RuntimeEnvironment probe(String python, Path workDir) {
        return probe(python, argv -> {
            ProbeProcess.Output output = ProbeProcess.run(argv, workDir, TIMEOUT);
            return new Answer(output.exitCode(), output.stdout(), output.problem());
        });
    }

    /** Machine facts of this JVM; the interpreter's version and packages from {@code asker}. */
    public static RuntimeEnvironment probe(String python, Asker asker) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        int cpus = Runtime.getRuntime().availableProcessors();
        String pythonVersion = null;
        String pipDigest = null;
        String problem = null;
        Answer version = asker.ask(versionCommand(python));
        if (version.ok()) {
            pythonVersion = version.text();
            Answer freeze = asker.ask(freezeCommand(python));
            if (freeze.ok()) {
                pipDigest = ContentHasher.sha256Hex(freeze.stdout());
            } else {
                problem = "pip freeze failed: " + freeze.problem();
            }
        } else {
            problem = version.problem();
        }
        return new RuntimeEnvironment(os, System.getProperty("os.arch"), java, pythonVersion, pipDigest, problem, cpus);
    }
}
