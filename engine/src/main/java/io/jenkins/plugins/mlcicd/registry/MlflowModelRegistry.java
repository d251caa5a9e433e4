package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The MLflow Model Registry over its REST API 2.0. Versions are MLflow model versions whose
 * {@code source} is the model's location and whose {@code run_link} is the producing build; the
 * digest, size, metrics and lineage travel as model-version tags ({@code mlcicd.*}). Aliases are
 * MLflow aliases. MLflow keeps no history of alias moves, so each move is also recorded as a tag
 * of the registered model, {@code mlcicd.alias_log.<epoch millis>.<alias>.<nonce>} → the move as
 * JSON; {@link #history} reads them back in time order.
 */
public final class MlflowModelRegistry implements ModelRegistry {
    /** MLflow's limit on a model-registry tag value (its lowest across versions). */
    static final int MAX_TAG_VALUE = 5000;
    static final String TAG_SHA256 = "mlcicd.model.sha256";
    static final String TAG_BYTES = "mlcicd.model.bytes";
    static final String TAG_METRICS = "mlcicd.metrics";
    static final String TAG_LINEAGE = "mlcicd.lineage";
    static final String TAG_CREATED_BY = "mlcicd.created_by";
    static final String ALIAS_LOG_PREFIX = "mlcicd.alias_log.";
    private static final int PAGE_SIZE = 200;

    private final MlflowHttp http;
    private final Clock clock;

    /**
     * @param trackingUri MLflow server, e.g. {@code https://mlflow.example.com}
     * @param token       bearer token supplier (read when needed, never stored in messages); may return null
     */
    public MlflowModelRegistry(URI trackingUri, Supplier<String> token) {
        this(trackingUri, token, RetryPolicy.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(30), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    MlflowModelRegistry(URI trackingUri, Supplier<String> token, RetryPolicy retry, Duration connectTimeout, Duration requestTimeout,
            Clock clock, MlflowHttp.Sleeper sleeper) {
        this.http = new MlflowHttp(trackingUri, token, connectTimeout, requestTimeout, retry, sleeper);
        this.clock = clock;
    }

    /** For tests and tools: a registry with its own retry policy and no real waiting between retries. */
    public static MlflowModelRegistry withRetry(URI trackingUri, Supplier<String> token, RetryPolicy retry) {
        return new MlflowModelRegistry(trackingUri, token, retry, Duration.ofSeconds(5), Duration.ofSeconds(10), Clock.systemUTC(), d -> { });
    }

    @Override
    public String location() {
        return http.location();
    }

    @Override
    public ModelVersion register(String name, VersionDraft draft) {
        RegistryNames.requireModelName(name);
        createRegisteredModel(name);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", name);
        body.put("source", draft.model().uri());
        if (draft.sourceUrl() != null) {
            body.put("run_link", draft.sourceUrl());
        }
        body.put("description", "Registered by mlcicd; model sha256 " + draft.model().sha256());
        ArrayNode tags = body.putArray("tags");
        tag(tags, TAG_SHA256, draft.model().sha256());
        tag(tags, TAG_BYTES, Long.toString(draft.model().bytes()));
        if (draft.createdBy() != null) {
            tag(tags, TAG_CREATED_BY, draft.createdBy());
        }
        String metrics = fitting(Json.mapper().valueToTree(draft.metrics()));
        if (metrics != null) {
            tag(tags, TAG_METRICS, metrics);
        }
        String lineage = draft.lineage() == null ? null : fitting(draft.lineage());
        if (lineage != null) {
            tag(tags, TAG_LINEAGE, lineage);
        }
        JsonNode response = http.post("model-versions/create", body, MlflowHttp.Idempotence.ONLY_IF_NOT_PROCESSED);
        return toVersion("model-versions/create", response.path("model_version"));
    }

    /** Creates the registered model; one that exists already is fine (idempotent create). */
    private void createRegisteredModel(String name) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        try {
            http.post("registered-models/create", body, MlflowHttp.Idempotence.SAFE);
        } catch (MlflowHttp.HttpFailure e) {
            if (!e.alreadyExists()) {
                throw e;
            }
        }
    }

    @Override
    public ModelVersion get(String name, int version) {
        RegistryNames.requireModelName(name);
        JsonNode response = http.get("model-versions/get", Map.of("name", name, "version", Integer.toString(version)));
        return toVersion("model-versions/get", response.path("model_version"));
    }

    /** Where MLflow says the version's artifacts can be downloaded ({@code get-download-uri}). */
    public String downloadUri(String name, int version) {
        RegistryNames.requireModelName(name);
        JsonNode response = http.get("model-versions/get-download-uri", Map.of("name", name, "version", Integer.toString(version)));
        JsonNode uri = response.get("artifact_uri");
        if (uri == null || !uri.isTextual()) {
            throw protocol("model-versions/get-download-uri", "no 'artifact_uri' in the answer");
        }
        return uri.asText();
    }

    @Override
    public List<ModelVersion> list(String name) {
        RegistryNames.requireModelName(name);
        registeredModel(name); // NOT_FOUND for an unknown model, rather than an empty list
        List<ModelVersion> versions = new ArrayList<>();
        String pageToken = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("filter", "name='" + name + "'"); // names cannot contain quotes (RegistryNames)
            query.put("max_results", Integer.toString(PAGE_SIZE));
            if (pageToken != null) {
                query.put("page_token", pageToken);
            }
            JsonNode page = http.get("model-versions/search", query);
            JsonNode items = page.path("model_versions");
            if (!items.isMissingNode() && !items.isArray()) {
                throw protocol("model-versions/search", "'model_versions' is not a list");
            }
            for (JsonNode item : items) {
                versions.add(toVersion("model-versions/search", item));
            }
            pageToken = page.path("next_page_token").asText("");
        } while (!pageToken.isEmpty());
        versions.sort(Comparator.comparingInt(ModelVersion::version));
        return versions;
    }

    @Override
    public AliasMove setAlias(String name, String alias, int version, Promotion why) {
        RegistryNames.requireModelName(name);
        RegistryNames.requireAlias(alias);
        Integer from = aliases(name).get(alias);
        get(name, version); // NOT_FOUND with MLflow's own message when the version does not exist
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("alias", alias).put("version", Integer.toString(version));
        http.post("registered-models/alias", body, MlflowHttp.Idempotence.SAFE);
        return record(name, alias, from, version, why);
    }

    @Override
    public AliasMove removeAlias(String name, String alias, Promotion why) {
        RegistryNames.requireModelName(name);
        RegistryNames.requireAlias(alias);
        Integer from = aliases(name).get(alias);
        if (from == null) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no alias '" + alias + "' in MLflow at " + location());
        }
        http.delete("registered-models/alias", Json.mapper().createObjectNode().put("name", name).put("alias", alias));
        return record(name, alias, from, null, why);
    }

    private AliasMove record(String name, String alias, Integer from, Integer to, Promotion why) {
        Instant now = clock.instant();
        AliasMove move = new AliasMove(now.toString(), alias, from, to, why.actor(), why.reason(), why.sourceUrl(), why.gateVerdict());
        String key = ALIAS_LOG_PREFIX + String.format(Locale.ROOT, "%013d", now.toEpochMilli()) + "." + alias + "."
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000, 0x100000));
        String value;
        try {
            value = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(move);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("key", key).put("value", value);
        http.post("registered-models/set-tag", body, MlflowHttp.Idempotence.SAFE);
        return move;
    }

    @Override
    public Map<String, Integer> aliases(String name) {
        RegistryNames.requireModelName(name);
        Map<String, Integer> aliases = new TreeMap<>();
        for (JsonNode alias : registeredModel(name).path("aliases")) {
            aliases.put(alias.path("alias").asText(), parseVersion("registered-models/get", alias.path("version")));
        }
        return aliases;
    }

    @Override
    public List<AliasMove> history(String name) {
        RegistryNames.requireModelName(name);
        Map<String, AliasMove> byKey = new TreeMap<>();
        for (JsonNode tag : registeredModel(name).path("tags")) {
            String key = tag.path("key").asText();
            if (key.startsWith(ALIAS_LOG_PREFIX)) {
                try {
                    byKey.put(key, Json.mapper().readValue(tag.path("value").asText(), AliasMove.class));
                } catch (JsonProcessingException e) {
                    throw protocol("registered-models/get", "tag " + key + " is not an alias move: " + e.getOriginalMessage());
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private JsonNode registeredModel(String name) {
        JsonNode model = http.get("registered-models/get", Map.of("name", name)).path("registered_model");
        if (!model.isObject()) {
            throw protocol("registered-models/get", "no 'registered_model' object in the answer");
        }
        return model;
    }

    // ---- mapping

    private ModelVersion toVersion(String endpoint, JsonNode node) {
        if (!node.isObject()) {
            throw protocol(endpoint, "no 'model_version' object in the answer");
        }
        Map<String, String> tags = new HashMap<>();
        for (JsonNode tag : node.path("tags")) {
            tags.put(tag.path("key").asText(), tag.path("value").asText());
        }
        String name = text(endpoint, node, "name");
        int version = parseVersion(endpoint, node.path("version"));
        String createdAt = node.path("creation_timestamp").canConvertToLong()
                ? Instant.ofEpochMilli(node.path("creation_timestamp").asLong()).toString()
                : clock.instant().toString();
        long bytes = parseLong(tags.get(TAG_BYTES));
        ModelReference model = new ModelReference(node.path("source").asText(""), tags.getOrDefault(TAG_SHA256, ""), bytes);
        Map<String, Double> metrics = new LinkedHashMap<>();
        ObjectNode lineage = null;
        try {
            if (tags.containsKey(TAG_METRICS)) {
                Json.mapper().readTree(tags.get(TAG_METRICS)).properties()
                        .forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
            }
            if (tags.containsKey(TAG_LINEAGE)) {
                JsonNode parsed = Json.mapper().readTree(tags.get(TAG_LINEAGE));
                lineage = parsed.isObject() ? (ObjectNode) parsed : null;
            }
        } catch (JsonProcessingException e) {
            throw protocol(endpoint, "an mlcicd tag of " + name + " v" + version + " is not JSON: " + e.getOriginalMessage());
        }
        String createdBy = tags.getOrDefault(TAG_CREATED_BY, node.path("user_id").asText(null));
        String sourceUrl = node.path("run_link").asText(null);
        return new ModelVersion(name, version, createdAt, createdBy == null || createdBy.isEmpty() ? null : createdBy,
                sourceUrl == null || sourceUrl.isEmpty() ? null : sourceUrl, model, metrics, lineage);
    }

    private int parseVersion(String endpoint, JsonNode version) {
        try {
            return Integer.parseInt(version.asText(""));
        } catch (NumberFormatException e) {
            throw protocol(endpoint, "version '" + version.asText("") + "' is not a number");
        }
    }

    private static long parseLong(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String text(String endpoint, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw protocol(endpoint, "'" + field + "' missing or not a string");
        }
        return value.asText();
    }

    private RegistryException protocol(String endpoint, String problem) {
        return new RegistryException(RegistryException.Kind.PROTOCOL, "MLflow at " + location() + ": unexpected answer to " + endpoint + ": " + problem);
    }

    private static void tag(ArrayNode tags, String key, String value) {
        tags.addObject().put("key", key).put("value", value);
    }

    /** Compact JSON when it fits in a tag; null when it does not (the tag is then left out, never cut). */
    private static String fitting(JsonNode node) {
        String text = node.toString();
        return text.length() <= MAX_TAG_VALUE ? text : null;
    }
}
