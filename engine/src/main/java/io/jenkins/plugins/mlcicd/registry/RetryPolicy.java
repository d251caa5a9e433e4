package io.jenkins.plugins.mlcicd.registry;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff for a remote registry.
 *
 * @param maxAttempts    total attempts including the first (≥ 1)
 * @param initialBackoff wait before the second attempt; doubled each time
 * @param maxBackoff     cap on one wait, also on a server's {@code Retry-After}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based), honouring a server's hint within the cap. */
    Duration backoff(int attempt, Duration serverHint) {
        if (serverHint != null) {
            return serverHint.compareTo(maxBackoff) > 0 ? maxBackoff : serverHint;
        }
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
