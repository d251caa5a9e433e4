package io.jenkins.plugins.mlcicd.lineage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Finds a program the way a shell would, in a given search path rather than this process's. */
public final class Executables {
    private Executables() {
    }

    /**
     * The program as {@code searchPath} finds it. A caller whose {@code PATH} differs from the
     * command's (the Jenkins agent's JVM lacks what a build added with {@code withEnv} or a virtualenv's
     * {@code bin}) resolves a bare name here, so the environment probe asks the interpreter the
     * command's shell will run. A name with a directory is taken relative to {@code workDir}; a name
     * found nowhere is returned as given, for the probe to report.
     *
     * @param searchPath entries separated by {@link File#pathSeparator}; null or blank for none
     */
    public static String resolve(String program, String searchPath, Path workDir) {
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = workDir.resolve(program);
            return Files.isRegularFile(path) ? path.toString() : program;
        }
        if (searchPath == null || searchPath.isBlank()) {
            return program;
        }
        boolean windows = File.pathSeparatorChar == ';';
        for (String dir : searchPath.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : windows ? List.of(program + ".exe", program) : List.of(program)) {
                try {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate.toString();
                    }
                } catch (InvalidPathException e) {
                    // a malformed PATH entry finds nothing
                }
            }
        }
        return program;
    }
}
