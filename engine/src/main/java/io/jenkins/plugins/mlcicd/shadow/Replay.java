package io.jenkins.plugins.mlcicd.shadow;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays a request log against both models.
 *
 * <p>One reader (the calling thread) parses the log and puts every request into both models'
 * queues; each model has one thread of its own ({@link Http1Loop}: an event loop over
 * {@code concurrency} keep-alive connections; {@link Http2Driver} with {@code --http2}), so the
 * requests in flight per model are at most {@code concurrency} and a slow model never delays the
 * other's requests (until its queue, {@link #QUEUE_PER_CONNECTION} requests per connection, is
 * full: then the reader waits, and the time it waited is reported as that model's backpressure).
 * Only the queued requests are in memory, so a log of any length replays in constant memory.
 *
 * <p>With a rate, request i is due at {@code start + i / rate} and its latency is measured from that
 * intended time, not from when a connection got to send it (as wrk2 does): a model that stalls is
 * charged for the requests that queued up behind the stall (coordinated omission).
 */
public final class Replay {
    static final int QUEUE_PER_CONNECTION = 64;

    /** What happened, besides the statistics. */
    public record Outcome(long sent, long skippedLines, String firstSkipped, long elapsedNanos, String stopReason,
            long baselineBackpressureMs, long candidateBackpressureMs) {
    }

    /** What a progress display reads while the replay runs. */
    public interface Progress {
        void update(long sent, long elapsedNanos);
    }

    private final ReplayOptions options;
    private final ScoreExtractor extractor;
    private final ModelStats baselineStats;
    private final ModelStats candidateStats;
    private final PairSink sink;
    private final StopSignal stop;
    private volatile long sent;

    public Replay(ReplayOptions options, ScoreExtractor extractor, ModelStats baseline, ModelStats candidate,
            PairSink sink, StopSignal stop) {
        this.options = options;
        this.extractor = extractor;
        this.baselineStats = baseline;
        this.candidateStats = candidate;
        this.sink = sink;
        this.stop = stop;
    }

    private ModelDriver driver(Endpoint endpoint, boolean baseline, Pairing pairing) {
        int queue = QUEUE_PER_CONNECTION * options.concurrency();
        if (options.http2()) {
            return new Http2Driver(endpoint, baseline, options.concurrency(), queue, options.timeout(), extractor,
                    pairing, stop);
        }
        return new Http1Loop(endpoint, baseline, options.concurrency(), queue, options.timeout().toNanos(), extractor,
                pairing, stop);
    }

    /** Runs until the log ends, a budget is spent or {@code stop} is signalled. */
    public Outcome run(Progress progress) {
        // Opened before any thread starts, so that a missing log leaves nothing running.
        RequestLog log = new RequestLog(options.requests(), options.idField(), options.sliceField(), options.skipInvalid());
        long start = System.nanoTime();
        long deadline = options.duration() == null ? Long.MAX_VALUE : start + options.duration().toNanos();
        Pairing pairing = new Pairing(baselineStats, candidateStats, sink, stop);
        ModelDriver baseline;
        ModelDriver candidate;
        try {
            baseline = driver(options.baseline(), true, pairing);
            candidate = driver(options.candidate(), false, pairing);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        List<Thread> threads = new ArrayList<>();
        for (ModelDriver driver : List.of(baseline, candidate)) {
            String role = driver == baseline ? "baseline" : "candidate";
            Thread thread = new Thread(() -> {
                try {
                    driver.run();
                } catch (RuntimeException e) {
                    pairing.failed(e);
                }
            }, "shadow-" + role);
            thread.setDaemon(true);
            threads.add(thread);
        }
        stop.onStop(() -> {
            baseline.wakeup();
            candidate.wakeup();
        });
        threads.forEach(Thread::start);
        Thread watchdog = watchdog(deadline, start, progress);
        String reason = null;
        try {
            double nanosPerRequest = options.rate() == null ? 0 : 1e9 / options.rate();
            long count = 0;
            while (true) {
                if (stop.stopped()) {
                    break;
                }
                if (options.maxRequests() != null && count >= options.maxRequests()) {
                    reason = "max requests reached";
                    break;
                }
                RequestLog.Request request = log.next();
                if (request == null) {
                    reason = "end of the request log";
                    break;
                }
                long intended = options.rate() == null ? 0 : start + (long) (count * nanosPerRequest);
                PendingPair pair = new PendingPair(request, intended);
                if (!baseline.queue().put(pair, stop) || !candidate.queue().put(pair, stop)) {
                    break;
                }
                sent = ++count;
            }
        } finally {
            log.close();
            baseline.queue().finish();
            candidate.queue().finish();
            threads.forEach(Replay::joinUninterruptibly);
            watchdog.interrupt();
            joinUninterruptibly(watchdog);
        }
        if (pairing.failure() != null) {
            throw pairing.failure();
        }
        long elapsed = System.nanoTime() - start;
        if (stop.stopped()) {
            reason = stop.reason();
        }
        progress.update(sent, elapsed);
        return new Outcome(sent, log.skipped(), log.firstSkipped(), elapsed, reason,
                baseline.queue().backpressureNanos() / 1_000_000, candidate.queue().backpressureNanos() / 1_000_000);
    }

    /** Ends the run at the deadline and drives the progress display. */
    private Thread watchdog(long deadline, long start, Progress progress) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    stop.stop("duration reached");
                    return;
                }
                progress.update(sent, now - start);
                try {
                    Thread.sleep(Math.max(1, Math.min(200, (deadline - now) / 1_000_000)));
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
}
