package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * After an abort: waits, for a bounded time, for the result document the engine writes as it stops on
 * SIGTERM. The document may not be there yet (a remote process is stopped on the agent after the
 * controller's thread has moved on) or be half written; both are read again until the time is up.
 * Its exit code is a signal's, so the document is not checked against it.
 */
public final class ResultOnAbort {
    /** How long to sleep between two looks. */
    public static final long POLL_MILLIS = 200;

    /** The document's text when the file exists, else null. */
    @FunctionalInterface
    public interface Read {
        String textIfPresent() throws IOException, InterruptedException;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private ResultOnAbort() {
    }

    /**
     * @return the document, or null when none could be read within {@code grace}
     * @throws InterruptedException when interrupted again while waiting
     */
    public static ResultDocument await(Read read, Duration grace, Sleeper sleeper, LongSupplier nanoTime)
            throws IOException, InterruptedException {
        long deadline = nanoTime.getAsLong() + grace.toNanos();
        while (true) {
            String text = read.textIfPresent();
            if (text != null) {
                try {
                    return EngineResults.parseAny(AgentEngine.RESULT_FILE, text);
                } catch (BadInputException | IllegalStateException halfWritten) {
                    // read again: the engine may still be writing it
                }
            }
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0) {
                return null;
            }
            sleeper.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
        }
    }
}
