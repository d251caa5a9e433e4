package io.jenkins.plugins.mlcicd.lineage;

import java.util.List;

/**
 * How the training command ended.
 *
 * @param exitCode   the process's exit code; null when it could not be started, or when it was stopped
 *                   and its exit was never observed
 * @param timedOut   whether it was killed for exceeding the timeout
 * @param startError why it could not be started, or null
 * @param durationMs wall-clock time from start to exit
 * @param logTail    the last lines it wrote (stdout and stderr, interleaved by line)
 * @param aborted    whether it was stopped from outside (a CI build was aborted): the lineage records a
 *                   run that did not finish, rather than a failure of the training code
 */
public record CommandOutcome(Integer exitCode, boolean timedOut, String startError, long durationMs, List<String> logTail,
        boolean aborted) {
    public CommandOutcome {
        logTail = List.copyOf(logTail);
    }

    /** A command that ran to its end or its timeout. */
    public CommandOutcome(Integer exitCode, boolean timedOut, String startError, long durationMs, List<String> logTail) {
        this(exitCode, timedOut, startError, durationMs, logTail, false);
    }

    public boolean succeeded() {
        return exitCode != null && exitCode == 0 && !timedOut && !aborted;
    }

    public static CommandOutcome notStarted(String reason) {
        return new CommandOutcome(null, false, reason, 0, List.of());
    }

    /** A command stopped because its build was aborted; {@code exitCode} null when its end was not observed. */
    public static CommandOutcome aborted(Integer exitCode, long durationMs, List<String> logTail) {
        return new CommandOutcome(exitCode, false, null, durationMs, logTail, true);
    }
}
