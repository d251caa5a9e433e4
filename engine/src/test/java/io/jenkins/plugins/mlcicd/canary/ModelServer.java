package io.jenkins.plugins.mlcicd.canary;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A stand-in model server of one variant on loopback: {@code /predict} answers after a configurable
 * latency (200, or 500 at a configurable rate) and {@code /metrics} exposes a request counter by code
 * and a latency histogram in the Prometheus text format, both labelled with the variant.
 */
final class ModelServer implements AutoCloseable {
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};

    private final String variant;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    final AtomicLong latencyMs = new AtomicLong(10);
    volatile double errorRate;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);
    private final AtomicLong count = new AtomicLong();
    private final DoubleAdder sum = new DoubleAdder();

    ModelServer(String variant) throws IOException {
        this.variant = variant;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(pool);
        server.createContext("/predict", exchange -> {
            long start = System.nanoTime();
            try {
                Thread.sleep(latencyMs.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean fail = Math.random() < errorRate;
            byte[] body = ("{\"variant\":\"" + variant + "\",\"score\":0.42}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            double seconds = (System.nanoTime() - start) / 1e9;
            (fail ? errors : ok).incrementAndGet();
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets.incrementAndGet(i);
                }
            }
            count.incrementAndGet();
            sum.add(seconds);
        });
        server.createContext("/metrics", exchange -> {
            byte[] body = metrics().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Every series exists from the start (at 0), so that rate() has a value as soon as traffic arrives. */
    String metrics() {
        String v = "variant=\"" + variant + "\"";
        StringBuilder text = new StringBuilder();
        text.append("# HELP requests_total Requests by status code.\n# TYPE requests_total counter\n");
        text.append("requests_total{").append(v).append(",code=\"200\"} ").append(ok.get()).append('\n');
        text.append("requests_total{").append(v).append(",code=\"500\"} ").append(errors.get()).append('\n');
        text.append("# HELP request_seconds Request latency.\n# TYPE request_seconds histogram\n");
        for (int i = 0; i < BUCKETS.length; i++) {
            text.append("request_seconds_bucket{").append(v).append(",le=\"").append(BUCKETS[i]).append("\"} ")
                    .append(buckets.get(i)).append('\n');
        }
        text.append("request_seconds_bucket{").append(v).append(",le=\"+Inf\"} ").append(count.get()).append('\n');
        text.append("request_seconds_sum{").append(v).append("} ").append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n');
        text.append("request_seconds_count{").append(v).append("} ").append(count.get()).append('\n');
        return text.toString();
    }

    long requests() {
        return count.get();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
