package io.jenkins.plugins.mlcicd.shadow;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where both models' answers go: each answer into its model's statistics, each completed pair into
 * the sink. Called from both models' threads; only the sink is serialized. A sink that fails (a
 * full disk under the score spool) stops the run, and {@link #failure()} says why.
 */
final class Pairing {
    private final ModelStats baseline;
    private final ModelStats candidate;
    private final PairSink sink;
    private final StopSignal stop;
    private final Object sinkLock = new Object();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    Pairing(ModelStats baseline, ModelStats candidate, PairSink sink, StopSignal stop) {
        this.baseline = baseline;
        this.candidate = candidate;
        this.sink = sink;
        this.stop = stop;
    }

    /** One model answered one request. */
    void answered(PendingPair pair, boolean fromBaseline, Answer answer) {
        if (stop.stopped()) {
            // an exchange broken off by the stop says nothing about the model
            return;
        }
        (fromBaseline ? baseline : candidate).record(answer);
        if (pair.answer(fromBaseline, answer)) {
            try {
                synchronized (sinkLock) {
                    sink.accept(pair.request.id(), pair.request.slice(), pair.baseline(), pair.candidate());
                }
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    /** Stops the run for {@code e}; the first failure is the one reported. */
    void failed(RuntimeException e) {
        if (failure.compareAndSet(null, e)) {
            stop.stop("failed: " + e.getMessage());
        }
    }

    /** What made the run fail, or null. */
    RuntimeException failure() {
        return failure.get();
    }
}
