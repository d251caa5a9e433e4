package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.result.Verdict;
import java.util.Arrays;
import java.util.List;

/**
 * What the exit code of the engine's JVM means (DESIGN.md §3): a verdict's code (0 passed, 1 failed,
 * 3 warning, 4 inconclusive) means a result document was written; 2 means the input was refused and
 * the reason is the last {@code mlcicd: } line on standard error; anything else is a crash (killed,
 * no Java, a JVM that cannot start).
 */
public enum EngineExit {
    RESULT,
    BAD_INPUT,
    CRASH;

    /** The CLI's prefix of its one-line error messages ({@code cli.Main}). */
    static final String ERROR_PREFIX = "mlcicd: ";

    public static EngineExit of(int exitCode) {
        if (exitCode == 2) {
            return BAD_INPUT;
        }
        return Arrays.stream(Verdict.values()).anyMatch(v -> v.exitCode() == exitCode) ? RESULT : CRASH;
    }

    /**
     * The reason the CLI gave for refusing its input: the text of its last {@code mlcicd: } line, else the
     * last line it printed, else a pointer to the log.
     */
    public static String badInputMessage(String stderr) {
        List<String> lines = stderr == null ? List.of() : stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(ERROR_PREFIX)) {
                return lines.get(i).substring(ERROR_PREFIX.length()).strip();
            }
        }
        return lines.isEmpty() ? "the engine refused its input (exit code 2); see the build log"
                : lines.get(lines.size() - 1);
    }

    /** The last line of the JVM's standard error, for a crash's message, or null. */
    public static String lastLine(String stderr) {
        List<String> lines = stderr == null ? List.of() : stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? null : lines.get(lines.size() - 1);
    }
}
