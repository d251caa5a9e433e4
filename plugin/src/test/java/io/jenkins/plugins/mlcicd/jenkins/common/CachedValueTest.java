package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedValueTest {
    @Test
    void computedOnceWithinTheMaximumAgeAndAgainAfterIt() {
        AtomicLong now = new AtomicLong(1_000);
        AtomicInteger computations = new AtomicInteger();
        CachedValue<String> cached = new CachedValue<>(Duration.ofMinutes(5), now::get);

        assertThat(cached.get(() -> "v" + computations.incrementAndGet())).isEqualTo("v1");
        now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        assertThat(cached.get(() -> "v" + computations.incrementAndGet())).isEqualTo("v1");
        now.addAndGet(1);
        assertThat(cached.get(() -> "v" + computations.incrementAndGet())).isEqualTo("v2");
        assertThat(computations).hasValue(2);
    }
}
