package io.jenkins.plugins.mlcicd.canary;

/**
 * One recorded change of the rollout.
 *
 * @param at     ISO-8601 instant
 * @param from   e.g. {@code ready}, {@code stage 1 (5%)}
 * @param to     e.g. {@code stage 2 (25%)}, {@code rolling-back}
 * @param weight the canary's weight after the transition (as commanded)
 * @param reason why, in one sentence
 */
public record Transition(String at, String from, String to, int weight, String reason) {
}
