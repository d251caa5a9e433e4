package io.jenkins.plugins.mlcicd.shadow;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one model did over the run: answers, errors by kind and the latency distribution. Safe for
 * the model's thread (and the JDK client's threads with {@code --http2}) to record into while the
 * progress display reads; memory does not grow with the requests
 * (latency goes into an HdrHistogram of 3 significant digits, microseconds).
 */
public final class ModelStats {
    private final String role;
    private final LongAdder answers = new LongAdder();
    private final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);
    private final ConcurrentHistogram latency = new ConcurrentHistogram(3);

    public ModelStats(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    /** Counts an answer; its latency counts when a response arrived (not for connect, reset, timeout). */
    public void record(Answer answer) {
        answers.increment();
        if (answer.error() != null) {
            errors.incrementAndGet(answer.error().ordinal());
        }
        boolean responded = answer.error() == null || switch (answer.error()) {
            case CONNECT, RESET, TIMEOUT, LOGGED -> false;
            default -> true;
        };
        if (responded && answer.latencyMicros() >= 0) {
            latency.recordValue(answer.latencyMicros());
        }
    }

    public long answers() {
        return answers.sum();
    }

    public long errors() {
        long total = 0;
        for (int i = 0; i < errors.length(); i++) {
            total += errors.get(i);
        }
        return total;
    }

    public long errors(ErrorKind kind) {
        return errors.get(kind.ordinal());
    }

    public Map<ErrorKind, Long> errorsByKind() {
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            byKind.put(kind, errors.get(kind.ordinal()));
        }
        return byKind;
    }

    /** Errors over answers; NaN without answers. */
    public double errorRate() {
        long n = answers();
        return n == 0 ? Double.NaN : (double) errors() / n;
    }

    /** A copy of the latency histogram (microseconds). */
    public Histogram latency() {
        return latency.copy();
    }
}
