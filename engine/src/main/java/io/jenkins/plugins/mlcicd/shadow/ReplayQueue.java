package io.jenkins.plugins.mlcicd.shadow;

import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue from the log reader (the one producer) to one model's thread (the one
 * consumer): a ring of slots with a volatile head and tail, no lock. It bounds what is in memory
 * (only queued requests are held, whatever the log's length) and decouples the models: each has its
 * own queue, so one model waits behind the other only once its queue is full.
 *
 * <p>The consumer's thread sleeps in its own way (a selector, a park); before it does, it calls
 * {@link #sleepUnlessReady()}, and the producer then runs the wake-up after its next offer. A busy
 * consumer is never woken, so a saturated run costs no wake-up per request.
 */
final class ReplayQueue {
    private final PendingPair[] slots;
    private final int mask;
    private final Runnable wakeup;
    private volatile long head;
    private volatile long tail;
    private volatile boolean sleeping;
    private volatile boolean finished;
    private volatile Thread waitingProducer;
    private long backpressureNanos;

    /**
     * @param capacity at least this many requests (rounded up to a power of two)
     * @param wakeup   wakes the consumer's thread; called from the producer's
     */
    ReplayQueue(int capacity, Runnable wakeup) {
        int size = Math.max(2, Integer.highestOneBit(capacity - 1) << 1);
        this.slots = new PendingPair[size];
        this.mask = size - 1;
        this.wakeup = wakeup;
    }

    /**
     * Queues {@code pair}, waiting while the queue is full; false when the run stopped meanwhile.
     * Producer only.
     */
    boolean put(PendingPair pair, StopSignal stop) {
        if (!tryPut(pair)) {
            long waitStart = System.nanoTime();
            Thread producer = Thread.currentThread();
            try {
                // Wait until half of the queue has drained, when the consumer wakes the producer,
                // instead of waking for every free slot: one wake-up per many requests. The
                // volatile write of the flag before the read of the head pairs with the consumer's
                // write of the head before its read of the flag. The timeout only bounds how late
                // a stop is seen.
                while (true) {
                    if (stop.stopped()) {
                        return false;
                    }
                    waitingProducer = producer;
                    if (halfFree() && tryPut(pair)) {
                        break;
                    }
                    LockSupport.parkNanos(this, 10_000_000);
                    if (Thread.interrupted()) {
                        stop.stop("interrupted");
                        return false;
                    }
                }
            } finally {
                waitingProducer = null;
                backpressureNanos += System.nanoTime() - waitStart;
            }
        }
        return true;
    }

    private boolean tryPut(PendingPair pair) {
        long t = tail;
        if (t - head == slots.length) {
            return false;
        }
        slots[(int) t & mask] = pair;
        tail = t + 1;
        wakeIfSleeping();
        return true;
    }

    /** No more requests come. Producer only. */
    void finish() {
        finished = true;
        wakeIfSleeping();
    }

    private void wakeIfSleeping() {
        if (sleeping) {
            sleeping = false;
            wakeup.run();
        }
    }

    /** How long the producer waited for room (the model could not keep up). */
    long backpressureNanos() {
        return backpressureNanos;
    }

    /** The next request without taking it, or null. Consumer only. */
    PendingPair peek() {
        long h = head;
        return h == tail ? null : slots[(int) h & mask];
    }

    /** Takes the next request, or returns null. Consumer only. */
    PendingPair poll() {
        long h = head;
        if (h == tail) {
            return null;
        }
        int slot = (int) h & mask;
        PendingPair pair = slots[slot];
        slots[slot] = null;
        head = h + 1;
        Thread producer = waitingProducer;
        if (producer != null && halfFree()) {
            waitingProducer = null;
            LockSupport.unpark(producer);
        }
        return pair;
    }

    private boolean halfFree() {
        return tail - head <= slots.length / 2;
    }

    /** The producer finished and everything was taken. */
    boolean drained() {
        return finished && head == tail;
    }

    /**
     * Asks the producer to wake the consumer on its next offer; false (do not sleep) when a
     * request or the end is already there. The volatile write before the reads pairs with the
     * producer's write of the tail before its read of the flag: one of them sees the other.
     */
    boolean sleepUnlessReady() {
        sleeping = true;
        if (head != tail || finished) {
            sleeping = false;
            return false;
        }
        return true;
    }

    /** The consumer is awake again (woken or not). */
    void awake() {
        sleeping = false;
    }
}
