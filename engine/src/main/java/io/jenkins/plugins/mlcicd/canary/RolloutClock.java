package io.jenkins.plugins.mlcicd.canary;

import java.time.Duration;
import java.time.Instant;

/** Time for the controller; tests inject one that advances only when the controller sleeps. */
public interface RolloutClock {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    RolloutClock SYSTEM = new RolloutClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), 0);
            }
        }
    };
}
