package io.jenkins.plugins.mlcicd.shadow;

/** Receives both models' answers to one request; called by one thread at a time. */
@FunctionalInterface
public interface PairSink {
    void accept(String id, String slice, Answer baseline, Answer candidate);
}
