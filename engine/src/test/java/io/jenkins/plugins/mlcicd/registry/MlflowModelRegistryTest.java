package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MlflowModelRegistryTest {
    private static final String TOKEN = "s3cr3t-token";
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    private FakeMlflowServer server;
    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(TOKEN, 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MlflowModelRegistry registry(String token) {
        return new MlflowModelRegistry(server.uri(), () -> token, RETRY, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Clock.systemUTC(), sleeps::add);
    }

    private static RegistryException.Kind kind(Throwable e) {
        return ((RegistryException) e).kind();
    }

    @Test
    void registersVersionsWithDigestMetricsAndLineageAndReadsThemBack() {
        MlflowModelRegistry registry = registry(TOKEN);
        ModelVersion first = registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        ModelVersion second = registry.register("fraud", FileModelRegistryTest.draft("b".repeat(64)));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        ModelVersion read = registry.get("fraud", 1);
        assertThat(read.model()).isEqualTo(new ModelReference("s3://models/m.bin", "a".repeat(64), 42));
        assertThat(read.metrics()).containsEntry("auc", 0.9);
        assertThat(read.sourceUrl()).isEqualTo("https://ci/job/1/");
        assertThat(read.createdBy()).isEqualTo("ci");
        assertThat(read.lineage().get("code").get("commit").asText()).isEqualTo("abc");
        assertThat(registry.downloadUri("fraud", 2)).isEqualTo("s3://models/m.bin");
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
        // the second register found the model existing (400 RESOURCE_ALREADY_EXISTS) and went on
        assertThat(server.count("POST", "registered-models/create")).isEqualTo(2);
    }

    @Test
    void listFollowsPageTokensAndSortsByVersion() {
        MlflowModelRegistry registry = registry(TOKEN);
        for (int i = 0; i < 5; i++) {
            registry.register("fraud", FileModelRegistryTest.draft(Integer.toString(i).repeat(64)));
        }
        assertThat(registry.list("fraud")).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(server.count("GET", "model-versions/search")).isEqualTo(3); // server pages of 2
        assertThat(server.requests.stream().filter(r -> r.endpoint().equals("model-versions/search")).findFirst().orElseThrow()
                .query()).containsEntry("filter", "name='fraud'");
    }

    @Test
    void aliasMovesAreSetRemovedAndKeptAsHistory() {
        MlflowModelRegistry registry = registry(TOKEN);
        registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        registry.register("fraud", FileModelRegistryTest.draft("b".repeat(64)));
        registry.setAlias("fraud", "champion", 1, new Promotion("alice", "first", "https://ci/1/", "PASSED"));
        AliasMove moved = registry.setAlias("fraud", "champion", 2, new Promotion("bob", "better", "https://ci/2/", "WARNING"));
        assertThat(moved.fromVersion()).isEqualTo(1);
        assertThat(registry.aliases("fraud")).isEqualTo(Map.of("champion", 2));

        AliasMove removed = registry.removeAlias("fraud", "champion", new Promotion("carol", "rollback", null, null));
        assertThat(removed.fromVersion()).isEqualTo(2);
        assertThat(registry.aliases("fraud")).isEmpty();
        FakeMlflowServer.Request delete = server.requests.stream()
                .filter(r -> r.method().equals("DELETE") && r.endpoint().equals("registered-models/alias")).findFirst().orElseThrow();
        assertThat(delete.query()).containsEntry("name", "fraud").containsEntry("alias", "champion");

        assertThat(registry.history("fraud")).extracting(AliasMove::actor, AliasMove::toVersion, AliasMove::gateVerdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", 1, "PASSED"),
                        org.assertj.core.groups.Tuple.tuple("bob", 2, "WARNING"),
                        org.assertj.core.groups.Tuple.tuple("carol", null, null));
        assertThatThrownBy(() -> registry.setAlias("fraud", "champion", 9, new Promotion("x", "y", null, null)))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> registry.removeAlias("fraud", "champion", new Promotion("x", "y", null, null)))
                .hasMessageContaining("no alias 'champion'");
    }

    @Test
    void conflictOnCreateMeansTheModelExists() {
        MlflowModelRegistry registry = registry(TOKEN);
        server.fail("registered-models/create", 409, FakeMlflowServer.error("RESOURCE_ALREADY_EXISTS", "exists"), 1);
        // the fake then has no model: model-versions/create answers 404, proving the 409 was passed over
        assertThatThrownBy(() -> registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND))
                .hasMessageContaining("model-versions/create");
        assertThat(registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))).version()).isEqualTo(1);
    }

    @Test
    void missingOrWrongTokenIsAClearAuthenticationError() {
        assertThatThrownBy(() -> registry(null).list("fraud"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH))
                .hasMessageContaining("HTTP 401").hasMessageContaining("not authenticated").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> registry("wrong").register("fraud", FileModelRegistryTest.draft("a".repeat(64))))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH));
        server.fail("registered-models/get", 403, FakeMlflowServer.error("PERMISSION_DENIED", "no read on fraud"), 1);
        assertThatThrownBy(() -> registry(TOKEN).aliases("fraud"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH))
                .hasMessageContaining("permission denied").hasMessageContaining("no read on fraud");
        assertThat(server.count("GET", "registered-models/get")).isEqualTo(2); // auth errors are not retried
    }

    @Test
    void aServerThatRepeatsTheTokenInItsErrorNeverPutsItInAMessage() {
        server.fail("registered-models/get", 403, FakeMlflowServer.error("PERMISSION_DENIED", "token " + TOKEN + " (Bearer "
                + TOKEN + ") has no read on fraud"), 1);
        assertThatThrownBy(() -> registry(TOKEN).aliases("fraud"))
                .hasMessageContaining("token **** (****) has no read on fraud").hasMessageNotContaining(TOKEN);
    }

    @Test
    void unknownModelOrVersionIsNotFound() {
        MlflowModelRegistry registry = registry(TOKEN);
        assertThatThrownBy(() -> registry.list("nope")).satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND))
                .hasMessageContaining("RESOURCE_DOES_NOT_EXIST");
        registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        assertThatThrownBy(() -> registry.get("fraud", 7)).satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.NOT_FOUND))
                .hasMessageContaining("version=7");
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedWithBackoffThenSucceed() {
        MlflowModelRegistry registry = registry(TOKEN);
        server.fail("registered-models/create", 503, "<html>upstream down</html>", 1);
        server.fail("registered-models/create", 429, FakeMlflowServer.error("REQUEST_LIMIT_EXCEEDED", "slow down"), 1, Map.of("Retry-After", "1"));
        assertThat(registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))).version()).isEqualTo(1);
        assertThat(server.count("POST", "registered-models/create")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheBoundedAttempts() {
        MlflowModelRegistry registry = registry(TOKEN);
        server.fail("registered-models/get", 500, FakeMlflowServer.error("INTERNAL_ERROR", "db locked"), 10);
        assertThatThrownBy(() -> registry.aliases("fraud"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageContaining("HTTP 500").hasMessageContaining("after 3 attempts").hasMessageContaining("db locked");
        assertThat(server.count("GET", "registered-models/get")).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void creatingAVersionIsNotRepeatedAfterAnErrorThatMayHaveCreatedIt() {
        MlflowModelRegistry registry = registry(TOKEN);
        server.fail("model-versions/create", 500, FakeMlflowServer.error("INTERNAL_ERROR", "timeout after insert"), 1);
        assertThatThrownBy(() -> registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.UNAVAILABLE));
        assertThat(server.count("POST", "model-versions/create")).isEqualTo(1);

        server.fail("model-versions/create", 503, "", 1); // 503: certainly not processed, so repeated
        assertThat(registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))).version()).isEqualTo(1);
        assertThat(server.count("POST", "model-versions/create")).isEqualTo(3);
    }

    @Test
    void malformedOrUnexpectedAnswersAreProtocolErrors() {
        MlflowModelRegistry registry = registry(TOKEN);
        registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        server.fail("model-versions/get", 200, "{\"model_version\": {\"name\": \"fraud\", \"version\": ", 1);
        assertThatThrownBy(() -> registry.get("fraud", 1))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.PROTOCOL))
                .hasMessageContaining("malformed JSON").hasMessageContaining("model-versions/get");
        server.fail("model-versions/get", 200, "{\"something\": 1}", 1);
        assertThatThrownBy(() -> registry.get("fraud", 1)).hasMessageContaining("no 'model_version' object");
        server.fail("model-versions/get", 200, "{\"model_version\": {\"name\": \"fraud\", \"version\": \"one\"}}", 1);
        assertThatThrownBy(() -> registry.get("fraud", 1)).hasMessageContaining("'one' is not a number");
        server.fail("model-versions/get", 200, "[1, 2]", 1);
        assertThatThrownBy(() -> registry.get("fraud", 1)).hasMessageContaining("not an object");
    }

    @Test
    void credentialsInTheUrlAreRefusedSoTheyNeverReachAMessage() {
        assertThatThrownBy(() -> new MlflowModelRegistry(URI.create("https://user:pw@mlflow.example.com"), () -> null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("must not contain credentials").hasMessageNotContaining("pw");
    }

    @Test
    void anUnreachableServerIsUnavailableAfterRetries() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        MlflowModelRegistry registry = new MlflowModelRegistry(URI.create("http://127.0.0.1:" + port), () -> TOKEN, RETRY,
                Duration.ofSeconds(1), Duration.ofSeconds(2), Clock.systemUTC(), sleeps::add);
        assertThatThrownBy(() -> registry.list("fraud"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageContaining("unreachable");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void httpBasicAuthenticatesAsMlflowsBasicAuthAppExpects() {
        server.basicAuth("alice", "pä55:word");
        MlflowModelRegistry registry = new MlflowModelRegistry(server.uri(), MlflowAuth.basic(() -> "alice", () -> "pä55:word"), null, RETRY,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC(), sleeps::add);
        assertThat(registry.register("fraud", FileModelRegistryTest.draft("a".repeat(64))).version()).isEqualTo(1);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:pä55:word".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo(expected));

        MlflowModelRegistry wrong = new MlflowModelRegistry(server.uri(), MlflowAuth.basic(() -> "alice", () -> "nope"), null, RETRY,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC(), sleeps::add);
        assertThatThrownBy(() -> wrong.list("fraud"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.AUTH))
                .hasMessageContaining("user name and password").hasMessageNotContaining("nope");
    }

    @Test
    void namesWithSpacesAndNonAsciiLettersAreAddressable() {
        MlflowModelRegistry registry = registry(TOKEN);
        String name = "Fraud model – Zürich v2";
        assertThat(registry.register(name, FileModelRegistryTest.draft("a".repeat(64))).version()).isEqualTo(1);
        registry.register(name, FileModelRegistryTest.draft("b".repeat(64)));
        assertThat(registry.get(name, 2).name()).isEqualTo(name);
        assertThat(registry.list(name)).hasSize(2);
        registry.setAlias(name, "champion", 2, new Promotion("ci", "ok", null, null));
        assertThat(registry.aliases(name)).containsEntry("champion", 2);
        assertThat(registry.history(name)).singleElement().satisfies(m -> assertThat(m.toVersion()).isEqualTo(2));
        assertThat(server.requests).anySatisfy(r -> assertThat(r.query()).containsEntry("name", name));
        assertThat(server.experiments).containsKey(name);

        for (String bad : new String[] {"it's", "a/b", " padded", "tab\there", ""}) {
            assertThatThrownBy(() -> registry.register(bad, FileModelRegistryTest.draft("a".repeat(64))))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(RegistryException.Kind.INVALID));
        }
    }
}
