package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;

/**
 * One traffic stage of a rollout.
 *
 * @param weight   percentage of traffic on the canary, 1..100
 * @param duration how long the stage is analysed before the next one; null only for the last stage,
 *                 which then promotes as soon as its weight is set
 */
public record Stage(int weight, Duration duration) {
}
