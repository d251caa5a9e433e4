package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Instant queries over Prometheus' HTTP API ({@code GET /api/v1/query}). A result must be a scalar or
 * a vector of exactly one series: a guardrail compares one number, and silently picking one of several
 * series would judge the wrong thing. Values arrive as strings, including {@code NaN}, {@code +Inf}
 * and {@code -Inf}.
 */
public final class PrometheusClient implements MetricSource {
    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient client;
    private final UnaryOperator<String> mask;

    /**
     * @param authorization the whole Authorization header value, or null
     * @param mask          hides secrets in messages (a proxy's error page may echo a header)
     */
    public PrometheusClient(String url, String authorization, Duration timeout, UnaryOperator<String> mask) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = authorization;
        this.timeout = timeout;
        this.mask = mask;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public Reading query(String query) throws InterruptedException {
        URI uri = base.resolve("api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET().header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return Reading.unreachable("Prometheus did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Reading.unreachable("Prometheus unreachable at " + base + ": " + mask.apply(String.valueOf(e.getMessage())));
        }
        return parse(response.statusCode(), response.body());
    }

    /** Interprets a response of {@code /api/v1/query}. */
    Reading parse(int status, String body) {
        JsonNode root = null;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException | RuntimeException e) {
            // not JSON: an HTML error page of a proxy, say; the status decides below
        }
        boolean serverSide = status >= 500 || status == 429;
        if (root == null || !root.isObject()) {
            String what = "HTTP " + status + " with a body that is not Prometheus JSON";
            return serverSide ? Reading.unreachable("Prometheus " + what) : Reading.empty("Prometheus " + what);
        }
        if (!"success".equals(root.path("status").asText())) {
            String error = "Prometheus query error (HTTP " + status + ", " + root.path("errorType").asText("?") + "): "
                    + mask.apply(root.path("error").asText("no message"));
            // 503 (unavailable) and 5xx are the server's trouble; 400/422 are the query's
            return serverSide ? Reading.unreachable(error) : Reading.empty(error);
        }
        if (status < 200 || status >= 300) {
            return serverSide ? Reading.unreachable("Prometheus HTTP " + status) : Reading.empty("Prometheus HTTP " + status);
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "scalar" -> sample(result, "scalar");
            case "vector" -> {
                if (!result.isArray() || result.isEmpty()) {
                    yield Reading.empty("empty result (no series: no traffic, or a label that matches nothing)");
                }
                if (result.size() > 1) {
                    yield Reading.empty("the query returned " + result.size() + " series, a guardrail needs one:"
                            + " aggregate it (e.g. sum(...) or max(...))");
                }
                yield sample(result.get(0).path("value"), "vector");
            }
            default -> Reading.empty("result type '" + type + "' is not supported: use an instant vector or scalar query");
        };
    }

    private static Reading sample(JsonNode pair, String type) {
        if (!pair.isArray() || pair.size() != 2 || !pair.get(1).isTextual()) {
            return Reading.empty("malformed " + type + " sample in the response");
        }
        String raw = pair.get(1).asText();
        double value;
        switch (raw) {
            case "NaN" -> value = Double.NaN;
            case "+Inf", "Inf" -> value = Double.POSITIVE_INFINITY;
            case "-Inf" -> value = Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    value = Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    return Reading.empty("value '" + raw + "' is not a number");
                }
            }
        }
        return Reading.of(value, raw);
    }
}
