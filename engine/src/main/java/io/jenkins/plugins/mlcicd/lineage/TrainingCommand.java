package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The user's training command and how to run it.
 *
 * @param line        the command as the user wrote it
 * @param shell       run through {@code sh -c} (or {@code cmd /c} on Windows) instead of splitting into words
 * @param workDir     directory the command runs in
 * @param environment variables added to the inherited environment
 * @param timeout     kill the command (and every process it started) after this long; null for no limit
 */
public record TrainingCommand(String line, boolean shell, Path workDir, Map<String, String> environment, Duration timeout) {
    public TrainingCommand {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(workDir, "workDir");
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        if (line.isBlank()) {
            throw new BadInputException("command: empty");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new BadInputException("timeout: must be positive, got " + timeout);
        }
    }

    /** The program and its arguments, as they are handed to the operating system. */
    public List<String> argv() {
        if (shell) {
            boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
            return windows ? List.of("cmd.exe", "/c", line) : List.of("/bin/sh", "-c", line);
        }
        List<String> words = WordSplitter.split(line);
        if (words.isEmpty()) {
            throw new BadInputException("command: no program in '" + line + "'");
        }
        return words;
    }
}
