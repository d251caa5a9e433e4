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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The MLflow Model Registry over its REST API 2.0, used as an MLflow user expects.
 *
 * <p>Registering creates a real tracking run per training (in an experiment named after the model
 * unless one is given): parameters, metrics and tags are logged, the lineage is a tag when it fits and
 * always the JSON artifact {@code mlcicd/lineage.json}, and a model that is only on this machine is
 * uploaded as the run artifact {@code model/} through the tracking server's artifact proxy. The version's
 * {@code source} is that artifact and its {@code run_id} the run, so MLflow's UI shows the source run;
 * the build URL is its {@code run_link}. MLflow refuses a local path as a source unless it lies in the
 * run's local artifact directory (mlflow/server/handlers.py, {@code _validate_source_run}).
 *
 * <p>Aliases are MLflow aliases. MLflow keeps no history of alias moves, so this adapter does: the log is
 * one bounded registered-model tag, {@code mlcicd.alias_log}, written while holding a lock (a registered
 * model named {@code <name>.mlcicd-lock}: MLflow's unique names make its creation atomic), so the "from"
 * version is the true previous target and every move is recorded as intended before it is made and
 * confirmed after.
 */
public final class MlflowModelRegistry implements ModelRegistry {
    /** MLflow's limit on a model-registry tag value (its lowest across versions; 100,000 since 3.2). */
    static final int MAX_TAG_VALUE = 5000;
    static final String TAG_SHA256 = "mlcicd.model.sha256";
    static final String TAG_BYTES = "mlcicd.model.bytes";
    static final String TAG_METRICS = "mlcicd.metrics";
    static final String TAG_LINEAGE = "mlcicd.lineage";
    static final String TAG_LINEAGE_URI = "mlcicd.lineage_uri";
    static final String TAG_CREATED_BY = "mlcicd.created_by";
    static final String TAG_BUILD_URL = "mlcicd.build_url";
    static final String TAG_ALIAS_LOG = "mlcicd.alias_log";
    /** Per-move tags written by earlier versions of this adapter; still read by {@link #history}. */
    static final String ALIAS_LOG_PREFIX = "mlcicd.alias_log.";
    static final String LOCK_SUFFIX = ".mlcicd-lock";
    static final String LINEAGE_ARTIFACT = "mlcicd/lineage.json";
    static final String MODEL_ARTIFACT_DIR = "model";
    /** A lock older than this is taken to be left by a client that died, and is broken. */
    static final Duration STALE_LOCK = Duration.ofMinutes(10);
    /** Attempts to take the alias lock, about a minute with the growing pause between them. */
    static final int LOCK_ATTEMPTS = 100;
    private static final int PAGE_SIZE = 200;
    private static final Pattern REMOTE_URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private final MlflowHttp http;
    private final Clock clock;
    private final MlflowHttp.Sleeper sleeper;
    private final String experiment;
    private int lockAttempts = LOCK_ATTEMPTS;

    /**
     * @param trackingUri MLflow server, e.g. {@code https://mlflow.example.com}
     * @param token       bearer token supplier (read when needed, never stored in messages); may return null
     */
    public MlflowModelRegistry(URI trackingUri, Supplier<String> token) {
        this(trackingUri, MlflowAuth.bearer(token));
    }

    /** @param auth how to authenticate (bearer token, HTTP Basic, or none) */
    public MlflowModelRegistry(URI trackingUri, MlflowAuth auth) {
        this(trackingUri, auth, null, RetryPolicy.DEFAULT, Duration.ofSeconds(10), Duration.ofSeconds(120), Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
    }

    MlflowModelRegistry(URI trackingUri, Supplier<String> token, RetryPolicy retry, Duration connectTimeout, Duration requestTimeout,
            Clock clock, MlflowHttp.Sleeper sleeper) {
        this(trackingUri, MlflowAuth.bearer(token), null, retry, connectTimeout, requestTimeout, clock, sleeper);
    }

    MlflowModelRegistry(URI trackingUri, MlflowAuth auth, String experiment, RetryPolicy retry, Duration connectTimeout,
            Duration requestTimeout, Clock clock, MlflowHttp.Sleeper sleeper) {
        this(new MlflowHttp(trackingUri, auth, connectTimeout, requestTimeout, retry, sleeper), clock, sleeper, experiment);
    }

    private MlflowModelRegistry(MlflowHttp http, Clock clock, MlflowHttp.Sleeper sleeper, String experiment) {
        this.http = http;
        this.clock = clock;
        this.sleeper = sleeper;
        this.experiment = experiment == null || experiment.isBlank() ? null : experiment;
    }

    /** For tests and tools: a registry with its own retry policy and no real waiting between retries. */
    public static MlflowModelRegistry withRetry(URI trackingUri, Supplier<String> token, RetryPolicy retry) {
        return new MlflowModelRegistry(trackingUri, MlflowAuth.bearer(token), null, retry, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Clock.systemUTC(), d -> { });
    }

    /** The same registry, with training runs in the named experiment instead of one named after the model. */
    public MlflowModelRegistry inExperiment(String experimentName) {
        return new MlflowModelRegistry(http, clock, sleeper, experimentName);
    }

    /** For tests: give up on a held alias lock after this many attempts. */
    MlflowModelRegistry lockAttempts(int attempts) {
        this.lockAttempts = attempts;
        return this;
    }

    @Override
    public String location() {
        return http.location();
    }

    @Override
    public String requireName(String name) {
        return RegistryNames.requireMlflowModelName(name);
    }

    @Override
    public ModelVersion register(String name, VersionDraft draft) {
        requireName(name);
        String uri = draft.model().uri();
        boolean upload = !isRemote(uri);
        if (upload && (draft.localModel() == null || !java.nio.file.Files.exists(draft.localModel()))) {
            throw new RegistryException(RegistryException.Kind.INVALID, "model URI '" + uri + "' is a local path and there is no model file "
                    + "to upload to MLflow; give the model file, or a remote URI (s3://, gs://, https://, runs:/, models:/) where it is kept");
        }
        long start = clock.millis();
        Map<String, String> runTags = new LinkedHashMap<>();
        runTags.put("mlflow.source.type", "JOB");
        if (draft.createdBy() != null) {
            runTags.put("mlflow.user", draft.createdBy());
        }
        if (draft.sourceUrl() != null) {
            runTags.put("mlflow.source.name", draft.sourceUrl());
            runTags.put(TAG_BUILD_URL, draft.sourceUrl());
        }
        String sha = draft.model().sha256();
        MlflowRun run = MlflowRun.start(http, experiment != null ? experiment : name,
                name + (sha.length() >= 12 ? " " + sha.substring(0, 12) : ""), draft.createdBy(), start, runTags);
        ObjectNode lineage = draft.lineage();
        String lineageTag = lineage == null ? null : fitting(lineage);
        String lineageUri = null;
        String source;
        try {
            if (lineage != null) {
                // Always an artifact (complete, downloadable); also a tag when it fits, so the UI shows it at a glance.
                lineageUri = run.upload(LINEAGE_ARTIFACT, lineage.toPrettyString());
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put(TAG_SHA256, sha);
            tags.put(TAG_BYTES, Long.toString(draft.model().bytes()));
            if (lineageTag != null) {
                tags.put(TAG_LINEAGE, lineageTag);
            }
            if (lineageUri != null) {
                tags.put(TAG_LINEAGE_URI, lineageUri);
            }
            run.log(params(lineage), draft.metrics(), tags, start);
            source = upload ? run.upload(MODEL_ARTIFACT_DIR, draft.localModel()) : uri;
            run.end("FINISHED", clock.millis());
        } catch (RegistryException e) {
            endQuietly(run, "FAILED");
            throw new RegistryException(e.kind(), e.getMessage() + " (MLflow run " + run.runId + " marked FAILED; nothing registered)", e);
        }
        boolean created = createRegisteredModel(name);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", name);
        body.put("source", source);
        body.put("run_id", run.runId);
        if (draft.sourceUrl() != null) {
            body.put("run_link", draft.sourceUrl());
        }
        body.put("description", "Registered by mlcicd; model sha256 " + sha);
        ArrayNode tags = body.putArray("tags");
        tag(tags, TAG_SHA256, sha);
        tag(tags, TAG_BYTES, Long.toString(draft.model().bytes()));
        if (draft.createdBy() != null) {
            tag(tags, TAG_CREATED_BY, draft.createdBy());
        }
        String metrics = fitting(Json.mapper().valueToTree(draft.metrics()));
        if (metrics != null) {
            tag(tags, TAG_METRICS, metrics);
        }
        if (lineageTag != null) {
            tag(tags, TAG_LINEAGE, lineageTag);
        }
        if (lineageUri != null) {
            tag(tags, TAG_LINEAGE_URI, lineageUri);
        }
        try {
            JsonNode response = http.post("model-versions/create", body, MlflowHttp.Idempotence.ONLY_IF_NOT_PROCESSED);
            return toVersion("model-versions/create", response.path("model_version"));
        } catch (RegistryException e) {
            if (e.kind() == RegistryException.Kind.UNAVAILABLE || e.kind() == RegistryException.Kind.PROTOCOL) {
                // The server may have created the version before failing: the run is ours alone, so look for it.
                ModelVersion existing;
                try {
                    existing = findByRun(name, run.runId);
                } catch (RegistryException search) {
                    throw new RegistryException(e.kind(), e.getMessage() + "; the version may still have been created: look for run_id "
                            + run.runId + " in " + name + " (the check failed: " + search.getMessage() + ")", e);
                }
                if (existing != null) {
                    return existing;
                }
            }
            throw new RegistryException(e.kind(), e.getMessage() + (created ? removeIfEmpty(name) : ""), e);
        }
    }

    /** The lineage's hyper-parameters, as MLflow run params. */
    private static Map<String, String> params(ObjectNode lineage) {
        Map<String, String> params = new LinkedHashMap<>();
        if (lineage != null) {
            lineage.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return params;
    }

    private void endQuietly(MlflowRun run, String status) {
        try {
            run.end(status, clock.millis());
        } catch (RegistryException ignored) {
            // the original failure is the one to report; MLflow shows the run as RUNNING
        }
    }

    /** A URI with a scheme (s3:, https:, runs:, models:, mlflow-artifacts:) other than file:; "C:\\" is a path. */
    static boolean isRemote(String uri) {
        return REMOTE_URI.matcher(uri).matches() && !uri.regionMatches(true, 0, "file:", 0, 5);
    }

    /** The version of {@code name} created from run {@code runId}, or null (model-versions/search by run_id). */
    private ModelVersion findByRun(String name, String runId) {
        JsonNode page = http.get("model-versions/search", Map.of("filter", "run_id='" + runId + "'", "max_results", "10"));
        for (JsonNode item : page.path("model_versions")) {
            if (name.equals(item.path("name").asText())) {
                return toVersion("model-versions/search", item);
            }
        }
        return null;
    }

    /** Removes a registered model this call created when it has no version; says what happened, for the error message. */
    private String removeIfEmpty(String name) {
        try {
            JsonNode page = http.get("model-versions/search", Map.of("filter", "name='" + name + "'", "max_results", "1"));
            if (page.path("model_versions").size() > 0) {
                return "";
            }
            http.delete("registered-models/delete", Json.mapper().createObjectNode().put("name", name));
            return "; the empty registered model '" + name + "' this call created was deleted again";
        } catch (RegistryException e) {
            return "; the registered model '" + name + "' this call created is left without versions (deleting it failed: "
                    + e.getMessage() + ")";
        }
    }

    /** Creates the registered model; true when this call created it, false when it existed. */
    private boolean createRegisteredModel(String name) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name);
        try {
            http.post("registered-models/create", body, MlflowHttp.Idempotence.SAFE);
            return true;
        } catch (MlflowHttp.HttpFailure e) {
            if (!e.alreadyExists()) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public ModelVersion get(String name, int version) {
        requireName(name);
        JsonNode response = http.get("model-versions/get", Map.of("name", name, "version", Integer.toString(version)));
        return toVersion("model-versions/get", response.path("model_version"));
    }

    /** Where MLflow says the version's artifacts can be downloaded ({@code get-download-uri}). */
    public String downloadUri(String name, int version) {
        requireName(name);
        JsonNode response = http.get("model-versions/get-download-uri", Map.of("name", name, "version", Integer.toString(version)));
        JsonNode uri = response.get("artifact_uri");
        if (uri == null || !uri.isTextual()) {
            throw protocol("model-versions/get-download-uri", "no 'artifact_uri' in the answer");
        }
        return uri.asText();
    }

    @Override
    public List<ModelVersion> list(String name) {
        requireName(name);
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
        requireName(name);
        RegistryNames.requireAlias(alias);
        get(name, version); // NOT_FOUND with MLflow's own message when the version does not exist
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("alias", alias).put("version", Integer.toString(version));
        return moveAudited(name, alias, version, why, () -> http.post("registered-models/alias", body, MlflowHttp.Idempotence.SAFE));
    }

    @Override
    public AliasMove removeAlias(String name, String alias, Promotion why) {
        requireName(name);
        RegistryNames.requireAlias(alias);
        return moveAudited(name, alias, null, why,
                () -> http.delete("registered-models/alias", Json.mapper().createObjectNode().put("name", name).put("alias", alias)));
    }

    /**
     * Moves an alias so that the log cannot lie: under the lock, reads where the alias points (the true
     * "from"), records the move as intended, makes it, reads the alias back and records the outcome. A
     * failure at any point leaves either no move, or a move whose entry says it was intended.
     */
    private AliasMove moveAudited(String name, String alias, Integer to, Promotion why, Runnable move) {
        String nonce = UUID.randomUUID().toString();
        acquireLock(name, nonce);
        try {
            JsonNode model = registeredModel(name); // one read: the alias's true target under the lock, and the log
            Integer from = aliasesOf(model).get(alias);
            if (to == null && from == null) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no alias '" + alias + "' in MLflow at " + location());
            }
            AliasMove entry = new AliasMove(clock.instant().toString(), alias, from, to, why.actor(), why.reason(), why.sourceUrl(), why.gateVerdict());
            AliasLog log;
            try {
                log = AliasLog.parse(tagOf(model, TAG_ALIAS_LOG));
            } catch (IllegalArgumentException e) {
                throw protocol("registered-models/get", "tag " + TAG_ALIAS_LOG + " is not an alias log (" + e.getMessage()
                        + "); fix or delete that tag of '" + name + "'");
            }
            log.add(nonce, AliasLog.INTENDED, entry);
            writeLog(name, log);
            try {
                move.run();
            } catch (RegistryException e) {
                // The server may have moved it before failing: say what the alias really is now.
                String state = AliasLog.FAILED;
                try {
                    state = java.util.Objects.equals(aliases(name).get(alias), to) ? AliasLog.CONFIRMED : AliasLog.FAILED;
                    log.setState(nonce, state);
                    writeLog(name, log);
                } catch (RegistryException ignored) {
                    // the entry stays "intended": the reader is told the move was not confirmed
                }
                if (!AliasLog.CONFIRMED.equals(state)) {
                    throw e;
                }
                return entry;
            }
            Integer now = aliases(name).get(alias);
            log.setState(nonce, java.util.Objects.equals(now, to) ? AliasLog.CONFIRMED : AliasLog.FAILED);
            writeLog(name, log);
            return entry;
        } finally {
            releaseLock(name);
        }
    }

    private void writeLog(String name, AliasLog log) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("key", TAG_ALIAS_LOG).put("value", log.render(MAX_TAG_VALUE));
        http.post("registered-models/set-tag", body, MlflowHttp.Idempotence.SAFE);
    }

    /**
     * Takes the alias lock of {@code name}: creates the registered model {@code <name>.mlcicd-lock}, tagged
     * with a nonce so that a create that succeeded but answered an error is still recognised as ours.
     */
    private void acquireLock(String name, String nonce) {
        String lock = name + LOCK_SUFFIX;
        ObjectNode body = Json.mapper().createObjectNode().put("name", lock)
                .put("description", "mlcicd: an alias of '" + name + "' is being moved; safe to delete when older than "
                        + STALE_LOCK.toMinutes() + " minutes");
        body.putArray("tags").addObject().put("key", "mlcicd.lock").put("value", nonce);
        for (int attempt = 1; attempt <= lockAttempts; attempt++) {
            try {
                http.post("registered-models/create", body, MlflowHttp.Idempotence.SAFE);
                return;
            } catch (MlflowHttp.HttpFailure e) {
                if (!e.alreadyExists()) {
                    throw e;
                }
            }
            JsonNode holder;
            try {
                holder = registeredModel(lock);
            } catch (RegistryException e) {
                if (e.kind() == RegistryException.Kind.NOT_FOUND) {
                    continue; // released meanwhile
                }
                throw e;
            }
            if (nonce.equals(tagOf(holder, "mlcicd.lock"))) {
                return; // our own create, answered with an error after it was done
            }
            long since = holder.path("creation_timestamp").asLong(clock.millis());
            if (clock.millis() - since > STALE_LOCK.toMillis()) {
                releaseLock(name);
                continue;
            }
            try {
                sleeper.sleep(Duration.ofMillis(Math.min(1000, 20L * attempt)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "interrupted while waiting for the alias lock of " + name, e);
            }
        }
        throw new RegistryException(RegistryException.Kind.UNAVAILABLE, "an alias of '" + name + "' is being moved by another client "
                + "(registered model '" + lock + "' exists); retry later, or delete that model if no one is moving aliases");
    }

    private void releaseLock(String name) {
        try {
            http.delete("registered-models/delete", Json.mapper().createObjectNode().put("name", name + LOCK_SUFFIX));
        } catch (RegistryException e) {
            if (e.kind() != RegistryException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static String tagOf(JsonNode model, String key) {
        for (JsonNode tag : model.path("tags")) {
            if (key.equals(tag.path("key").asText())) {
                return tag.path("value").asText();
            }
        }
        return null;
    }

    @Override
    public Map<String, Integer> aliases(String name) {
        requireName(name);
        return aliasesOf(registeredModel(name));
    }

    private Map<String, Integer> aliasesOf(JsonNode model) {
        Map<String, Integer> aliases = new TreeMap<>();
        for (JsonNode alias : model.path("aliases")) {
            aliases.put(alias.path("alias").asText(), parseVersion("registered-models/get", alias.path("version")));
        }
        return aliases;
    }

    @Override
    public List<AliasMove> history(String name) {
        requireName(name);
        JsonNode model = registeredModel(name);
        Map<String, AliasMove> legacy = new TreeMap<>();
        for (JsonNode tag : model.path("tags")) {
            String key = tag.path("key").asText();
            if (key.startsWith(ALIAS_LOG_PREFIX)) {
                try {
                    legacy.put(key, Json.mapper().readValue(tag.path("value").asText(), AliasMove.class));
                } catch (JsonProcessingException e) {
                    throw protocol("registered-models/get", "tag " + key + " is not an alias move: " + e.getOriginalMessage());
                }
            }
        }
        List<AliasMove> moves = new ArrayList<>(legacy.values());
        try {
            moves.addAll(AliasLog.parse(tagOf(model, TAG_ALIAS_LOG)).moves());
        } catch (IllegalArgumentException e) {
            throw protocol("registered-models/get", "tag " + TAG_ALIAS_LOG + " is not an alias log: " + e.getMessage());
        }
        return List.copyOf(moves);
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
        Map<String, String> links = new LinkedHashMap<>();
        String runId = node.path("run_id").asText("");
        if (!runId.isEmpty()) {
            links.put("run", "runs:/" + runId);
        }
        if (tags.containsKey(TAG_LINEAGE_URI)) {
            links.put("lineage", tags.get(TAG_LINEAGE_URI));
        }
        return new ModelVersion(name, version, createdAt, createdBy == null || createdBy.isEmpty() ? null : createdBy,
                sourceUrl == null || sourceUrl.isEmpty() ? null : sourceUrl, model, metrics, lineage, links);
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

    /** Compact JSON when it fits in a tag; null when it does not (the tag is then left out, never cut; lineage is also an artifact). */
    private static String fitting(JsonNode node) {
        String text = node.toString();
        return text.length() <= MAX_TAG_VALUE ? text : null;
    }
}
