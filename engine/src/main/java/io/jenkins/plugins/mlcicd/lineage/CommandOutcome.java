package io.jenkins.plugins.mlcicd.lineage;

import java.util.List;

/**
 * How the training command ended.
 *
 * @param exitCode   the process's exit code; null when it could not be started
 * @param timedOut   whether it was killed for exceeding the timeout
 * @param startError why it could not be started, or null
 * @param durationMs wall-clock time from start to exit
 * @param logTail    the last lines it wrote (stdout and stderr, interleaved by line)
 */
public record CommandOutcome(Integer exitCode, boolean timedOut, String startError, long durationMs, List<String> logTail) {
    public CommandOutcome {
        logTail = List.copyOf(logTail);
    }

    public boolean succeeded() {
        return exitCode != null && exitCode == 0 && !timedOut;
    }

    public static CommandOutcome notStarted(String reason) {
        return new CommandOutcome(null, false, reason, 0, List.of());
    }
}
