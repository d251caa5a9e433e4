package io.jenkins.plugins.mlcicd.shadow;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to replay a request log against both models.
 *
 * @param requests    the request log (JSON Lines, .gz accepted)
 * @param idField     top-level field holding a request's id, or null (then the line number)
 * @param sliceField  top-level field whose value slices the comparison, or null
 * @param baseline    the production model
 * @param candidate   the model under test
 * @param concurrency connections (and in-flight requests) per model
 * @param rate        requests per second per model, or null for as fast as the models answer
 * @param timeout     deadline of one request, from sending it
 * @param maxRequests stop after this many requests, or null
 * @param duration    stop after this long, or null
 * @param skipInvalid count and skip request lines that are not JSON objects instead of refusing the log
 * @param http2       use HTTP/2 (h2c)
 */
public record ReplayOptions(Path requests, String idField, String sliceField, Endpoint baseline, Endpoint candidate,
        int concurrency, Double rate, Duration timeout, Long maxRequests, Duration duration, boolean skipInvalid,
        boolean http2) {
    public ReplayOptions {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(timeout, "timeout");
        if (idField != null && idField.isBlank()) {
            throw new IllegalArgumentException("--id-field must name a field of the requests (default: id)");
        }
        if (sliceField != null && sliceField.isBlank()) {
            throw new IllegalArgumentException("--slice must name a field of the requests");
        }
        if (concurrency < 1 || concurrency > 4096) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 4096, got " + concurrency);
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("--rate must be a positive number of requests per second, got " + rate);
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (maxRequests != null && maxRequests < 1) {
            throw new IllegalArgumentException("--max-requests must be at least 1, got " + maxRequests);
        }
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }
}
