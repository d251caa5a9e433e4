package io.jenkins.plugins.mlcicd.shadow;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One model over HTTP/2 through the JDK client ({@code --http2}): one {@link HttpClient} per model
 * (the two models share no connection, and a stall of one cannot block the other's streams), at
 * most {@code concurrency} requests in flight. For {@code http://} URLs the JDK client negotiates
 * h2c by an upgrade on its first request and falls back to HTTP/1.1 when the server does not take
 * it. Answers complete on the client's threads.
 */
final class Http2Driver implements ModelDriver {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Endpoint endpoint;
    private final boolean baseline;
    private final int concurrency;
    private final Duration timeout;
    private final ScoreExtractor extractor;
    private final Pairing pairing;
    private final StopSignal stop;
    private final HttpClient client;
    private final ReplayQueue queue;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Thread thread;

    Http2Driver(Endpoint endpoint, boolean baseline, int concurrency, int queueCapacity, Duration timeout,
            ScoreExtractor extractor, Pairing pairing, StopSignal stop) {
        this.endpoint = endpoint;
        this.baseline = baseline;
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.extractor = extractor;
        this.pairing = pairing;
        this.stop = stop;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(timeout).build();
        this.queue = new ReplayQueue(queueCapacity, this::wakeup);
    }

    @Override
    public ReplayQueue queue() {
        return queue;
    }

    @Override
    public void wakeup() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        Semaphore permits = new Semaphore(concurrency);
        try {
            while (!stop.stopped()) {
                PendingPair pair = queue.poll();
                if (pair == null) {
                    if (queue.drained()) {
                        break;
                    }
                    if (queue.sleepUnlessReady()) {
                        LockSupport.park(this);
                    }
                    queue.awake();
                    continue;
                }
                long start = pace(pair);
                if (!acquire(permits, 1)) {
                    break;
                }
                send(pair, start, permits);
            }
            acquire(permits, concurrency); // every answer is in
        } finally {
            inFlight.forEach(future -> future.cancel(true));
        }
    }

    /** Waits until the request is due; returns the time its latency counts from. */
    private long pace(PendingPair pair) {
        if (pair.intendedNanos == 0) {
            return System.nanoTime();
        }
        long wait = pair.intendedNanos - System.nanoTime();
        while (wait > 0 && !stop.stopped()) {
            LockSupport.parkNanos(wait);
            wait = pair.intendedNanos - System.nanoTime();
        }
        return pair.intendedNanos;
    }

    /** False when the run stopped while waiting. */
    private boolean acquire(Semaphore permits, int n) {
        try {
            while (!stop.stopped()) {
                if (permits.tryAcquire(n, 10, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            stop.stop("interrupted");
        }
        return false;
    }

    private void send(PendingPair pair, long startNanos, Semaphore permits) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.url())
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(pair.request.body()));
        boolean contentType = false;
        for (Map.Entry<String, String> header : endpoint.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!RESTRICTED.contains(name)) {
                request.header(header.getKey(), header.getValue());
                contentType |= name.equals("content-type");
            }
        }
        if (!contentType) {
            request.header("Content-Type", "application/json");
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        inFlight.add(future);
        future.whenComplete((response, failure) -> {
            long micros = (System.nanoTime() - startNanos) / 1000;
            inFlight.remove(future);
            try {
                pairing.answered(pair, baseline, answer(response, failure, micros));
            } finally {
                permits.release();
            }
        });
    }

    private Answer answer(HttpResponse<byte[]> response, Throwable failure, long micros) {
        if (failure != null) {
            return Answer.failed(kind(failure), micros);
        }
        if (response.statusCode() / 100 != 2) {
            return Answer.failed(ErrorKind.ofStatus(response.statusCode()), micros);
        }
        byte[] bytes = response.body();
        return extractor.read(bytes, bytes.length, micros);
    }

    private static ErrorKind kind(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return ErrorKind.CONNECT;
        }
        if (cause instanceof HttpTimeoutException) {
            return ErrorKind.TIMEOUT;
        }
        if (cause instanceof IOException) {
            return ErrorKind.RESET;
        }
        return ErrorKind.RESET;
    }
}
