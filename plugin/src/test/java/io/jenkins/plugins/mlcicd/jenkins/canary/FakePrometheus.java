package io.jenkins.plugins.mlcicd.jenkins.canary;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in of Prometheus' {@code /api/v1/query} on loopback for tests: every query's answer is
 * a one-sample vector whose value depends on the {@code variant} the query names. It records the
 * Authorization headers it saw and refuses to answer more than {@link #MAX_REQUESTS} requests.
 */
final class FakePrometheus implements AutoCloseable {
    static final int MAX_REQUESTS = 5000;

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String canary = "0.010";
    private volatile String baseline = "0.010";

    FakePrometheus() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/api/v1/query", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            String raw = exchange.getRequestURI().getRawQuery();
            String query = raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
            String value = query.contains("variant=\"canary\"") ? canary : baseline;
            byte[] body;
            int status;
            if (requests.incrementAndGet() > MAX_REQUESTS) {
                status = 503;
                body = "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"test request limit\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":["
                        + System.currentTimeMillis() / 1000.0 + ",\"" + value + "\"]}]}}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The value every canary query answers from now on (e.g. a breaching latency). */
    void canary(String value) {
        canary = value;
    }

    void baseline(String value) {
        baseline = value;
    }

    int requests() {
        return requests.get();
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
