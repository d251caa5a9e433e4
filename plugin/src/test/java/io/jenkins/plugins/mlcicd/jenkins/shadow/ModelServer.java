package io.jenkins.plugins.mlcicd.jenkins.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model server on 127.0.0.1 that answers {@code {"score": x + shift}} to a request that carries the
 * expected Authorization header, and 401 otherwise; each answer after {@code delayMillis}.
 */
final class ModelServer {
    final HttpServer server;
    final ExecutorService threads = Executors.newFixedThreadPool(8);
    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final Set<String> authorizations = ConcurrentHashMap.newKeySet();

    ModelServer(String authorization, double shift, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/predict", exchange -> answer(exchange, authorization, shift, delayMillis));
        server.start();
    }

    private void answer(HttpExchange exchange, String authorization, double shift, long delayMillis) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            JsonNode body = Json.mapper().readTree(in.readAllBytes());
            String given = exchange.getRequestHeaders().getFirst("Authorization");
            if (given != null) {
                authorizations.add(given);
            }
            if (!authorization.equals(given)) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            byte[] answer = String.format(Locale.ROOT, "{\"score\": %.4f}", body.path("x").asDouble() + shift)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
            answered.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/predict";
    }

    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }
}
