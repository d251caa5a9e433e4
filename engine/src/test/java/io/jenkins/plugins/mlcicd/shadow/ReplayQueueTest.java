package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplayQueueTest {
    private static PendingPair pair(long i) {
        return new PendingPair(new RequestLog.Request(i, "r" + i, null, new byte[0], i + 1), 0);
    }

    @Test
    void keepsOrderAndWakesOnlyASleepingConsumer() {
        AtomicInteger wakeups = new AtomicInteger();
        ReplayQueue queue = new ReplayQueue(3, wakeups::incrementAndGet);
        StopSignal stop = new StopSignal();
        assertThat(queue.put(pair(0), stop)).isTrue();
        assertThat(wakeups).hasValue(0);
        assertThat(queue.sleepUnlessReady()).as("a request is there").isFalse();
        assertThat(queue.peek().request.sequence()).isZero();
        assertThat(queue.poll().request.sequence()).isZero();
        assertThat(queue.poll()).isNull();
        assertThat(queue.sleepUnlessReady()).isTrue();
        queue.put(pair(1), stop);
        queue.put(pair(2), stop);
        assertThat(wakeups).as("one wake-up for the sleeper, none for the second request").hasValue(1);
        assertThat(queue.drained()).isFalse();
        queue.finish();
        assertThat(queue.poll().request.sequence()).isEqualTo(1);
        assertThat(queue.poll().request.sequence()).isEqualTo(2);
        assertThat(queue.drained()).isTrue();
        assertThat(queue.sleepUnlessReady()).as("nothing more comes").isFalse();
    }

    @Test
    void aFullQueueHoldsTheProducerUntilTheConsumerDrainsIt() throws Exception {
        ReplayQueue queue = new ReplayQueue(8, () -> {
        });
        StopSignal stop = new StopSignal();
        int n = 20_000;
        List<Long> taken = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            while (!queue.drained()) {
                PendingPair pair = queue.poll();
                if (pair == null) {
                    Thread.onSpinWait();
                } else {
                    taken.add(pair.request.sequence());
                }
            }
        });
        consumer.start();
        for (long i = 0; i < n; i++) {
            assertThat(queue.put(pair(i), stop)).isTrue();
        }
        queue.finish();
        consumer.join();
        assertThat(taken).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(taken.get(i)).isEqualTo(i);
        }
        assertThat(queue.backpressureNanos()).isPositive();
    }

    @Test
    void aStopReleasesAWaitingProducer() throws Exception {
        ReplayQueue queue = new ReplayQueue(2, () -> {
        });
        StopSignal stop = new StopSignal();
        assertThat(queue.put(pair(0), stop)).isTrue();
        assertThat(queue.put(pair(1), stop)).isTrue();
        // full: the third waits for room that never comes, until the stop
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            stop.stop("test");
        });
        stopper.start();
        long start = System.nanoTime();
        assertThat(queue.put(pair(2), stop)).isFalse();
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
        stopper.join();
    }
}
