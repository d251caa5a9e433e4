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
 * An in-memory stand-in for an MLflow tracking server (tracking runs, the artifact proxy and the
 * model registry), on 127.0.0.1 with an ephemeral port, answering the REST API 2.0 shapes MLflow
 * documents: {@code registered_model} and {@code model_version} objects (versions as strings,
 * timestamps in epoch milliseconds, tags as key/value lists, aliases as alias/version lists) and
 * errors as {@code {"error_code", "message"}} (RESOURCE_ALREADY_EXISTS with HTTP 400,
 * RESOURCE_DOES_NOT_EXIST with 404, INVALID_PARAMETER_VALUE 400; the basic-auth app's 401 in plain text).
 *
 * <p>Behaviour follows mlflow/server/handlers.py (upstream mlflow/mlflow); the handler each case copies is
 * named at the case. It was written by hand, then corrected where it answered differently from real
 * MLflow 2.22 and 3.6 servers ({@link FakeVersusRecorded}, {@code FakeMlflowServerConformanceTest}); the
 * adapter's behaviour against what those servers really said is {@code MlflowRecordedReplayTest}. This
 * fake stays for what a healthy server does not do on demand: 5xx, 429, dropped connections, bad JSON.
 *
 * <p>Faults can be queued per endpoint, before the request is handled ({@link #fail}) or after it was
 * handled, replacing its answer ({@link #failAfter}: a 500 after the row was inserted).
 */
public final class FakeMlflowServer implements AutoCloseable {
    record Request(String method, String endpoint, Map<String, String> query, JsonNode body, String authorization) {
    }

    record Fault(int status, String body, Map<String, String> headers, boolean afterHandling) {
    }

    /** A tracking run: info as runs/create answers it, and what log-batch stored. */
    public record Run(ObjectNode info, Map<String, String> params, Map<String, Double> metrics, Map<String, String> tags) {
    }

    private final HttpServer server;
    private final String token;
    private final int pageSize;
    private final Map<String, ObjectNode> models = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> versions = new HashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> passes = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> experiments = new LinkedHashMap<>(); // name -> id
    public final Map<String, Run> runs = new LinkedHashMap<>();
    /** Artifacts uploaded through the proxy, by path below the proxy root ({@code <exp>/<run>/artifacts/...}). */
    public final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
    /** Artifact root of new experiments: the proxy by default, as {@code mlflow server} since 2.0. */
    String artifactRoot = "mlflow-artifacts:";
    private String basicUser;
    private String basicPassword;
    private long clock = 1_700_000_000_000L;

    public FakeMlflowServer(String token, int pageSize) throws IOException {
        this.token = token;
        this.pageSize = pageSize;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/2.0/mlflow/", this::handle);
        server.createContext("/api/2.0/mlflow-artifacts/artifacts/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void fail(String endpoint, int status, String body, int times) {
        fail(endpoint, status, body, times, Map.of());
    }

    void fail(String endpoint, int status, String body, int times, Map<String, String> headers) {
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Fault(status, body, headers, false));
        }
    }

    /** The next {@code times} requests to {@code endpoint} are handled, then answered with this error instead. */
    void failAfter(String endpoint, int status, String body, int times) {
        Deque<Fault> queue = faults.computeIfAbsent(endpoint, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Fault(status, body, Map.of(), true));
        }
    }

    /** Lets {@code okCalls} requests to {@code endpoint} through before its queued faults apply. */
    void passFirst(String endpoint, int okCalls) {
        passes.put(endpoint, okCalls);
    }

    /** Accept HTTP Basic with these credentials (mlflow server --app-name basic-auth) instead of a bearer token. */
    public FakeMlflowServer basicAuth(String user, String password) {
        this.basicUser = user;
        this.basicPassword = password;
        return this;
    }

    synchronized ObjectNode model(String name) {
        return models.get(name);
    }

    public synchronized List<ObjectNode> versions(String name) {
        return List.copyOf(versions.getOrDefault(name, List.of()));
    }

    long count(String method, String endpoint) {
        return requests.stream().filter(r -> r.method().equals(method) && r.endpoint().equals(endpoint)).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange original) throws IOException {
        HttpExchange exchange = original;
        String path = exchange.getRequestURI().getPath();
        boolean artifact = path.startsWith("/api/2.0/mlflow-artifacts/artifacts/");
        String endpoint = artifact ? "artifacts/" + path.substring("/api/2.0/mlflow-artifacts/artifacts/".length())
                : path.substring("/api/2.0/mlflow/".length());
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = artifact || raw.length == 0 ? Json.mapper().createObjectNode() : Json.mapper().readTree(raw);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(exchange.getRequestMethod(), endpoint, query, body, authorization));
        String faultKey = artifact ? "artifacts" : endpoint;
        Deque<Fault> queue = faults.get(faultKey);
        int pass = passes.getOrDefault(faultKey, 0);
        if (pass > 0) {
            passes.put(faultKey, pass - 1);
        }
        Fault fault = queue == null || pass > 0 ? null : queue.poll();
        if (fault != null && !fault.afterHandling()) {
            fault.headers().forEach((k, v) -> original.getResponseHeaders().add(k, v));
            send(exchange, fault.status(), fault.body());
            return;
        }
        if (!authenticated(authorization)) {
            // mlflow/server/auth/__init__.py answers 401 with WWW-Authenticate and a plain-text body (recorded: 2.22, 3.6)
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"mlflow\"");
            sendText(exchange, 401, UNAUTHENTICATED);
            return;
        }
        if (fault != null) {
            exchange = new SwallowingExchange(exchange);
        }
        Map<String, String> params = new HashMap<>(query);
        body.properties().forEach(e -> params.putIfAbsent(e.getKey(), e.getValue().asText()));
        String method = exchange.getRequestMethod();
        final HttpExchange ex = exchange;
        if (artifact) {
            if (method.equals("GET") && artifacts.containsKey(endpoint.substring("artifacts/".length()))) {
                byte[] bytes = artifacts.get(endpoint.substring("artifacts/".length()));
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
                ex.getResponseBody().write(bytes);
                ex.close();
            } else if (!method.equals("PUT")) {
                send(ex, 404, error("RESOURCE_DOES_NOT_EXIST", "no artifact at " + endpoint));
            } else {
                // handlers.py _upload_artifact: validate_path_is_safe, store, answer an empty JSON object
                artifacts.put(endpoint.substring("artifacts/".length()), raw);
                send(ex, 200, "{}");
            }
        } else {
            switch (method + " " + endpoint) {
                case "GET experiments/get-by-name" -> getExperiment(ex, params.get("experiment_name"));
                case "POST experiments/create" -> createExperiment(ex, params.get("name"));
                case "POST runs/create" -> createRun(ex, body);
                case "POST runs/log-batch" -> logBatch(ex, body);
                case "POST runs/update" -> withRun(ex, params.get("run_id"), run -> {
                    // handlers.py _update_run: status and end_time; answers run_info
                    run.info().put("status", params.get("status")).put("end_time", body.path("end_time").asLong());
                    send(ex, 200, wrap("run_info", run.info()));
                });
                case "GET runs/get" -> withRun(ex, params.get("run_id"), run -> send(ex, 200, wrap("run", runJson(run))));
                case "POST registered-models/create" -> createModel(ex, body);
                case "GET registered-models/alias" -> withModel(ex, params.get("name"), model -> {
                    // handlers.py _get_model_version_by_alias: a missing alias is 400 INVALID_PARAMETER_VALUE, not 404 (recorded)
                    String version = null;
                    for (JsonNode alias : model.get("aliases")) {
                        if (alias.path("alias").asText().equals(params.get("alias"))) {
                            version = alias.path("version").asText();
                        }
                    }
                    if (version == null) {
                        send(ex, 400, error("INVALID_PARAMETER_VALUE", "Registered model alias " + params.get("alias") + " not found."));
                    } else {
                        withVersion(ex, Map.of("name", params.get("name"), "version", version), v -> send(ex, 200, wrap("model_version", v)));
                    }
                });
                case "POST model-versions/set-tag" -> withVersion(ex, params, v -> {
                    if (tooLong(ex, params.get("value"))) {
                        return;
                    }
                    upsertTag((ArrayNode) v.get("tags"), params.get("key"), params.get("value"));
                    send(ex, 200, "{}");
                });
                case "GET registered-models/get" -> withModel(ex, params.get("name"), model -> send(ex, 200, wrap("registered_model", model)));
                case "DELETE registered-models/delete" -> withModel(ex, params.get("name"), model -> {
                    models.remove(params.get("name"));
                    versions.remove(params.get("name"));
                    send(ex, 200, "{}");
                });
                case "POST model-versions/create" -> createVersion(ex, body);
                case "GET model-versions/get" -> withVersion(ex, params, v -> send(ex, 200, wrap("model_version", v)));
                case "GET model-versions/get-download-uri" -> withVersion(ex, params,
                        v -> send(ex, 200, Json.mapper().createObjectNode().put("artifact_uri", v.path("source").asText()).toString()));
                case "GET model-versions/search" -> search(ex, params);
                case "POST registered-models/alias" -> withModel(ex, params.get("name"), model -> {
                    ArrayNode aliases = (ArrayNode) model.get("aliases");
                    removeAlias(aliases, params.get("alias"));
                    aliases.addObject().put("alias", params.get("alias")).put("version", params.get("version"));
                    send(ex, 200, "{}");
                });
                case "DELETE registered-models/alias" -> withModel(ex, params.get("name"), model -> {
                    removeAlias((ArrayNode) model.get("aliases"), params.get("alias"));
                    send(ex, 200, "{}");
                });
                case "POST registered-models/set-tag" -> withModel(ex, params.get("name"), model -> {
                    // set_registered_model_tag upserts: one row per (name, key)
                    if (tooLong(ex, params.get("value"))) {
                        return;
                    }
                    upsertTag((ArrayNode) model.get("tags"), params.get("key"), params.get("value"));
                    send(ex, 200, "{}");
                });
                default -> send(ex, 404, error("ENDPOINT_NOT_FOUND", "no such endpoint " + method + " " + endpoint));
            }
        }
        if (fault != null) {
            ((SwallowingExchange) exchange).reallySend(fault.status(), fault.body());
        }
    }

    private boolean authenticated(String authorization) {
        if (basicUser != null) {
            String expected = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8));
            return expected.equals(authorization);
        }
        return token == null || ("Bearer " + token).equals(authorization);
    }

    private void getExperiment(HttpExchange exchange, String name) throws IOException {
        // handlers.py _get_experiment_by_name: RESOURCE_DOES_NOT_EXIST (404) for an unknown name
        String id = experiments.get(name);
        if (id == null) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'"));
            return;
        }
        ObjectNode experiment = Json.mapper().createObjectNode().put("experiment_id", id).put("name", name)
                .put("artifact_location", artifactRoot + "/" + id).put("lifecycle_stage", "active");
        send(exchange, 200, wrap("experiment", experiment));
    }

    private void createExperiment(HttpExchange exchange, String name) throws IOException {
        if (experiments.containsKey(name)) {
            send(exchange, 400, error("RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists."));
            return;
        }
        String id = Integer.toString(experiments.size() + 1);
        experiments.put(name, id);
        send(exchange, 200, Json.mapper().createObjectNode().put("experiment_id", id).toString());
    }

    private void createRun(HttpExchange exchange, JsonNode body) throws IOException {
        // handlers.py _create_run; the artifact root is <experiment artifact_location>/<run_id>/artifacts
        String experimentId = body.path("experiment_id").asText();
        if (!experiments.containsValue(experimentId)) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + experimentId + " exists"));
            return;
        }
        String runId = String.format("%032x", runs.size() + 0xabc000L);
        ObjectNode info = Json.mapper().createObjectNode().put("run_id", runId).put("run_uuid", runId).put("run_name", body.path("run_name").asText())
                .put("experiment_id", experimentId).put("user_id", body.path("user_id").asText("")).put("status", "RUNNING")
                .put("start_time", body.path("start_time").asLong()).put("artifact_uri", artifactRoot + "/" + experimentId + "/" + runId + "/artifacts")
                .put("lifecycle_stage", "active");
        Map<String, String> tags = new LinkedHashMap<>();
        body.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        runs.put(runId, new Run(info, new LinkedHashMap<>(), new LinkedHashMap<>(), tags));
        ObjectNode run = Json.mapper().createObjectNode();
        run.set("info", info);
        run.putObject("data");
        send(exchange, 200, wrap("run", run));
    }

    private void logBatch(HttpExchange exchange, JsonNode body) throws IOException {
        // handlers.py _log_batch → validation.py _validate_batch_log_limits: ≤1000 metrics, ≤100 params, ≤100 tags
        if (body.path("metrics").size() > 1000 || body.path("params").size() > 100 || body.path("tags").size() > 100) {
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "A batch logging request can contain at most 1000 metrics, 100 params and 100 tags"));
            return;
        }
        withRun(exchange, body.path("run_id").asText(), run -> {
            body.path("params").forEach(p -> run.params().put(p.path("key").asText(), p.path("value").asText()));
            body.path("metrics").forEach(m -> run.metrics().put(m.path("key").asText(), m.path("value").asDouble()));
            body.path("tags").forEach(t -> run.tags().put(t.path("key").asText(), t.path("value").asText()));
            send(exchange, 200, "{}");
        });
    }

    private void withRun(HttpExchange exchange, String runId, Action<Run> action) throws IOException {
        Run run = runs.get(runId);
        if (run == null) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "Run '" + runId + "' not found"));
            return;
        }
        action.accept(run);
    }

    private void createModel(HttpExchange exchange, JsonNode body) throws IOException {
        // handlers.py _create_registered_model; the name is unique (RESOURCE_ALREADY_EXISTS, HTTP 400)
        String name = body.path("name").asText();
        if (name.isEmpty()) { // validation.py _validate_model_name; other names are accepted by the SQL store (recorded)
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'. See the API docs for more "
                    + "information about request parameters."));
            return;
        }
        if (models.containsKey(name)) {
            send(exchange, 400, error("RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists."));
            return;
        }
        ObjectNode model = Json.mapper().createObjectNode().put("name", name).put("creation_timestamp", now())
                .put("last_updated_timestamp", clock);
        model.set("tags", body.has("tags") ? body.get("tags").deepCopy() : Json.mapper().createArrayNode());
        model.putArray("aliases");
        models.put(name, model);
        versions.put(name, new ArrayList<>());
        send(exchange, 200, wrap("registered_model", model));
    }

    /** The fake's clock: real time, strictly increasing (a lock's age is compared with the client's clock). */
    private long now() {
        clock = Math.max(clock + 1, System.currentTimeMillis());
        return clock;
    }

    private void createVersion(HttpExchange exchange, JsonNode body) throws IOException {
        String name = body.path("name").asText();
        String source = body.path("source").asText();
        String runId = body.path("run_id").asText("");
        // handlers.py _validate_source_run: a local path is refused unless it lies in the run's local artifact
        // directory; this fake's artifact roots are never local, so every local source is refused.
        boolean local = source.startsWith("/") || source.startsWith("file:") || !source.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
        if (local) {
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "Invalid model version source: '" + source + "'. To use a local path as a "
                    + "model version source, the run_id request parameter has to be specified and the local path has to be contained "
                    + "within the artifact directory of the run specified by the run_id."));
            return;
        }
        if (hasRelativePath(source)) {
            // handlers.py _validate_non_local_source_contains_relative_paths (recorded: https://…/../… refused by 2.22 and 3.6)
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "Invalid model version source: '" + source + "'. If supplying a source as an "
                    + "http, https, local file path, ftp, objectstore, or mlflow-artifacts uri, an absolute path must be provided without "
                    + "relative path references present. Please provide an absolute path."));
            return;
        }
        for (JsonNode tag : body.path("tags")) {
            if (tooLong(exchange, tag.path("value").asText())) {
                return;
            }
        }
        if (!runId.isEmpty() && !runs.containsKey(runId)) {
            send(exchange, 404, error("RESOURCE_DOES_NOT_EXIST", "Run '" + runId + "' not found"));
            return;
        }
        withModel(exchange, name, model -> {
            List<ObjectNode> list = versions.get(name);
            ObjectNode version = Json.mapper().createObjectNode().put("name", name).put("version", Integer.toString(list.size() + 1))
                    .put("creation_timestamp", now()).put("last_updated_timestamp", clock).put("current_stage", "None")
                    .put("description", body.path("description").asText("")).put("source", source)
                    .put("run_id", runId).put("status", "READY"); // no user_id: MLflow leaves it unset, even under basic-auth (recorded)
            if (body.has("run_link")) {
                version.put("run_link", body.get("run_link").asText());
            }
            version.set("tags", body.has("tags") ? body.get("tags").deepCopy() : Json.mapper().createArrayNode());
            list.add(version);
            send(exchange, 200, wrap("model_version", version));
        });
    }

    private void search(HttpExchange exchange, Map<String, String> params) throws IOException {
        // handlers.py _search_model_versions; the filter grammar accepts name='…' and run_id='…'
        String filter = params.getOrDefault("filter", "");
        List<ObjectNode> all;
        if (filter.startsWith("run_id=")) {
            String runId = filter.replaceFirst("^run_id='(.*)'$", "$1");
            all = versions.values().stream().flatMap(List::stream).filter(v -> v.path("run_id").asText().equals(runId)).toList();
        } else {
            all = versions.getOrDefault(filter.replaceFirst("^name='(.*)'$", "$1"), List.of());
        }
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

    /** The basic-auth app's 401 body (mlflow/server/auth/__init__.py), recorded from 2.22 and 3.6. */
    static final String UNAUTHENTICATED = "You are not authenticated. Please see "
            + "https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.";
    /** MLflow's limit on a registry tag value: 5,000 characters up to 3.1 (2.22 recorded), 100,000 since 3.2 (3.6 recorded). */
    int tagValueLimit = 5000;

    private boolean tooLong(HttpExchange exchange, String value) throws IOException {
        if (value != null && value.length() > tagValueLimit) {
            send(exchange, 400, error("INVALID_PARAMETER_VALUE", "'value' exceeds the maximum length of " + tagValueLimit + " characters"));
            return true;
        }
        return false;
    }

    private static boolean hasRelativePath(String source) {
        String decoded = URLDecoder.decode(source, StandardCharsets.UTF_8);
        return decoded.indexOf(0) >= 0 || java.util.Arrays.asList(decoded.split("/")).contains("..");
    }

    private static void upsertTag(ArrayNode tags, String key, String value) {
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (tags.get(i).path("key").asText().equals(key)) {
                tags.remove(i);
            }
        }
        tags.addObject().put("key", key).put("value", value);
    }

    private static ObjectNode runJson(Run run) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.set("info", run.info());
        ObjectNode data = json.putObject("data");
        ArrayNode params = data.putArray("params");
        run.params().forEach((k, v) -> params.addObject().put("key", k).put("value", v));
        ArrayNode metrics = data.putArray("metrics");
        run.metrics().forEach((k, v) -> metrics.addObject().put("key", k).put("value", v).put("step", 0));
        ArrayNode tags = data.putArray("tags");
        run.tags().forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        return json;
    }

    private static void sendText(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
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

    /** Handles a request fully but keeps its answer, so that a queued fault can be sent instead. */
    private static final class SwallowingExchange extends com.sun.net.httpserver.HttpExchange {
        private final HttpExchange real;

        SwallowingExchange(HttpExchange real) {
            this.real = real;
        }

        void reallySend(int status, String body) throws IOException {
            FakeMlflowServer.send(real, status, body);
        }

        @Override public com.sun.net.httpserver.Headers getRequestHeaders() { return real.getRequestHeaders(); }
        @Override public com.sun.net.httpserver.Headers getResponseHeaders() { return new com.sun.net.httpserver.Headers(); }
        @Override public URI getRequestURI() { return real.getRequestURI(); }
        @Override public String getRequestMethod() { return real.getRequestMethod(); }
        @Override public com.sun.net.httpserver.HttpContext getHttpContext() { return real.getHttpContext(); }
        @Override public void close() { }
        @Override public java.io.InputStream getRequestBody() { return java.io.InputStream.nullInputStream(); }
        @Override public java.io.OutputStream getResponseBody() { return java.io.OutputStream.nullOutputStream(); }
        @Override public void sendResponseHeaders(int code, long length) { }
        @Override public InetSocketAddress getRemoteAddress() { return real.getRemoteAddress(); }
        @Override public int getResponseCode() { return -1; }
        @Override public InetSocketAddress getLocalAddress() { return real.getLocalAddress(); }
        @Override public String getProtocol() { return real.getProtocol(); }
        @Override public Object getAttribute(String name) { return null; }
        @Override public void setAttribute(String name, Object value) { }
        @Override public void setStreams(java.io.InputStream i, java.io.OutputStream o) { }
        @Override public com.sun.net.httpserver.HttpPrincipal getPrincipal() { return null; }
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
