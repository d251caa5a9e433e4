package io.jenkins.plugins.mlcicd.shadow;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request on its way to both models. The two models' threads each put their answer here; the
 * one that puts the second completes the pair (no lock, no hand-off to a third thread).
 */
final class PendingPair {
    private static final AtomicIntegerFieldUpdater<PendingPair> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(PendingPair.class, "pending");

    final RequestLog.Request request;
    /** When the request is due (latency counts from here when a rate is set), or 0: as soon as possible. */
    final long intendedNanos;
    private Answer baseline;
    private Answer candidate;
    @SuppressWarnings("unused") // through PENDING
    private volatile int pending = 2;

    PendingPair(RequestLog.Request request, long intendedNanos) {
        this.request = request;
        this.intendedNanos = intendedNanos;
    }

    /**
     * Puts one model's answer; true for the second answer, whose caller then owns the pair. The
     * volatile decrement publishes the first answer to the thread that puts the second.
     */
    boolean answer(boolean fromBaseline, Answer answer) {
        if (fromBaseline) {
            baseline = answer;
        } else {
            candidate = answer;
        }
        return PENDING.decrementAndGet(this) == 0;
    }

    Answer baseline() {
        return baseline;
    }

    Answer candidate() {
        return candidate;
    }
}
