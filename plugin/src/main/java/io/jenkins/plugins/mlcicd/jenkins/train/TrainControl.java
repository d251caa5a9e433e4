package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import java.io.Serializable;
import java.util.List;

/**
 * What {@code mlTrain}'s durable execution does next, decided from what it observed: no Jenkins calls,
 * so that every path (an ordinary end, the timeout, an abort, a controller restart, a process that
 * does not report its end after a stop) is unit tested. Kept as serialized state with the build, so
 * that a stop decided before a restart is carried out after it.
 *
 * <p>Times are milliseconds since the command was launched (wall clock, so a restart's downtime
 * counts towards the timeout, as it does for the process, which ran on).
 */
final class TrainControl implements Serializable {
    private static final long serialVersionUID = 1L;
    /**
     * How long a stopped command may take to report its end before the lineage is recorded without
     * its exit code: the durable task notices a killed wrapper only after a while, and an aborted
     * build must end promptly.
     */
    static final long STOP_GRACE_MS = 20_000;

    enum Phase {
        /** The command runs. */
        RUNNING,
        /** It was told to stop (timeout or abort); waiting for it to end. */
        STOPPING,
        /** The step has ended, or is ending. */
        FINISHED
    }

    /** Why the command was stopped. */
    enum Reason {
        TIMEOUT,
        ABORT
    }

    enum Action {
        /** Look again at the next poll. */
        POLL,
        /** Stop the command's process tree (and keep polling for its end). */
        STOP,
        /** The command has ended (or will not say so in time): record the lineage and end the step. */
        FINISH,
        /** The step has ended already, or the stop is under way. */
        NOTHING
    }

    /** Null for no limit. */
    private final Long timeoutMs;
    private Phase phase = Phase.RUNNING;
    private Reason reason;
    private long stopRequestedAtMs;

    TrainControl(Long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    synchronized Phase phase() {
        return phase;
    }

    synchronized Reason reason() {
        return reason;
    }

    /** A poll saw the command's exit status ({@code exit}, null while it runs) at {@code elapsedMs}. */
    synchronized Action onPoll(Integer exit, long elapsedMs) {
        if (phase == Phase.FINISHED) {
            return Action.NOTHING;
        }
        if (exit != null) {
            phase = Phase.FINISHED;
            return Action.FINISH;
        }
        if (phase == Phase.RUNNING && timeoutMs != null && elapsedMs >= timeoutMs) {
            stopping(Reason.TIMEOUT, elapsedMs);
            return Action.STOP;
        }
        if (phase == Phase.STOPPING && elapsedMs - stopRequestedAtMs >= STOP_GRACE_MS) {
            phase = Phase.FINISHED;
            return Action.FINISH;
        }
        return Action.POLL;
    }

    /** The build was aborted at {@code elapsedMs}. A timeout's stop under way stays one (the process is being killed). */
    synchronized Action onStop(long elapsedMs) {
        if (phase == Phase.RUNNING) {
            stopping(Reason.ABORT, elapsedMs);
            return Action.STOP;
        }
        return Action.NOTHING;
    }

    /**
     * The controller restarted: poll the same process again; a stop decided before the restart is sent
     * again (the restart may have come between the decision and the stop), its grace counted anew.
     */
    synchronized Action onResume(long elapsedMs) {
        return switch (phase) {
            case RUNNING -> Action.POLL;
            case STOPPING -> {
                stopRequestedAtMs = elapsedMs;
                yield Action.STOP;
            }
            case FINISHED -> Action.NOTHING;
        };
    }

    /** The step ended for a reason of its own (it could not launch, or failed). */
    synchronized void finished() {
        phase = Phase.FINISHED;
    }

    /** How the command ended, for its lineage: {@code exit} null when a stopped command did not report its end. */
    synchronized CommandOutcome outcome(Integer exit, long durationMs, List<String> logTail) {
        if (reason == Reason.ABORT) {
            return CommandOutcome.aborted(exit, durationMs, logTail);
        }
        return new CommandOutcome(exit, reason == Reason.TIMEOUT, null, durationMs, logTail);
    }

    private void stopping(Reason why, long elapsedMs) {
        phase = Phase.STOPPING;
        reason = why;
        stopRequestedAtMs = elapsedMs;
    }

    @Override
    public synchronized String toString() {
        return phase + (reason == null ? "" : " (" + reason.name().toLowerCase(java.util.Locale.ROOT) + ")")
                + (timeoutMs == null ? "" : ", timeout " + timeoutMs / 1000 + " s");
    }
}
