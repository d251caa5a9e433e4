package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory stand-in for an MLflow tracking server's model registry, on 127.0.0.1 with an
 * ephemeral port, answering the REST API 2.0 shapes MLflow documents: {@code registered_model} and
 * {@code model_version} objects (versions as strings, timestamps in epoch milliseconds, tags as
 * key/value lists, aliases as alias/version lists) and errors as {@code {"error_code", "message"}}
 * (RESOURCE_ALREADY_EXISTS with HTTP 400, RESOURCE_DOES_NOT_EXIST with 404, UNAUTHENTICATED 401).
 * Faults can be queued per endpoint.
 */
final class FakeMlflowServer implements AutoCloseable {
    record Request(String method, String endpoint, Map<String, String> query, JsonNode body, String authorization) {
    }

    record Fault(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final String token;
    private final int pageSize;
    private final Map<String, ObjectNode> models = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> versions = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private long clock = 1_700_000_000_000L;

    FakeMlflowServer(String token, int pageSize) throws IOException {
        this.token = token;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/2.0/mlflow/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void fail(String endpoint, int status, String body, int times) {
        fail(endpoint, status, body, times, Map.of());
    }

    void fail(String endpoint, int status, String body, int times, Map<String, String> headers) {
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Fault(status, body, headers));
        }
    }

    long count(String method, String endpoint) {
        return requests.stream().filter(r -> r.method().equals(method) && r.endpoint().equals(endpoint)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String endpoint = exchange.getRequestURI().getPath().substring("/api/2.0/mlflow/".length());
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(raw);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), endpoint, query, body, authorization));
        Deque<Fault> queue = faults.get(endpoint);
        Fault fault = queue == null ? null : queue.poll();
        if (fault != null) {
            fault.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, fault.status(), fault.body());
            return;
        }
        if (token != null && !("Bearer " + token).equals(authorization)) {
            send(exchange, 401, error("UNAUTHENTICATED", "Authentication required"));
            return;
        }
        Map<String, String> params = new HashMap<>(query);
        body.properties().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue().asText()));
        String method = exchange.getRequestMethod();
        switch (method + " " + endpoint) {
            case "POST registered-models/create" -> createModel(exchange, params.get("name"));
            case "GET registered-models/get" -> withModel(exchange, params.get("name"), model -> send(exchange, 200, wrap("registered_model", model)));
            case "POST model-versions/create" -> createVersion(exchange, body);
            case "GET model-versions/get" -> withVersion(exchange, params, v -> send(exchange, 200, wrap("model_version", v)));
            case "GET model-versions/get-download-uri" -> withVersion(exchange, params,
                    v -> send(exchange, 200, Json.mapper().createObjectNode().put("artifact_uri", v.path("source").asText()).toString()));
            case "GET model-versions/search" -> search(exchange, params);
            case "POST registered-models/alias" -> withModel(exchange, params.get("name"), model -> {
                ArrayNode aliases = (ArrayNode) model.get("aliases");
                removeAlias(aliases, params.get("alias"));
                aliases.addObject().put("alias", params.get("alias")).put("version", params.get("version"));
                send(exchange, 200, "{}");
            });
            case "DELETE registered-models/alias" -> withModel(exchange, params.get("name"), model -> {
                removeAlias((ArrayNode) model.get("aliases"), params.get("alias"));
                send(exchange, 200, "{}");
            });
            case "POST registered-models/set-tag" -> withModel(exchange, params.get("name"), model -> {
                ((ArrayNode) model.get("tags")).addObject().put("key", params.get("key")).put("value", params.get("value"));
                send(exchange, 200, "{}");
            });
            default -> send(exchange, 404, error("ENDPOINT_NOT_FOUND", "no such endpoint " + method + " " + endpoint));
        }
    }

    private void createModel(HttpExchange exchange, String name) throws IOException {
        if (models.containsKey(name)) {
            send(exchange, 400, error("RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists."));
            return;
        }
        ObjectNode model = Json.mapper().createObjectNode().put("name", name).put("creation_timestamp", clock++)
                .put("last_updated_timestamp", clock);
        model.putArray("tags");
        model.putArray("aliases");
        models.put(name, model);
        versions.put(name, new ArrayList<>());
        send(exchange, 200, wrap("registered_model", model));
    }

    private void createVersion(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("name").asText();
        withModel(exchange, name, model -> {
            List<ObjectNode> list = versions.get(name);
            ObjectNode version = Json.mapper().createObjectNode().put("name", name).put("version", Integer.toString(list.size() + 1))
                    .put("creation_timestamp", clock++).put("last_updated_timestamp", clock).put("current_stage", "None")
                    .put("description", body.path("description").asText("")).put("source", body.path("source").asText())
                    .put("run_id", "").put("status", "READY").put("user_id", "mlflow-user");
            if (body.has("run_link")) {
                version.put("run_link", body.get("run_link").asText());
            }
            version.set("tags", body.has("tags") ? body.get("tags").deepCopy() : Json.mapper().createArrayNode());
            list.add(version);
            send(exchange, 200, wrap("model_version", version));
        });
    }

    private void search(HttpExchange exchange, Map<String, String> params) throws IOException {
        String filter = params.getOrDefault("filter", "");
        String name = filter.replaceFirst("^name='(.*)'$", "$1");
        List<ObjectNode> all = versions.getOrDefault(name, List.of());
        int offset = params.containsKey("page_token") ? Integer.parseInt(params.get("page_token")) : 0;
        int size = Math.min(pageSize, Integer.parseInt(params.getOrDefault("max_results", "10000")));
        ObjectNode page = Json.mapper().createObjectNode();
        ArrayNode items = page.putArray("model_versions");
        // MLflow returns newest first; the client must not rely on order.
        List<ObjectNode> newestFirst = new ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        newestFirst.stream().skip(offset).limit(size).forEach(items::add);
        if (offset + size < all.size()) {
            page.put("next_page_token", Integer.toString(offset + size));
        }
        send(exchange, 200, page.toString());
    }

    private interface Action<T> {
        void accept(T value) throws IOException;
    }

    private void withModel(HttpExchange exchange, String name, Action<ObjectNode> action) throws IOException {
        ObjectNode model = models.get(name);
        if (model == null) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found"));
            return;
        }
        action.accept(model);
    }

    private void withVersion(HttpExchange exchange, Map<String, String> params, Action<ObjectNode> action) throws IOException {
        List<ObjectNode> list = versions.getOrDefault(params.get("name"), List.of());
        int number;
        try {
            number = Integer.parseInt(params.getOrDefault("version", ""));
        } catch (NumberFormatException e) {
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "Model version must be an integer"));
            return;
        }
        if (number < 1 || number > list.size()) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + params.get("name") + ", version=" + number + ") not found"));
            return;
        }
        action.accept(list.get(number - 1));
    }

    private static void removeAlias(ArrayNode aliases, String alias) {
        for (int i = aliases.size() - 1; i >= 0; i--) {
            if (aliases.get(i).path("alias").asText().equals(alias)) {
                aliases.remove(i);
            }
        }
    }

    private static String wrap(String key, JsonNode value) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.set(key, value);
        return node.toString();
    }

    static String error(String code, String message) {
        return Json.mapper().createObjectNode().put("error_code", code).put("message", message).toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }
}
