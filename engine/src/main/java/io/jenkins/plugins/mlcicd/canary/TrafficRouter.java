package io.jenkins.plugins.mlcicd.canary;

/** Sets the share of traffic on the canary. One attempt per call; the controller retries. */
public interface TrafficRouter {
    /**
     * @param weight 0..100
     * @throws RouterException when this attempt failed (exit code, timeout, HTTP status)
     */
    void setWeight(int weight) throws RouterException, InterruptedException;
}
