package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alias log cannot lie (issue 16, defects 2 and 3). */
class MlflowAliasAuditTest {
    private static final Promotion WHY = new Promotion("ci", "gate", null, "PASSED");

    private FakeMlflowServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(null, 100);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MlflowModelRegistry registry() {
        return new MlflowModelRegistry(server.uri(), MlflowAuth.none(), null, new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2)),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC(), d -> Thread.sleep(Math.min(d.toMillis(), 3)));
    }

    private String logTag() {
        for (var tag : server.model("fraud").path("tags")) {
            if (tag.path("key").asText().equals(MlflowModelRegistry.TAG_ALIAS_LOG)) {
                return tag.path("value").asText();
            }
        }
        return null;
    }

    private void versions(int n) {
        for (int i = 0; i < n; i++) {
            registry().register("fraud", FileModelRegistryTest.draft(Integer.toString(i % 10).repeat(64)));
        }
    }

    @Test
    void theMoveIsRecordedAsIntendedBeforeTheAliasMovesAndConfirmedAfter() {
        versions(2);
        registry().setAlias("fraud", "champion", 1, WHY);
        List<String> order = server.requests.stream().map(r -> r.method() + " " + r.endpoint()).toList();
        int intent = order.indexOf("POST registered-models/set-tag");
        int move = order.indexOf("POST registered-models/alias");
        int confirm = order.lastIndexOf("POST registered-models/set-tag");
        assertThat(intent).isLessThan(move);
        assertThat(confirm).isGreaterThan(move);
        assertThat(logTag()).contains("\"state\":\"confirmed\"");
        assertThat(server.model("fraud.mlcicd-lock")).isNull(); // the lock is released
    }

    @Test
    void aPromotionFromJenkinsIsAuditedAsInTheFileRegistry(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        versions(2);
        FileModelRegistry file = new FileModelRegistry(root);
        file.register("fraud", FileModelRegistryTest.draft("0".repeat(64)));
        file.register("fraud", FileModelRegistryTest.draft("1".repeat(64)));
        Promote.Request request = new Promote.Request("fraud", 2, null, null, "gate passed", "jenkins:alice (Alice Smith, fraud #7)",
                "https://ci/job/fraud/7/", io.jenkins.plugins.mlcicd.result.Verdict.PASSED, "gate 'gate' of this build", false);

        Promote.promote(registry(), request);
        Promote.promote(file, request);

        AliasMove mlflow = registry().history("fraud").get(0);
        AliasMove local = file.history("fraud").get(0);
        // the same who, why, from, to, build and gate: only the timestamp is the registry's own
        assertThat(new AliasMove("t", mlflow.alias(), mlflow.fromVersion(), mlflow.toVersion(), mlflow.actor(), mlflow.reason(),
                mlflow.sourceUrl(), mlflow.gateVerdict()))
                .isEqualTo(new AliasMove("t", local.alias(), local.fromVersion(), local.toVersion(), local.actor(), local.reason(),
                        local.sourceUrl(), local.gateVerdict()));
        assertThat(mlflow.actor()).isEqualTo("jenkins:alice (Alice Smith, fraud #7)");
        assertThat(logTag()).contains("jenkins:alice (Alice Smith, fraud #7)");
    }

    @Test
    void whenTheIntentCannotBeRecordedTheAliasDoesNotMove() {
        versions(1);
        server.fail("registered-models/set-tag", 500, FakeMlflowServer.error("INTERNAL_ERROR", "db locked"), 5);
        assertThatThrownBy(() -> registry().setAlias("fraud", "champion", 1, WHY)).hasMessageContaining("db locked");
        assertThat(registry().aliases("fraud")).doesNotContainKey("champion");
        assertThat(server.count("POST", "registered-models/alias")).isZero();
        assertThat(server.model("fraud.mlcicd-lock")).isNull();
    }

    @Test
    void aMoveTheServerMadeButAnsweredWithAnErrorIsConfirmedAndRecorded() {
        versions(1);
        server.failAfter("registered-models/alias", 500, FakeMlflowServer.error("INTERNAL_ERROR", "after commit"), 2);
        AliasMove move = registry().setAlias("fraud", "champion", 1, WHY);
        assertThat(move.toVersion()).isEqualTo(1);
        assertThat(registry().aliases("fraud")).containsEntry("champion", 1);
        assertThat(registry().history("fraud")).singleElement().satisfies(m -> assertThat(m.reason()).isEqualTo("gate"));
    }

    @Test
    void aMoveThatFailedIsRecordedAsFailedAndLeftOutOfTheHistory() {
        versions(1);
        server.fail("registered-models/alias", 500, FakeMlflowServer.error("INTERNAL_ERROR", "refused"), 2);
        assertThatThrownBy(() -> registry().setAlias("fraud", "champion", 1, WHY)).hasMessageContaining("refused");
        assertThat(registry().aliases("fraud")).isEmpty();
        assertThat(logTag()).contains("\"state\":\"failed\"");
        assertThat(registry().history("fraud")).isEmpty();
    }

    @Test
    void whenTheConfirmationCannotBeWrittenTheMoveStaysRecordedAsUnconfirmed() {
        versions(1);
        server.passFirst("registered-models/set-tag", 1); // the intent is written, the confirmation fails
        server.fail("registered-models/set-tag", 500, FakeMlflowServer.error("INTERNAL_ERROR", "db locked"), 5);
        assertThatThrownBy(() -> registry().setAlias("fraud", "champion", 1, WHY)).hasMessageContaining("db locked");
        assertThat(registry().aliases("fraud")).containsEntry("champion", 1); // it moved …
        assertThat(registry().history("fraud")).singleElement() // … and the history says so, unconfirmed
                .satisfies(m -> assertThat(m.reason()).contains("unconfirmed"))
                .satisfies(m -> assertThat(m.toVersion()).isEqualTo(1));
    }

    @Test
    void concurrentMovesRecordTheTruePreviousVersion() throws Exception {
        versions(6);
        int threads = 4;
        int movesEach = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // separate clients, as separate training jobs would be
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String actor = "t" + t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < movesEach; i++) {
                    registry().setAlias("fraud", "candidate", ThreadLocalRandom.current().nextInt(1, 7), new Promotion(actor, "c", null, null));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<AliasMove> history = registry().history("fraud");
        assertThat(history).hasSize(threads * movesEach);
        assertThat(history.get(0).fromVersion()).isNull();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).fromVersion()).as("entry %d", i).isEqualTo(history.get(i - 1).toVersion());
        }
        assertThat(history).allSatisfy(m -> assertThat(m.reason()).isEqualTo("c"));
        assertThat(registry().aliases("fraud")).containsEntry("candidate", history.get(history.size() - 1).toVersion());
        assertThat(server.model("fraud.mlcicd-lock")).isNull();
    }

    @Test
    void theLogIsOneBoundedTagNotATagPerMove() {
        versions(2);
        MlflowModelRegistry registry = registry();
        for (int i = 0; i < 16; i++) { // ~430 characters each: 16 do not fit in 5,000
            registry.setAlias("fraud", "champion", 1 + i % 2, new Promotion("ci", "move " + i, "https://ci.example.com/job/fraud/" + i + "/"
                    + "x".repeat(220), null));
        }
        assertThat(server.model("fraud").path("tags")).filteredOn(t -> t.path("key").asText().startsWith("mlcicd.alias_log"))
                .hasSize(1);
        assertThat(logTag().length()).isLessThanOrEqualTo(MlflowModelRegistry.MAX_TAG_VALUE);
        assertThat(logTag()).contains("\"dropped\":");
        List<AliasMove> history = registry().history("fraud");
        assertThat(history.get(history.size() - 1).reason()).isEqualTo("move 15");
        assertThat(history.size()).isLessThan(16);
    }

    @Test
    void aStaleLockLeftByADeadClientIsBrokenAndALiveOneWaitedFor() {
        versions(1);
        // a live lock held by someone else: the move waits, then gives up with a message naming the lock
        registryCreatesLock();
        MlflowModelRegistry impatient = registry().lockAttempts(3);
        assertThatThrownBy(() -> impatient.setAlias("fraud", "champion", 1, WHY))
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageContaining("fraud.mlcicd-lock");
        assertThat(registry().aliases("fraud")).isEmpty();
        // the same lock seen from a clock 11 minutes later is stale and broken
        MlflowModelRegistry later = new MlflowModelRegistry(server.uri(), MlflowAuth.none(), null, new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)), d -> { });
        later.setAlias("fraud", "champion", 1, WHY);
        assertThat(registry().aliases("fraud")).containsEntry("champion", 1);
    }

    private void registryCreatesLock() {
        new MlflowHttp(server.uri(), MlflowAuth.none(), Duration.ofSeconds(1), Duration.ofSeconds(1), new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                d -> { }).post("registered-models/create", io.jenkins.plugins.mlcicd.input.Json.mapper().createObjectNode().put("name", "fraud.mlcicd-lock"),
                MlflowHttp.Idempotence.SAFE);
    }
}
