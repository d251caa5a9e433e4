package io.jenkins.plugins.mlcicd.canary;

/**
 * Hears every change of the rollout after it is recorded in the state: the CLI persists the state
 * and the progress document and shows the live view; tests observe.
 */
public interface RolloutListener {
    /** Called after every transition and every analysis, with the state that now holds. */
    void changed(RolloutState state);
}
