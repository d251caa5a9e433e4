package io.jenkins.plugins.mlcicd.registry;

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
import java.util.Base64;

/**
 * Plain calls of MLflow's REST API, outside the adapter: to prepare a recording (seed versions, users,
 * a held lock) and to probe the server's own limits, whose answers the adapter's rules are checked against.
 */
final class RawMlflow {
    /** A status and the parsed body (an empty object when the body is not JSON). */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.path("error_code").asText("");
        }
    }

    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RawMlflow(URI base, String user, String password) {
        this.base = base;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String endpoint, ObjectNode body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpoint))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    Answer patch(String endpoint, ObjectNode body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpoint))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    Answer get(String endpoint, String name, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpoint + "?" + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8))).GET());
    }

    Answer getQuery(String endpoint, java.util.Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow/" + endpoint + q)).GET());
    }

    /** The text of an artifact, read back through the tracking server's artifact proxy. */
    String artifact(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            encoded.append(encoded.length() == 0 ? "" : "/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/2.0/mlflow-artifacts/artifacts/" + encoded)).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET artifact " + path + " → " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Like {@link #post} but failing unless the server says 200. */
    JsonNode ok(String endpoint, ObjectNode body) {
        Answer answer = post(endpoint, body);
        if (answer.status() != 200) {
            throw new IllegalStateException("POST " + endpoint + " " + body + " → " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    static ObjectNode json() {
        return Json.mapper().createObjectNode();
    }

    private Answer send(HttpRequest.Builder builder) {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                body = null;
            }
            return new Answer(response.statusCode(), body == null || !body.isObject() ? json() : body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
