package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves what a real MLflow server answered, as recorded by bench/mlflow/record.sh: a request is
 * answered with the next recorded response to an equal request ({@link MlflowExchange#key()}), in the
 * recorded order. A request that was never recorded is answered 599 and kept in {@link #unexpected()},
 * so a test sees the adapter asking something MLflow was never asked.
 */
final class ReplayMlflowServer implements AutoCloseable {
    static final int NOT_RECORDED = 599;
    private final HttpServer server;
    private final Map<String, Deque<MlflowExchange>> answers = new LinkedHashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private int served;

    ReplayMlflowServer(List<MlflowExchange> recorded) throws IOException {
        for (MlflowExchange exchange : recorded) {
            answers.computeIfAbsent(exchange.key(), k -> new ArrayDeque<>()).add(exchange);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::handle);
        server.start();
    }

    static List<MlflowExchange> load(Path jsonl) {
        try {
            List<MlflowExchange> exchanges = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    exchanges.add(MlflowExchange.fromJson(Json.mapper().readTree(line)));
                }
            }
            return exchanges;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Recorded exchanges no request has asked for (yet). */
    synchronized List<String> unused() {
        List<String> left = new ArrayList<>();
        answers.values().forEach(queue -> queue.forEach(e -> left.add("#" + e.seq() + " " + e.method() + " " + e.path())));
        return left;
    }

    synchronized int served() {
        return served;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode request = MlflowExchange.body(body, type == null ? "application/json" : type);
            String key = MlflowExchange.key(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), request);
            Deque<MlflowExchange> queue = answers.get(key);
            if (queue == null || queue.isEmpty()) {
                unexpected.add(key.length() > 600 ? key.substring(0, 600) + "…" : key);
                send(exchange, NOT_RECORDED, "{\"error_code\":\"NOT_RECORDED\",\"message\":\"no recorded answer for this request\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            MlflowExchange answer = queue.poll();
            served++;
            send(exchange, answer.status(), MlflowExchange.bytes(answer.response()));
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
