package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the MLflow adapter does against a server, as scenarios that run twice: once against a real MLflow
 * server through {@link RecordingMlflowProxy} (bench/mlflow/record.sh, which commits what MLflow answered),
 * and in every build against {@link ReplayMlflowServer} serving those answers
 * ({@code MlflowRecordedReplayTest}). The assertions hold in both: during the recording they check the
 * adapter against the real server, during the replay against what it said.
 *
 * <p>A scenario's setup prepares the server directly (not recorded, not replayed): seeded versions,
 * users of the basic-auth app, a lock held by "another client".
 */
final class MlflowScenarios {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String BUILD = "https://ci.example.com/job/fraud/7/";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "password1234"; // MLflow's basic_auth.ini default; the recording server is loopback-only and thrown away
    static final String USER = "alice";
    static final String USER_PASSWORD = "pä55:word-Alice1";
    private static final RetryPolicy RETRY = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2));

    /**
     * Where a scenario runs: the server (proxy or replay), a scratch directory, whether this is the recording,
     * and the client's clock (a replay runs at the time of its recording: the age of a lock is compared with it).
     */
    record Ctx(URI uri, Path work, boolean recording, Clock clock) {
        Ctx(URI uri, Path work, boolean recording) {
            this(uri, work, recording, Clock.systemUTC());
        }

        MlflowModelRegistry registry() {
            return registry(MlflowAuth.none());
        }

        MlflowModelRegistry registry(MlflowAuth auth) {
            MlflowHttp.Sleeper sleeper = recording ? d -> Thread.sleep(d.toMillis()) : d -> { };
            return new MlflowModelRegistry(uri, auth, null, RETRY, Duration.ofSeconds(5), Duration.ofSeconds(60), clock, sleeper);
        }

        RawMlflow raw() {
            return new RawMlflow(uri, null, null);
        }

        RawMlflow raw(String user, String password) {
            return new RawMlflow(uri, user, password);
        }

        Path file(String name, String content) throws IOException {
            Path file = work.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        }
    }

    interface Setup {
        void run(RawMlflow direct) throws Exception;
    }

    interface Exercise {
        void run(Ctx ctx) throws Exception;
    }

    /**
     * @param auth       runs against the server started with {@code --app-name basic-auth}
     * @param replayable false for concurrent scenarios, whose request order differs from run to run;
     *                   their recording is kept as evidence and a later scenario replays their outcome
     */
    record Scenario(String name, boolean auth, boolean replayable, Setup setup, Exercise exercise) {
    }

    static final List<Scenario> ALL = List.of(
            new Scenario("register-upload", false, true, direct -> { }, MlflowScenarios::registerUpload),
            new Scenario("register-remote-uri", false, true, direct -> { }, MlflowScenarios::registerRemote),
            new Scenario("register-invalid-source", false, true, direct -> { }, MlflowScenarios::registerInvalidSource),
            new Scenario("list-205-versions", false, true, direct -> seedVersions(direct, "paged-model", 205), MlflowScenarios::list205),
            new Scenario("alias-moves", false, true, direct -> seedVersions(direct, "alias-model", 3), MlflowScenarios::aliasMoves),
            new Scenario("not-found", false, true, direct -> seedVersions(direct, "known-model", 1), MlflowScenarios::notFound),
            new Scenario("lineage-over-5000", false, true, direct -> { }, MlflowScenarios::lineageOver5000),
            new Scenario("unicode-name", false, true, direct -> { }, MlflowScenarios::unicodeName),
            new Scenario("name-rules", false, true, direct -> { }, MlflowScenarios::nameRules),
            new Scenario("lock-held", false, true, MlflowScenarios::holdLock, MlflowScenarios::lockHeld),
            new Scenario("concurrent-moves", false, false, direct -> seedVersions(direct, "race-model", 6), MlflowScenarios::concurrentMoves),
            new Scenario("concurrent-history", false, true, direct -> { }, MlflowScenarios::concurrentHistory),
            new Scenario("auth-basic", true, true, MlflowScenarios::seedUsers, MlflowScenarios::authBasic),
            new Scenario("auth-failures", true, true, direct -> { }, MlflowScenarios::authFailures),
            new Scenario("auth-permission-denied", true, true, direct -> { }, MlflowScenarios::authPermissionDenied));

    private MlflowScenarios() {
    }

    static Scenario named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(name));
    }

    // ---- setups (direct, unrecorded)

    static void seedVersions(RawMlflow direct, String name, int count) {
        direct.ok("registered-models/create", RawMlflow.json().put("name", name));
        for (int i = 1; i <= count; i++) {
            direct.ok("model-versions/create", RawMlflow.json().put("name", name).put("source", "s3://models/" + name + "/" + i));
        }
    }

    static void holdLock(RawMlflow direct) {
        seedVersions(direct, "busy-model", 1);
        ObjectNode lock = RawMlflow.json().put("name", "busy-model" + MlflowModelRegistry.LOCK_SUFFIX);
        lock.putArray("tags").addObject().put("key", "mlcicd.lock").put("value", "another-client");
        direct.ok("registered-models/create", lock);
    }

    static void seedUsers(RawMlflow direct) {
        direct.ok("users/create", RawMlflow.json().put("username", USER).put("password", USER_PASSWORD));
        seedVersions(direct, "guarded-model", 1);
    }

    // ---- exercises (recorded, replayed)

    static ObjectNode lineage(int dataFiles) {
        ObjectNode lineage = Json.mapper().createObjectNode();
        lineage.putObject("code").put("commit", "abc123").put("repository", "https://git.example.com/fraud.git");
        lineage.putObject("params").put("lr", "0.1").put("epochs", "150");
        ArrayNode data = lineage.putArray("data");
        for (int i = 0; i < dataFiles; i++) {
            data.addObject().put("path", "data/partition-" + i + "/transactions-2026-11-" + String.format("%02d", i % 30 + 1) + ".parquet")
                    .put("sha256", String.format("%064x", i + 1L)).put("rows", 100_000 + i);
        }
        return lineage;
    }

    private static VersionDraft localDraft(Path model, ObjectNode lineage) {
        return new VersionDraft(new ModelReference(model.toString(), SHA, Files.exists(model) ? size(model) : 0),
                new java.util.TreeMap<>(Map.of("auc", 0.91, "loss", 0.2)), BUILD, "jenkins", lineage, model);
    }

    private static VersionDraft remoteDraft(String uri, ObjectNode lineage) {
        return new VersionDraft(new ModelReference(uri, SHA, 1234), Map.of("auc", 0.9), BUILD, "jenkins", lineage, null);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RegistryException.Kind kind(Throwable e) {
        return ((RegistryException) e).kind();
    }

    static void registerUpload(Ctx ctx) throws Exception {
        MlflowModelRegistry registry = ctx.registry();
        Path model = ctx.file("model.bin", "MODEL-1");
        ModelVersion v1 = registry.register("fraud-model", localDraft(model, lineage(2)));
        assertThat(v1.version()).isEqualTo(1);
        String runId = v1.links().get("run").substring("runs:/".length());
        assertThat(runId).matches("[0-9a-f]{32}");
        assertThat(v1.model().uri()).matches("mlflow-artifacts:/\\d+/" + runId + "/artifacts/model");
        assertThat(v1.links().get("lineage")).isEqualTo(v1.model().uri().replace("/model", "/mlcicd/lineage.json"));
        assertThat(v1.createdBy()).isEqualTo("jenkins");
        assertThat(v1.sourceUrl()).isEqualTo(BUILD);
        assertThat(v1.metrics()).containsEntry("auc", 0.91);
        assertThat(v1.lineage()).isEqualTo(lineage(2));
        assertThat(registry.get("fraud-model", 1).model().uri()).isEqualTo(v1.model().uri());
        assertThat(registry.downloadUri("fraud-model", 1)).isNotBlank();

        // what MLflow keeps of the run: params, metrics, tags, status, and the uploaded bytes
        JsonNode run = ctx.raw().get("runs/get", "run_id", runId).body().path("run");
        assertThat(run.path("info").path("status").asText()).isEqualTo("FINISHED");
        assertThat(keyValues(run.path("data").path("params"))).containsEntry("lr", "0.1").containsEntry("epochs", "150");
        assertThat(keyValues(run.path("data").path("tags"))).containsEntry("mlflow.user", "jenkins")
                .containsEntry(MlflowModelRegistry.TAG_BUILD_URL, BUILD).containsKey(MlflowModelRegistry.TAG_LINEAGE);
        assertThat(run.path("data").path("metrics").findValuesAsText("key")).contains("auc", "loss");
        String root = v1.model().uri().substring("mlflow-artifacts:/".length());
        assertThat(ctx.raw().artifact(root + "/model.bin")).isEqualTo("MODEL-1");

        ModelVersion v2 = registry.register("fraud-model", localDraft(ctx.file("model.bin", "MODEL-2"), lineage(1)));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.links().get("run")).isNotEqualTo(v1.links().get("run"));
    }

    static void registerRemote(Ctx ctx) {
        ModelVersion version = ctx.registry().register("remote-model", remoteDraft("s3://models/fraud/7/model", lineage(1)));
        assertThat(version.version()).isEqualTo(1);
        assertThat(version.model().uri()).isEqualTo("s3://models/fraud/7/model");
        assertThat(version.links()).containsKey("run");
    }

    static void registerInvalidSource(Ctx ctx) {
        // MLflow refuses http(s) sources with relative path parts (handlers.py, _validate_non_local_source_contains_relative_paths)
        assertThatThrownBy(() -> ctx.registry().register("bad-source-model", remoteDraft("https://models.example.com/fraud/../../etc/model", null)))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.INVALID))
                .hasMessageContaining("HTTP 400 INVALID_PARAMETER_VALUE").hasMessageContaining("Invalid model version source")
                .hasMessageContaining("empty registered model 'bad-source-model' this call created was deleted again");
        assertThat(ctx.raw().get("registered-models/get", "name", "bad-source-model").status()).isEqualTo(404);
    }

    static void list205(Ctx ctx) {
        List<ModelVersion> versions = ctx.registry().list("paged-model");
        assertThat(versions).hasSize(205);
        assertThat(versions.get(0).version()).isEqualTo(1);
        assertThat(versions.get(204).version()).isEqualTo(205);
        assertThat(versions.get(204).model().uri()).isEqualTo("s3://models/paged-model/205");
    }

    static void aliasMoves(Ctx ctx) {
        MlflowModelRegistry registry = ctx.registry();
        Promotion why = new Promotion("jenkins", "gate passed", BUILD, "PASSED");
        assertThat(registry.setAlias("alias-model", "champion", 1, why).fromVersion()).isNull();
        assertThat(registry.setAlias("alias-model", "champion", 2, why).fromVersion()).isEqualTo(1);
        registry.setAlias("alias-model", "challenger", 3, why);
        assertThat(registry.removeAlias("alias-model", "champion", why).fromVersion()).isEqualTo(2);
        assertThat(registry.aliases("alias-model")).containsExactly(Map.entry("challenger", 3));
        assertThat(registry.history("alias-model")).extracting(m -> m.alias() + ":" + m.fromVersion() + "->" + m.toVersion())
                .containsExactly("champion:null->1", "champion:1->2", "challenger:null->3", "champion:2->null");
        JsonNode model = ctx.raw().get("registered-models/get", "name", "alias-model").body().path("registered_model");
        assertThat(model.path("tags").findValuesAsText("key")).containsExactly(MlflowModelRegistry.TAG_ALIAS_LOG);
        assertThat(ctx.raw().get("registered-models/get", "name", "alias-model" + MlflowModelRegistry.LOCK_SUFFIX).status()).isEqualTo(404);
        // MLflow's own alias lookup agrees
        assertThat(ctx.raw().getQuery("registered-models/alias", Map.of("name", "alias-model", "alias", "challenger")).body()
                .path("model_version").path("version").asText()).isEqualTo("3");
    }

    static void notFound(Ctx ctx) {
        MlflowModelRegistry registry = ctx.registry();
        Promotion why = new Promotion("jenkins", "test", null, null);
        List<ThrowingCall> calls = List.of(
                () -> registry.list("missing-model"),
                () -> registry.get("missing-model", 1),
                () -> registry.get("known-model", 99),
                () -> registry.setAlias("known-model", "champion", 99, why),
                () -> registry.history("missing-model"));
        for (ThrowingCall call : calls) {
            assertThatThrownBy(call::run).satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND))
                    .hasMessageContaining("HTTP 404 RESOURCE_DOES_NOT_EXIST");
        }
        assertThatThrownBy(() -> registry.removeAlias("known-model", "nosuch", why))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND)).hasMessageContaining("has no alias 'nosuch'");
        // the lock was released after each refusal: a move still works
        assertThat(registry.setAlias("known-model", "champion", 1, why).toVersion()).isEqualTo(1);
        // MLflow's own answer for an alias that does not exist: 3.6 says 400 INVALID_PARAMETER_VALUE, not 404
        // (which is why the adapter reads aliases from registered-models/get instead of this endpoint)
        RawMlflow.Answer alias = ctx.raw().getQuery("registered-models/alias", Map.of("name", "known-model", "alias", "nosuch"));
        assertThat(alias.status()).isIn(400, 404);
        assertThat(alias.body().path("message").asText()).contains("nosuch").containsIgnoringCase("not found");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    static void lineageOver5000(Ctx ctx) throws Exception {
        ObjectNode lineage = lineage(60);
        assertThat(lineage.toString().length()).isGreaterThan(MlflowModelRegistry.MAX_TAG_VALUE);
        ModelVersion version = ctx.registry().register("big-lineage-model", remoteDraft("s3://models/big/1", lineage));
        assertThat(version.lineage()).as("too large for a tag").isNull();
        String uri = version.links().get("lineage");
        assertThat(uri).endsWith("/mlcicd/lineage.json");
        // the artifact holds all of it
        String stored = ctx.raw().artifact(uri.substring("mlflow-artifacts:/".length()));
        assertThat(Json.mapper().readTree(stored)).isEqualTo(lineage);

        // the server's own limit on a model-version tag value: the adapter's bound must be accepted everywhere
        RawMlflow raw = ctx.raw();
        assertThat(versionTag(raw, "big-lineage-model", "x".repeat(MlflowModelRegistry.MAX_TAG_VALUE)).status()).isEqualTo(200);
        for (int length : new int[] {MlflowModelRegistry.MAX_TAG_VALUE + 1, 100_000, 100_001}) {
            RawMlflow.Answer answer = versionTag(raw, "big-lineage-model", "x".repeat(length));
            assertThat(answer.status()).as("tag of %d characters", length).isIn(200, 400);
            if (answer.status() == 400) {
                assertThat(answer.errorCode()).isEqualTo("INVALID_PARAMETER_VALUE");
            }
        }
    }

    private static RawMlflow.Answer versionTag(RawMlflow raw, String name, String value) {
        return raw.post("model-versions/set-tag", RawMlflow.json().put("name", name).put("version", "1").put("key", "probe").put("value", value));
    }

    static final String UNICODE_NAME = "Fraud model – Zürich 模型 v2";

    static void unicodeName(Ctx ctx) {
        MlflowModelRegistry registry = ctx.registry();
        assertThat(registry.register(UNICODE_NAME, remoteDraft("s3://models/z/1", null)).version()).isEqualTo(1);
        assertThat(registry.register(UNICODE_NAME, remoteDraft("s3://models/z/2", null)).version()).isEqualTo(2);
        assertThat(registry.get(UNICODE_NAME, 2).name()).isEqualTo(UNICODE_NAME);
        assertThat(registry.list(UNICODE_NAME)).hasSize(2);
        registry.setAlias(UNICODE_NAME, "champion", 2, new Promotion("ci", "ok", null, null));
        assertThat(registry.aliases(UNICODE_NAME)).containsEntry("champion", 2);
        assertThat(registry.history(UNICODE_NAME)).singleElement().satisfies(m -> assertThat(m.toVersion()).isEqualTo(2));
        assertThat(ctx.raw().get("experiments/get-by-name", "experiment_name", UNICODE_NAME).status()).isEqualTo(200);
    }

    /** Names probed against the server; the adapter must refuse every name the server refuses (it never sends one). */
    static final List<String> PROBED_NAMES = List.of("a/b", "", " padded", "trailing ", "it's", "quote\"d", "back\\slash", "tab\there",
            "x".repeat(256), "x".repeat(257), "a:b", "a%b", "a#b", "a?b", "a&b", "a+b", "a.b-c_d", "ünïcødé 模型", "emoji 🚀");

    static void nameRules(Ctx ctx) {
        List<String> serverRefused = new ArrayList<>();
        List<String> onlyAdapterRefuses = new ArrayList<>();
        for (String name : PROBED_NAMES) {
            RawMlflow.Answer answer = ctx.raw().post("registered-models/create", RawMlflow.json().put("name", name));
            assertThat(answer.status()).as("create '%s': %s", name, answer.body()).isIn(200, 400);
            boolean adapterRefuses;
            try {
                RegistryNames.requireMlflowModelName(name);
                adapterRefuses = false;
            } catch (RegistryException e) {
                adapterRefuses = true;
            }
            if (answer.status() == 400) {
                serverRefused.add(name);
                assertThat(adapterRefuses).as("MLflow refuses '%s' (%s): the adapter must refuse it before sending", name,
                        answer.body().path("message").asText()).isTrue();
            } else if (adapterRefuses) {
                onlyAdapterRefuses.add(name);
            }
        }
        if (ctx.recording()) {
            System.out.println("  name-rules: MLflow refused " + quoted(serverRefused) + "; accepted but refused by the adapter: "
                    + quoted(onlyAdapterRefuses));
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + (n.length() > 20 ? n.substring(0, 5) + "…(" + n.length() + ")" : n) + "'").toList().toString();
    }

    static void lockHeld(Ctx ctx) {
        MlflowModelRegistry registry = ctx.registry().lockAttempts(2);
        assertThatThrownBy(() -> registry.setAlias("busy-model", "champion", 1, new Promotion("ci", "ok", null, null)))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageContaining("being moved by another client");
        assertThat(registry.aliases("busy-model")).isEmpty();
    }

    static final int RACERS = 6;

    static void concurrentMoves(Ctx ctx) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<AliasMove>> moves = new ArrayList<>();
            for (int v = 1; v <= RACERS; v++) {
                int version = v;
                moves.add(pool.submit(() -> ctx.registry().setAlias("race-model", "candidate", version, new Promotion("racer-" + version, "race", null, null))));
            }
            for (Future<AliasMove> move : moves) {
                move.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertChain(ctx.registry().history("race-model"));
    }

    static void concurrentHistory(Ctx ctx) {
        List<AliasMove> history = ctx.registry().history("race-model");
        assertThat(history).hasSize(RACERS);
        assertChain(history);
        assertThat(ctx.registry().aliases("race-model")).containsEntry("candidate", history.get(RACERS - 1).toVersion());
    }

    /** Each move's "from" is the previous move's "to": the log tells the true order of concurrent moves. */
    private static void assertChain(List<AliasMove> history) {
        Integer previous = null;
        for (AliasMove move : history) {
            assertThat(move.fromVersion()).as("from of %s", move).isEqualTo(previous);
            previous = move.toVersion();
        }
    }

    static void authBasic(Ctx ctx) throws Exception {
        MlflowModelRegistry registry = ctx.registry(MlflowAuth.basic(() -> USER, () -> USER_PASSWORD));
        ModelVersion version = registry.register("alice-model", localDraft(ctx.file("model.bin", "MODEL-A"), lineage(1)));
        assertThat(version.version()).isEqualTo(1);
        assertThat(version.model().uri()).startsWith("mlflow-artifacts:/");
        registry.setAlias("alice-model", "champion", 1, new Promotion(USER, "first", null, null));
        assertThat(registry.aliases("alice-model")).containsEntry("champion", 1);
    }

    static void authFailures(Ctx ctx) {
        List<MlflowAuth> rejected = List.of(MlflowAuth.none(), MlflowAuth.basic(() -> USER, () -> "wrong-password"),
                MlflowAuth.bearer(() -> "a-token-the-basic-auth-app-does-not-know"));
        for (MlflowAuth auth : rejected) {
            assertThatThrownBy(() -> ctx.registry(auth).list("alice-model"))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH))
                    .hasMessageContaining("HTTP 401").hasMessageContaining(auth.describe()).hasMessageNotContaining("wrong-password");
        }
    }

    static void authPermissionDenied(Ctx ctx) {
        // alice may read the admin's model (default_permission = READ) but not move its aliases
        MlflowModelRegistry registry = ctx.registry(MlflowAuth.basic(() -> USER, () -> USER_PASSWORD));
        assertThat(registry.list("guarded-model")).hasSize(1);
        assertThatThrownBy(() -> registry.setAlias("guarded-model", "champion", 1, new Promotion(USER, "try", null, null)))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH))
                .hasMessageContaining("HTTP 403").hasMessageContaining("permission denied");
        RawMlflow admin = ctx.raw(ADMIN, ADMIN_PASSWORD);
        JsonNode model = admin.get("registered-models/get", "name", "guarded-model").body().path("registered_model");
        assertThat(model.path("aliases").size()).as("alias not moved").isZero();
        assertThat(admin.get("registered-models/get", "name", "guarded-model" + MlflowModelRegistry.LOCK_SUFFIX).status())
                .as("lock released").isEqualTo(404);
    }

    static Map<String, String> keyValues(JsonNode list) {
        Map<String, String> map = new LinkedHashMap<>();
        list.forEach(item -> map.put(item.path("key").asText(), item.path("value").asText()));
        return map;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
