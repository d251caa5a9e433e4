package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelReference;
import io.jenkins.plugins.mlcicd.registry.VersionDraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
    @TempDir
    Path dir;

    private String root;

    @BeforeEach
    void twoVersions() {
        FileModelRegistry registry = new FileModelRegistry(dir.resolve("reg"));
        registry.register("fraud", new VersionDraft(new ModelReference("/models/1.bin", "a".repeat(64), 10), Map.of("auc", 0.81), "https://ci/1/", "ci", null));
        registry.register("fraud", new VersionDraft(new ModelReference("/models/2.bin", "b".repeat(64), 11), Map.of("auc", 0.84), "https://ci/2/", "ci", null));
        root = dir.resolve("reg").toString();
    }

    private static MainTest.Run run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void listShowsVersionsWithAliasesAndMetrics() {
        run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "candidate", "--version", "2", "--reason", "trained");
        MainTest.Run list = run("registry", "list", "--registry", root, "--name", "fraud");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("VERSION").contains("aaaaaaaaaaaa").contains("candidate").contains("auc=0.84").contains("https://ci/2/");
        MainTest.Run json = run("registry", "list", "--registry", root, "--name", "fraud", "--json");
        assertThat(json.out()).contains("\"candidate\" : 2").contains("\"version\" : 1");
    }

    @Test
    void showDefaultsToTheLatestAndResolvesAliases() {
        assertThat(run("registry", "show", "--registry", root, "--name", "fraud").out()).contains("\"version\" : 2").contains("/models/2.bin");
        run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "champion", "--version", "1", "--reason", "baseline");
        MainTest.Run show = run("registry", "show", "--registry", root, "--name", "fraud", "--alias", "champion");
        assertThat(show.out()).contains("\"version\" : 1").contains("\"champion\"");
    }

    @Test
    void promoteNeedsAPassingGateOrForceAndRecordsWhoAndWhy() throws Exception {
        Path failedGate = Files.writeString(dir.resolve("gate.json"), gateDocument("gate", "FAILED"));
        run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "candidate", "--version", "2", "--reason", "trained");
        MainTest.Run refused = run("registry", "promote", "--registry", root, "--name", "fraud", "--from-alias", "candidate",
                "--gate", failedGate.toString(), "--reason", "ship it");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("gate verdict is FAILED");

        MainTest.Run promoted = run("registry", "promote", "--registry", root, "--name", "fraud", "--from-alias", "candidate",
                "--gate-verdict", "PASSED", "--reason", "auc +0.03", "--actor", "alice", "--source-url", "https://ci/3/");
        assertThat(promoted.exitCode()).isZero();
        assertThat(promoted.out()).contains("alias 'champion' → version 2 (new)");

        MainTest.Run forced = run("registry", "promote", "--registry", root, "--name", "fraud", "--version", "1",
                "--gate", failedGate.toString(), "--reason", "hotfix", "--force", "--actor", "bob");
        assertThat(forced.exitCode()).isZero();

        MainTest.Run history = run("registry", "history", "--registry", root, "--name", "fraud", "--alias", "champion", "--json");
        assertThat(history.out()).contains("\"actor\" : \"alice\"").contains("\"gateVerdict\" : \"PASSED\"").contains("https://ci/3/")
                .contains("hotfix (forced despite gate FAILED)").contains("\"gateVerdict\" : \"FAILED\"").doesNotContain("candidate");
        assertThat(run("registry", "history", "--registry", root, "--name", "fraud").out()).contains("candidate").contains("champion");
    }

    private static String gateDocument(String kind, String verdict) {
        return "{\"schema\": \"mlcicd/" + kind + "/v1\", \"kind\": \"" + kind + "\", \"verdict\": \"" + verdict
                + "\", \"summary\": \"s\", \"startedAt\": \"2026-01-01T00:00:00Z\", \"durationMs\": 1, \"checks\": []}";
    }

    @Test
    void promoteRefusesAnEmptyReasonAndEvidenceThatIsNotAGateResult() throws Exception {
        Path passedGate = Files.writeString(dir.resolve("gate.json"), gateDocument("gate", "PASSED"));
        MainTest.Run empty = run("registry", "promote", "--registry", root, "--name", "fraud", "--version", "1",
                "--gate", passedGate.toString(), "--reason", " ");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("mlcicd: reason: must not be empty; say why the alias moves\n");
        MainTest.Run emptyAlias = run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "x", "--version", "1",
                "--reason", "");
        assertThat(emptyAlias.exitCode()).isEqualTo(2);

        Path anyJson = Files.writeString(dir.resolve("any.json"), "{\"verdict\": \"PASSED\"}");
        MainTest.Run notADocument = run("registry", "promote", "--registry", root, "--name", "fraud", "--version", "1",
                "--gate", anyJson.toString(), "--reason", "ship");
        assertThat(notADocument.exitCode()).isEqualTo(2);
        assertThat(notADocument.err()).contains("not a result document");
        Path validation = Files.writeString(dir.resolve("validation.json"), gateDocument("data-validation", "PASSED"));
        MainTest.Run wrongKind = run("registry", "promote", "--registry", root, "--name", "fraud", "--version", "1",
                "--gate", validation.toString(), "--reason", "ship");
        assertThat(wrongKind.exitCode()).isEqualTo(2);
        assertThat(wrongKind.err()).contains("a data-validation result, not a gate result");
        assertThat(run("registry", "history", "--registry", root, "--name", "fraud", "--alias", "champion").out()).doesNotContain("ship");
    }

    @Test
    void aliasDeleteAndErrorsAreOneLineWithExitTwo() {
        run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "shadow", "--version", "1", "--reason", "try");
        MainTest.Run deleted = run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "shadow", "--delete", "--reason", "done");
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("removed (was version 1)");

        MainTest.Run missing = run("registry", "show", "--registry", root, "--name", "nope");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no model 'nope'").doesNotContain("Exception");
        MainTest.Run noRegistry = run("registry", "list", "--name", "fraud");
        assertThat(noRegistry.exitCode()).isEqualTo(2);
        assertThat(noRegistry.err()).contains("--registry DIR or --mlflow URL");
        MainTest.Run both = run("registry", "list", "--registry", root, "--mlflow", "http://127.0.0.1:1", "--name", "fraud");
        assertThat(both.exitCode()).isEqualTo(2);
        MainTest.Run noReason = run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "x", "--version", "1");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.err()).contains("--reason");
        MainTest.Run noVersion = run("registry", "alias", "--registry", root, "--name", "fraud", "--alias", "x", "--version", "9", "--reason", "r");
        assertThat(noVersion.exitCode()).isEqualTo(2);
        assertThat(noVersion.err()).contains("no such version");
        assertThat(run("registry").exitCode()).isEqualTo(2);
    }

    @Test
    void mlflowAuthFailureNamesTheTokenVariableNotTheToken() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"error_code\": \"UNAUTHENTICATED\", \"message\": \"bad token\"}".getBytes();
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            MainTest.Run run = run("registry", "list", "--mlflow", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "--token-env", "MLCICD_TEST_SURELY_UNSET_TOKEN", "--name", "fraud");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("HTTP 401").contains("$MLCICD_TEST_SURELY_UNSET_TOKEN, which is not set");
        } finally {
            server.stop(0);
        }
    }
}
