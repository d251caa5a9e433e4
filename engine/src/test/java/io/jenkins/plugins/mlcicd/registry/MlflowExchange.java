package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request/response pair as a real MLflow server answered it, one line of a recording
 * ({@code src/test/resources/mlflow/<version>/<scenario>.jsonl}). Bodies are kept as JSON when they are
 * JSON, as text when they are UTF-8, else base64.
 *
 * <p>Matching a live request to a recorded one ignores only what the client makes up itself each
 * time: nonces (UUIDs), its clock (ISO instants; {@code start_time}, {@code end_time}, {@code timestamp}).
 * Everything the server made up (run ids, experiment ids, version numbers) comes from the replayed
 * answers, so it is the same in both and is compared exactly.
 */
record MlflowExchange(String scenario, int seq, String method, String path, String query, JsonNode request, int status, JsonNode response) {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    /** Client clock fields of MLflow's run and metric bodies. */
    private static final Set<String> CLOCK_FIELDS = Set.of("start_time", "end_time", "timestamp");

    /** A text of one character this many times or more is stored as {@code {"$repeat": c, "times": n}} (the tag-limit probes). */
    private static final int REPEAT_MIN = 1000;

    ObjectNode toJson() {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("scenario", scenario).put("seq", seq).put("method", method).put("path", path);
        if (query != null) {
            line.put("query", query);
        }
        if (request != null) {
            line.set("request", squeeze(request));
        }
        line.put("status", status);
        line.set("response", response == null ? null : squeeze(response));
        return line;
    }

    static MlflowExchange fromJson(JsonNode line) {
        return new MlflowExchange(line.path("scenario").asText(), line.path("seq").asInt(), line.path("method").asText(),
                line.path("path").asText(), line.hasNonNull("query") ? line.path("query").asText() : null,
                line.hasNonNull("request") ? expand(line.get("request")) : null, line.path("status").asInt(),
                line.get("response") == null ? null : expand(line.get("response")));
    }

    private static JsonNode squeeze(JsonNode node) {
        if (node.isTextual() && node.asText().length() >= REPEAT_MIN && node.asText().chars().distinct().count() == 1) {
            return Json.mapper().createObjectNode().put("$repeat", node.asText().substring(0, 1)).put("times", node.asText().length());
        }
        return transform(node, MlflowExchange::squeeze);
    }

    private static JsonNode expand(JsonNode node) {
        if (node.isObject() && node.size() == 2 && node.has("$repeat") && node.has("times")) {
            return TextNode.valueOf(node.path("$repeat").asText().repeat(node.path("times").asInt()));
        }
        return transform(node, MlflowExchange::expand);
    }

    private static JsonNode transform(JsonNode node, java.util.function.UnaryOperator<JsonNode> each) {
        if (node.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), each.apply(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(item -> copy.add(each.apply(item)));
            return copy;
        }
        return node;
    }

    /** A body as stored: JSON, text, or {"base64": "..."}; null for none. */
    static JsonNode body(byte[] bytes, String contentType) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Json.mapper().createObjectNode().put("base64", Base64.getEncoder().encodeToString(bytes));
        }
        if (contentType != null && contentType.contains("json")) {
            try {
                return Json.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                // a server may label a non-JSON body as JSON: keep the text
            }
        }
        return TextNode.valueOf(text);
    }

    /** The bytes to send for a stored body. */
    static byte[] bytes(JsonNode body) {
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (body.isTextual()) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (body.isObject() && body.size() == 1 && body.has("base64")) {
            return Base64.getDecoder().decode(body.path("base64").asText());
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a live request must equal to be answered with this exchange's response. */
    String key() {
        return key(method, path, query, request);
    }

    static String key(String method, String path, String query, JsonNode request) {
        // parameter order is no part of a query's meaning (the adapter builds some from unordered maps)
        String params = query == null ? "" : "?" + normalise(String.join("&", new java.util.TreeSet<>(List.of(query.split("&")))));
        return method + " " + path + params + " " + (request == null ? "" : normalise(request).toString());
    }

    static String normalise(String text) {
        return INSTANT.matcher(UUID.matcher(text).replaceAll("<uuid>")).replaceAll("<instant>");
    }

    static JsonNode normalise(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(normalise(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(),
                    CLOCK_FIELDS.contains(e.getKey()) && e.getValue().isNumber() ? IntNode.valueOf(0) : normalise(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(item -> copy.add(normalise(item)));
            return copy;
        }
        return node;
    }
}
