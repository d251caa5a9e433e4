package io.jenkins.plugins.mlcicd.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live traffic for the demo's canary: the request log's bodies, in a loop, sent through the traffic
 * splitter at a fixed rate by one background thread, until closed (and never longer than its limit,
 * so a demo that is killed hard cannot leave it running: it is a daemon thread of the demo's JVM).
 */
public final class DemoTraffic implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;

    private DemoTraffic(URI target, List<String> bodies, int perSecond, Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long periodNanos = 1_000_000_000L / perSecond;
        thread = new Thread(() -> {
            long start = System.nanoTime();
            long next = start;
            int i = 0;
            while (running && System.nanoTime() - start < limit.toNanos()) {
                HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(2))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size()))).build();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                    sent.incrementAndGet();
                    if (error != null || response.statusCode() >= 500) {
                        failed.incrementAndGet();
                    }
                });
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "mlcicd-demo-traffic");
        thread.setDaemon(true);
    }

    /** Starts sending the request log's lines to {@code target}, {@code perSecond} a second, at most for {@code limit}. */
    public static DemoTraffic start(URI target, Path requestLog, int perSecond, Duration limit) {
        List<String> bodies;
        try {
            bodies = Files.readAllLines(requestLog).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + requestLog + ": " + e.getMessage(), e);
        }
        if (bodies.isEmpty()) {
            throw new IllegalStateException(requestLog + " has no requests");
        }
        DemoTraffic traffic = new DemoTraffic(target, bodies, perSecond, limit);
        traffic.thread.start();
        return traffic;
    }

    public long sent() {
        return sent.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
