package io.jenkins.plugins.mlcicd.shadow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One model's HTTP/1.1 event loop: one thread, one {@link Selector}, {@code concurrency} keep-alive
 * connections, each with at most one request in flight. Deadlines are kept by the loop itself (the
 * selector's timeout), pacing too: a request with an intended send time is not sent before it.
 *
 * <p>Timer resolution: a selector waits in whole milliseconds, so a wait shorter than that is a
 * non-blocking poll and a park of at most {@value #SHORT_PARK_NANOS} ns; responses arriving during
 * the park are read that much later. Only paced runs (a rate), and a deadline less than a
 * millisecond away, wait that way.
 */
final class Http1Loop implements ModelDriver {
    static final long SHORT_PARK_NANOS = 100_000;
    private static final long NONE = Long.MAX_VALUE;

    private final boolean baseline;
    private final Pairing pairing;
    private final StopSignal stop;
    private final Selector selector;
    private final ReplayQueue queue;
    private final Http1Channel[] channels;
    private final ArrayDeque<Http1Channel> idle;
    private final Consumer<SelectionKey> onReady = this::onReady;
    /** The earliest deadline of a request in flight, or earlier (then a scan finds the true one). */
    private long nextExpiry = NONE;

    Http1Loop(Endpoint endpoint, boolean baseline, int concurrency, int queueCapacity, long timeoutNanos,
            ScoreExtractor extractor, Pairing pairing, StopSignal stop) {
        this.baseline = baseline;
        this.pairing = pairing;
        this.stop = stop;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
        this.queue = new ReplayQueue(queueCapacity, selector::wakeup);
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        byte[] bytes = new byte[in.capacity()];
        byte[] head = endpoint.requestHead();
        this.channels = new Http1Channel[concurrency];
        this.idle = new ArrayDeque<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            channels[i] = new Http1Channel(endpoint, head, timeoutNanos, extractor, selector, in, bytes);
            idle.add(channels[i]);
        }
    }

    @Override
    public ReplayQueue queue() {
        return queue;
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed: " + e.getMessage(), e);
        } finally {
            for (Http1Channel channel : channels) {
                channel.close();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // the run is over either way
            }
        }
    }

    private void loop() throws IOException {
        while (!stop.stopped()) {
            long nextSend = dispatch();
            if (idle.size() == channels.length && queue.drained()) {
                return;
            }
            long now = System.nanoTime();
            if (idle.size() < channels.length && nextExpiry != NONE && now - nextExpiry >= 0) {
                expire(now);
                continue;
            }
            long until = idle.size() < channels.length ? nextExpiry : NONE;
            if (nextSend != NONE && (until == NONE || nextSend - until < 0)) {
                until = nextSend;
            }
            // only a loop with a free connection and nothing queued wants to hear of new requests; a queue
            // that finished since the check above must not put a loop of idle connections to sleep for good
            boolean sleep = nextSend != NONE || idle.isEmpty()
                    || (queue.drained() ? idle.size() < channels.length : queue.sleepUnlessReady());
            if (!sleep) {
                selector.selectNow(onReady);
            } else if (until == NONE) {
                selector.select(onReady, 0);
            } else {
                long wait = until - now;
                if (wait >= 1_000_000) {
                    selector.select(onReady, wait / 1_000_000);
                } else if (selector.selectNow(onReady) == 0 && wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, SHORT_PARK_NANOS));
                }
            }
            queue.awake();
        }
    }

    /** Sends due requests on free connections; returns when the next queued one is due, or NONE. */
    private long dispatch() {
        while (!idle.isEmpty()) {
            PendingPair pair = queue.peek();
            if (pair == null) {
                return NONE;
            }
            long now = System.nanoTime();
            if (pair.intendedNanos != 0 && pair.intendedNanos - now > 0) {
                return pair.intendedNanos;
            }
            queue.poll();
            Http1Channel channel = idle.poll();
            // with a rate, latency counts from the intended send time (coordinated omission)
            Answer answer = channel.send(pair, pair.intendedNanos != 0 ? pair.intendedNanos : now, now);
            settle(channel, pair, answer);
        }
        return NONE;
    }

    private void onReady(SelectionKey key) {
        Http1Channel channel = (Http1Channel) key.attachment();
        if (!key.isValid()) {
            return;
        }
        PendingPair pair = channel.pair();
        boolean wasBusy = channel.busy();
        Answer answer = channel.ready(key.readyOps());
        if (wasBusy) {
            settle(channel, pair, answer);
        }
    }

    /** After an event on a busy connection: its answer goes to the pairing, or it stays in flight. */
    private void settle(Http1Channel channel, PendingPair pair, Answer answer) {
        if (answer != null) {
            idle.add(channel);
            pairing.answered(pair, baseline, answer);
        } else if (nextExpiry == NONE || channel.deadlineNanos() - nextExpiry < 0) {
            nextExpiry = channel.deadlineNanos();
        }
    }

    /** Times out the requests past their deadline and finds the next deadline. */
    private void expire(long now) {
        nextExpiry = NONE;
        for (Http1Channel channel : channels) {
            if (channel.busy()) {
                PendingPair pair = channel.pair();
                Answer answer = channel.expire(now);
                settle(channel, pair, answer);
            }
        }
    }
}
