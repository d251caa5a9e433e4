package io.jenkins.plugins.mlcicd.shadow;

import java.io.Closeable;

/** Sends requests to one model on one connection (one worker thread) and turns responses into answers. */
interface ModelCaller extends Closeable {
    /**
     * Sends {@code body}; the answer's latency runs from {@code startNanos} (the intended send time
     * when a rate is set, so that a stalled server cannot hide its queueing delay) to the end of the
     * response. The request's deadline is {@code deadlineNanos}.
     */
    Answer call(byte[] body, long startNanos, long deadlineNanos);

    /** Ends the current call as a timeout if it is past its deadline (called by a reaper thread). */
    default void expire(long nowNanos) {
    }

    /** Breaks a blocked call from another thread (the run is stopping). */
    void abort();

    @Override
    void close();
}
