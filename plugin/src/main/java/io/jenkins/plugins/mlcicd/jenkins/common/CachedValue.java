package io.jenkins.plugins.mlcicd.jenkins.common;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code maxAge}: for pages that would otherwise ask a remote
 * service (the model registry) on every view, yet must not show its answers forever.
 */
public final class CachedValue<T> {
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private T value;
    private long computedAt;

    public CachedValue(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests pass their own) */
    CachedValue(Duration maxAge, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The cached value, or a new one from {@code compute} when there is none or it is older than the maximum age. */
    public synchronized T get(Supplier<T> compute) {
        long now = nanoClock.getAsLong();
        if (value == null || now - computedAt >= maxAgeNanos) {
            value = compute.get();
            computedAt = now;
        }
        return value;
    }
}
