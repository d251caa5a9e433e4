package io.jenkins.plugins.mlcicd.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a request log against both models.
 *
 * <p>One reader (the calling thread) parses the log and hands every request to both models' queues;
 * each model has its own worker threads, one connection each, so the number of requests in flight
 * per model is exactly {@code concurrency} and a slow model never delays the other's requests
 * (until its queue, {@link #QUEUE_PER_WORKER} requests per worker, is full: then the reader waits,
 * and the time it waited is reported as that model's backpressure). Only the queued requests are in
 * memory, so a log of any length replays in constant memory.
 *
 * <p>With a rate, request i is due at {@code start + i / rate} and its latency is measured from that
 * intended time, not from when a worker got to send it (as wrk2 does): a model that stalls is
 * charged for the requests that queued up behind the stall (coordinated omission).
 */
public final class Replay {
    static final int QUEUE_PER_WORKER = 64;

    /** What happened, besides the statistics. */
    public record Outcome(long sent, long skippedLines, String firstSkipped, long elapsedNanos, String stopReason,
            long baselineBackpressureMs, long candidateBackpressureMs) {
    }

    /** What a progress display reads while the replay runs. */
    public interface Progress {
        void update(long sent, long elapsedNanos);
    }

    private static final Item POISON = new Item(null, 0);

    private final ReplayOptions options;
    private final ModelStats baselineStats;
    private final ModelStats candidateStats;
    private final PairSink sink;
    private final StopSignal stop;
    private final CallerFactory callers;

    /** Opens the caller of one worker. */
    interface CallerFactory {
        ModelCaller open(Endpoint endpoint);
    }

    public Replay(ReplayOptions options, ScoreExtractor extractor, ModelStats baseline, ModelStats candidate,
            PairSink sink, StopSignal stop) {
        this(options, baseline, candidate, sink, stop, defaultCallers(options, extractor));
    }

    Replay(ReplayOptions options, ModelStats baseline, ModelStats candidate, PairSink sink, StopSignal stop,
            CallerFactory callers) {
        this.options = options;
        this.baselineStats = baseline;
        this.candidateStats = candidate;
        this.sink = sink;
        this.stop = stop;
        this.callers = callers;
    }

    private static CallerFactory defaultCallers(ReplayOptions options, ScoreExtractor extractor) {
        int connectMs = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        if (options.http2()) {
            Http2Callers baseline = new Http2Callers(options.baseline(), options.timeout(), extractor);
            Http2Callers candidate = new Http2Callers(options.candidate(), options.timeout(), extractor);
            return endpoint -> endpoint == options.baseline() ? baseline.open() : candidate.open();
        }
        byte[] baselineHead = options.baseline().requestHead();
        byte[] candidateHead = options.candidate().requestHead();
        return endpoint -> new Http1Caller(endpoint, endpoint == options.baseline() ? baselineHead : candidateHead,
                connectMs, extractor);
    }

    /** Runs until the log ends, a budget is spent or {@code stop} is signalled. */
    public Outcome run(Progress progress) {
        long start = System.nanoTime();
        long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        long timeoutNanos = options.timeout().toNanos();
        Model baseline = new Model(options.baseline(), baselineStats);
        Model candidate = new Model(options.candidate(), candidateStats);
        Object sinkLock = new Object();
        List<Thread> threads = new ArrayList<>();
        for (Model model : List.of(baseline, candidate)) {
            for (int w = 0; w < options.concurrency(); w++) {
                ModelCaller caller = callers.open(model.endpoint);
                model.callers.add(caller);
                Thread thread = new Thread(() -> model.work(caller, timeoutNanos, deadline, sinkLock),
                        "shadow-" + model.endpoint.role() + "-" + w);
                thread.setDaemon(true);
                threads.add(thread);
            }
        }
        stop.onStop(() -> {
            baseline.callers.forEach(ModelCaller::abort);
            candidate.callers.forEach(ModelCaller::abort);
        });
        threads.forEach(Thread::start);
        List<ModelCaller> all = new ArrayList<>(baseline.callers);
        all.addAll(candidate.callers);
        Thread watchdog = watchdog(deadline, start, progress, baseline.sent, all);
        long sent = 0;
        String reason = null;
        RequestLog log = new RequestLog(options.requests(), options.idField(), options.sliceField(), options.skipInvalid());
        try {
            double nanosPerRequest = options.rate() == null ? 0 : 1e9 / options.rate();
            while (true) {
                if (stop.stopped()) {
                    break;
                }
                if (options.maxRequests() != null && sent >= options.maxRequests()) {
                    reason = "max requests reached";
                    break;
                }
                RequestLog.Request request = log.next();
                if (request == null) {
                    reason = "end of the request log";
                    break;
                }
                long intended = options.rate() == null ? 0 : start + (long) (sent * nanosPerRequest);
                Item item = new Item(request, intended);
                if (!baseline.offer(item) || !candidate.offer(item)) {
                    break;
                }
                sent++;
                baseline.sent.set(sent);
            }
        } finally {
            log.close();
            for (Model model : List.of(baseline, candidate)) {
                for (int w = 0; w < options.concurrency(); w++) {
                    model.finish();
                }
            }
            for (Thread thread : threads) {
                joinUninterruptibly(thread);
            }
            watchdog.interrupt();
            joinUninterruptibly(watchdog);
            baseline.callers.forEach(ModelCaller::close);
            candidate.callers.forEach(ModelCaller::close);
        }
        long elapsed = System.nanoTime() - start;
        if (stop.stopped()) {
            reason = stop.reason();
        }
        progress.update(sent, elapsed);
        return new Outcome(sent, log.skipped(), log.firstSkipped(), elapsed, reason,
                baseline.backpressureNanos.get() / 1_000_000, candidate.backpressureNanos.get() / 1_000_000);
    }

    /** Ends the run at the deadline, times out requests past theirs and drives the progress display. */
    private Thread watchdog(long deadline, long start, Progress progress, AtomicLong sent, List<ModelCaller> callers) {
        Thread thread = new Thread(() -> {
            long lastProgress = 0;
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    stop.stop("duration reached");
                    return;
                }
                if (now - lastProgress >= 200_000_000L) {
                    progress.update(sent.get(), now - start);
                    lastProgress = now;
                }
                for (ModelCaller caller : callers) {
                    caller.expire(now);
                }
                try {
                    // the timeout resolution: a request times out at most this late
                    Thread.sleep(Math.max(1, Math.min(5, (deadline - now) / 1_000_000)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "shadow-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request on its way to both models; the second answer completes the pair. */
    private static final class Item {
        final RequestLog.Request request;
        final long intendedNanos;
        volatile Answer baseline;
        volatile Answer candidate;
        final AtomicInteger pending = new AtomicInteger(2);

        Item(RequestLog.Request request, long intendedNanos) {
            this.request = request;
            this.intendedNanos = intendedNanos;
        }
    }

    /** One model's queue, workers and connections. */
    private final class Model {
        final Endpoint endpoint;
        final ModelStats stats;
        final BlockingQueue<Item> queue;
        final List<ModelCaller> callers = new ArrayList<>();
        final AtomicLong backpressureNanos = new AtomicLong();
        final AtomicLong sent = new AtomicLong();

        Model(Endpoint endpoint, ModelStats stats) {
            this.endpoint = endpoint;
            this.stats = stats;
            this.queue = new ArrayBlockingQueue<>(QUEUE_PER_WORKER * options.concurrency());
        }

        /** Queues an item; false when the run stopped while waiting for room. */
        boolean offer(Item item) {
            if (queue.offer(item)) {
                return true;
            }
            long waitStart = System.nanoTime();
            try {
                while (!stop.stopped()) {
                    if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.stop("interrupted");
                return false;
            } finally {
                backpressureNanos.addAndGet(System.nanoTime() - waitStart);
            }
        }

        /** Tells one worker that no more requests come. */
        void finish() {
            while (true) {
                if (queue.offer(POISON)) {
                    return;
                }
                // Workers of a stopped run drop what is queued; make room for the poison pill.
                if (stop.stopped()) {
                    queue.poll();
                } else {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }

        void work(ModelCaller caller, long timeoutNanos, long deadline, Object sinkLock) {
            boolean baseline = endpoint == options.baseline();
            while (true) {
                Item item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (item == POISON) {
                    return;
                }
                if (stop.stopped()) {
                    continue;
                }
                long start;
                if (item.intendedNanos != 0) {
                    long wait = item.intendedNanos - System.nanoTime();
                    while (wait > 0 && !stop.stopped()) {
                        LockSupport.parkNanos(wait);
                        wait = item.intendedNanos - System.nanoTime();
                    }
                    start = item.intendedNanos;
                } else {
                    start = System.nanoTime();
                }
                if (stop.stopped()) {
                    continue;
                }
                long sendTime = System.nanoTime();
                Answer answer = caller.call(item.request.body(), start, sendTime + timeoutNanos);
                if (stop.stopped()) {
                    // An exchange broken off by the stop says nothing about the model.
                    continue;
                }
                stats.record(answer);
                if (baseline) {
                    item.baseline = answer;
                } else {
                    item.candidate = answer;
                }
                if (item.pending.decrementAndGet() == 0) {
                    synchronized (sinkLock) {
                        sink.accept(item.request.id(), item.request.slice(), item.baseline, item.candidate);
                    }
                }
            }
        }
    }
}
