package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON-over-HTTP transport of MLflow's REST API 2.0 ({@code <base>/api/2.0/mlflow/<endpoint>}):
 * bearer token, timeouts, bounded retries with backoff on 429 and 5xx (and on connection failures
 * for calls that are safe to repeat), and MLflow's error body ({@code error_code}, {@code message})
 * turned into a {@link RegistryException} with one clear line.
 */
final class MlflowHttp {
    /** MLflow's error code for "exists already" (sent with HTTP 400), and the plain HTTP one. */
    static final String ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";

    /** How a call may be retried. */
    enum Idempotence {
        /** Safe to repeat after any failure: reads, alias sets, idempotent creates. */
        SAFE,
        /** Repeat only when the server certainly did not act (429, 503): creating a model version. */
        ONLY_IF_NOT_PROCESSED
    }

    /** A non-2xx answer that the caller may want to inspect (e.g. "already exists" on create). */
    static final class HttpFailure extends RegistryException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String errorCode;

        HttpFailure(Kind kind, String message, int status, String errorCode) {
            super(kind, message);
            this.status = status;
            this.errorCode = errorCode;
        }

        boolean alreadyExists() {
            return status == 409 || ALREADY_EXISTS.equals(errorCode);
        }
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI base;
    private final MlflowAuth auth;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;

    MlflowHttp(URI base, MlflowAuth auth, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry, Sleeper sleeper) {
        if (base.getRawUserInfo() != null) {
            // It would end up in messages and logs; the token variable is the place for credentials.
            throw new RegistryException(RegistryException.Kind.INVALID,
                    "MLflow URL must not contain credentials (user:password@); put credentials in their environment variables");
        }
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.auth = auth == null ? MlflowAuth.none() : auth;
        this.requestTimeout = requestTimeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String location() {
        return base.toString();
    }

    JsonNode get(String endpoint, Map<String, String> query) {
        return call("GET", endpoint, query, null, Idempotence.SAFE);
    }

    JsonNode post(String endpoint, ObjectNode body, Idempotence idempotence) {
        return call("POST", endpoint, Map.of(), body, idempotence);
    }

    /** MLflow's server reads DELETE parameters from the query string in some versions and the body in others: send both. */
    JsonNode delete(String endpoint, ObjectNode body) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        body.properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
        return call("DELETE", endpoint, query, body, Idempotence.SAFE);
    }

    /**
     * Uploads bytes through the tracking server's artifact proxy ({@code mlflow server --serve-artifacts},
     * the default since MLflow 2.0): {@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}. Repeating
     * a PUT of the same bytes to the same path is harmless, so it is retried like a read.
     *
     * @param path the artifact path below the proxy's root, e.g. {@code 1/<run_id>/artifacts/model/model.bin}
     */
    JsonNode putArtifact(String path, byte[] content) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                encoded.append(encoded.length() == 0 ? "" : "/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return call("PUT", URI.create(base + "api/2.0/mlflow-artifacts/artifacts/" + encoded), "artifacts/" + path,
                HttpRequest.BodyPublishers.ofByteArray(content), "application/octet-stream", Idempotence.SAFE);
    }

    private JsonNode call(String method, String endpoint, Map<String, String> query, ObjectNode body, Idempotence idempotence) {
        URI uri = base.resolve("api/2.0/mlflow/" + endpoint + queryString(query));
        return call(method, uri, endpoint, body == null ? null : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8),
                body == null ? null : "application/json", idempotence);
    }

    private JsonNode call(String method, URI uri, String endpoint, HttpRequest.BodyPublisher body, String contentType, Idempotence idempotence) {
        String what = method + " " + endpoint;
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= retry.maxAttempts();
            HttpResponse<String> response;
            try {
                response = client.send(request(method, uri, body, contentType), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : auth.masked(e.getMessage());
                if (last || idempotence != Idempotence.SAFE) {
                    throw new RegistryException(RegistryException.Kind.UNAVAILABLE,
                            "MLflow at " + base + " unreachable (" + what + ", attempt " + attempt + "): " + reason, e);
                }
                pause(attempt, null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "interrupted while calling MLflow " + what, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return parse(what, response.body());
            }
            boolean retryable = status == 429 || status >= 500;
            boolean mayRepeat = idempotence == Idempotence.SAFE || status == 429 || status == 503;
            if (retryable && mayRepeat && !last) {
                pause(attempt, retryAfter(response));
                continue;
            }
            throw failure(what, response, attempt);
        }
    }

    private HttpRequest request(String method, URI uri, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
        String authorization = auth.header();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        builder.header("Content-Type", contentType);
        return builder.method(method, body).build();
    }

    private JsonNode parse(String what, String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode(); // some endpoints answer an empty object, some nothing
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new RegistryException(RegistryException.Kind.PROTOCOL,
                        "MLflow at " + base + " answered " + what + " with JSON that is not an object: " + auth.masked(abbreviate(body)));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RegistryException(RegistryException.Kind.PROTOCOL, "MLflow at " + base + " answered " + what
                    + " with malformed JSON (" + auth.masked(e.getOriginalMessage()) + "): " + auth.masked(abbreviate(body)), e);
        }
    }

    private HttpFailure failure(String what, HttpResponse<String> response, int attempts) {
        int status = response.statusCode();
        String errorCode = null;
        String message = abbreviate(response.body());
        try {
            JsonNode error = Json.mapper().readTree(response.body());
            if (error != null && error.isObject()) {
                errorCode = error.path("error_code").asText(null);
                message = error.path("message").asText(message);
            }
        } catch (JsonProcessingException ignored) {
            // not JSON (a proxy's HTML page): keep the raw, abbreviated text
        }
        String prefix = "MLflow at " + base + ": " + what + " → HTTP " + status + (errorCode == null ? "" : " " + errorCode);
        RegistryException.Kind kind;
        String hint = "";
        if (status == 401) {
            kind = RegistryException.Kind.AUTH;
            hint = " (not authenticated: check the credentials, " + auth.describe() + ")";
        } else if (status == 403) {
            kind = RegistryException.Kind.AUTH;
            hint = " (permission denied for these credentials)";
        } else if (status == 404 || "RESOURCE_DOES_NOT_EXIST".equals(errorCode)) {
            kind = RegistryException.Kind.NOT_FOUND;
        } else if (status == 429 || status >= 500) {
            kind = RegistryException.Kind.UNAVAILABLE;
            hint = " (after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + ")";
        } else {
            kind = RegistryException.Kind.INVALID;
        }
        // a server may repeat the credentials it was sent in its error; they never reach a message or log
        return new HttpFailure(kind, prefix + hint + ": " + auth.masked(message), status, errorCode);
    }

    private void pause(int attempt, Duration serverHint) {
        try {
            sleeper.sleep(retry.backoff(attempt, serverHint));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "interrupted while waiting to retry MLflow", e);
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: use our own backoff
            }
        }).orElse(null);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
