package io.jenkins.plugins.mlcicd.shadow;

import java.time.Duration;

/**
 * Thresholds of the built-in checks; a null threshold leaves its check out (except the error rate,
 * which always has one: a candidate that fails requests is never silently fine).
 *
 * @param maxErrorRate           most errors per request the candidate may have
 * @param maxLatencyP95          highest p95 latency the candidate may have
 * @param maxLatencyP95Increase  highest relative p95 increase over the baseline (0.10 = +10%)
 * @param minAgreement           lowest share of requests on which both models decide alike
 * @param maxPsi                 highest population stability index of the candidate's scores vs the baseline's
 */
public record Guardrails(double maxErrorRate, Duration maxLatencyP95, Double maxLatencyP95Increase,
        Double minAgreement, Double maxPsi) {
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

    public Guardrails {
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new IllegalArgumentException("--max-error-rate must be in [0, 1], got " + maxErrorRate);
        }
        if (maxLatencyP95 != null && (maxLatencyP95.isNegative() || maxLatencyP95.isZero())) {
            throw new IllegalArgumentException("--max-latency-p95 must be positive");
        }
        if (maxLatencyP95Increase != null && !(maxLatencyP95Increase >= 0)) {
            throw new IllegalArgumentException("--max-latency-p95-increase must be >= 0 (0.10 = +10%), got " + maxLatencyP95Increase);
        }
        if (minAgreement != null && !(minAgreement >= 0 && minAgreement <= 1)) {
            throw new IllegalArgumentException("--min-agreement must be in [0, 1], got " + minAgreement);
        }
        if (maxPsi != null && !(maxPsi >= 0)) {
            throw new IllegalArgumentException("--max-psi must be >= 0, got " + maxPsi);
        }
    }

    public static Guardrails defaults() {
        return new Guardrails(DEFAULT_MAX_ERROR_RATE, null, null, null, null);
    }
}
