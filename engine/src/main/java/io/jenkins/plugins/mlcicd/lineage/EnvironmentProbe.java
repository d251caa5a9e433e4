package io.jenkins.plugins.mlcicd.lineage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Describes the machine and, where a Python interpreter exists, its version and installed packages. */
public final class EnvironmentProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private EnvironmentProbe() {
    }

    /** @param python the interpreter to ask (e.g. {@code python3} or a virtualenv's {@code bin/python}) */
    public static RuntimeEnvironment probe(String python, Path workDir) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        int cpus = Runtime.getRuntime().availableProcessors();
        String pythonVersion = null;
        String pipDigest = null;
        String problem = null;
        ProbeProcess.Output version = ProbeProcess.run(List.of(python, "--version"), workDir, TIMEOUT);
        if (version.ok()) {
            pythonVersion = version.text();
            ProbeProcess.Output freeze = ProbeProcess.run(List.of(python, "-m", "pip", "freeze", "--all"), workDir, TIMEOUT);
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
