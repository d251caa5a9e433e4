package io.jenkins.plugins.mlcicd.shadow;

/**
 * Sends one model its requests on a thread of its own (so that neither model waits for the
 * other's answers) and hands every answer to the {@link Pairing}.
 */
interface ModelDriver {
    /** Where the reader puts this model's requests. */
    ReplayQueue queue();

    /**
     * Sends queued requests until the queue is drained and every answer is in, or the run stops
     * (then what is in flight is broken off and not counted). Runs on the model's own thread.
     */
    void run();

    /** Wakes the model's thread to look at the stop signal. Any thread. */
    void wakeup();
}
