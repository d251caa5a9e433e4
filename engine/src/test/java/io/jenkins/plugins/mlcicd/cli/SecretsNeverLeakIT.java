package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.mlcicd.registry.FakeMlflowServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI, as the Jenkins steps do, with secrets handed over in the 0600 secrets file
 * ({@code MLCICD_SECRETS_FILE}) and used for real against loopback fakes that insist on them — and that,
 * like careless third-party servers, repeat the credential they were sent in their bodies and errors.
 * Then every byte of every output (result documents, HTML, Markdown, JUnit, progress and state files,
 * lineage, stdout, stderr with {@code --debug}) is searched for each secret, its Basic-auth base64 form
 * and its URL-encoded form. One occurrence anywhere fails the test.
 */
class SecretsNeverLeakIT {
    private static final Path JAR = Path.of("target/mlcicd.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Every form a secret could take in an output: the value, and the base64 of Basic credentials. */
    private final List<String> forms = new ArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();
    private Path outputs;

    @BeforeEach
    void writeSecretsFile() throws IOException {
        String modelToken = "model-" + UUID.randomUUID();
        String promToken = "prom-" + UUID.randomUUID();
        String routerPassword = "router-" + UUID.randomUUID();
        String mlflowToken = "mlflow-" + UUID.randomUUID();
        String mlflowPassword = "mlflowpw-" + UUID.randomUUID();
        String routerBasic = Base64.getEncoder().encodeToString(("ops:" + routerPassword).getBytes(StandardCharsets.UTF_8));
        String mlflowBasic = Base64.getEncoder().encodeToString(("ci:" + mlflowPassword).getBytes(StandardCharsets.UTF_8));
        secrets.put("MODEL_TOKEN", modelToken);
        secrets.put("PROM_AUTH", "Bearer " + promToken);
        secrets.put("ROUTER_AUTH", "Basic " + routerBasic);
        secrets.put("MLFLOW_TRACKING_TOKEN", mlflowToken);
        forms.addAll(List.of(modelToken, promToken, routerPassword, routerBasic, mlflowToken, mlflowPassword, mlflowBasic));
        outputs = Files.createDirectories(dir.resolve("outputs"));
        // the Basic-auth MLflow case reads user and password from the file too
        secrets.put("MLFLOW_TRACKING_USERNAME", "ci");
        secrets.put("MLFLOW_TRACKING_PASSWORD", mlflowPassword);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    /** Runs the packaged CLI with the secrets file; stdout and stderr are outputs too. */
    private int mlcicd(String name, Map<String, String> fileSecrets, String... args) throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        Path file = dir.resolve(name + ".secrets.json");
        Files.writeString(file, io.jenkins.plugins.mlcicd.input.Json.mapper().writeValueAsString(fileSecrets));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.add("--debug"); // stack traces, if any, are outputs too
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(outputs.resolve(name + ".stdout").toFile())
                .redirectError(outputs.resolve(name + ".stderr").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MLFLOW_") || k.startsWith("MLCICD_"));
        builder.environment().put("MLCICD_SECRETS_FILE", file.toString());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " finished").isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    private HttpServer server(String path, com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(path, handler);
        server.start();
        servers.add(server);
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** Every output file and stream, searched byte by byte for every form of every secret. */
    private void assertNoSecretInAnyOutput(Path... more) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            // everything the runs wrote or left, wherever: only the secrets files we handed over hold secrets
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".secrets.json")).forEach(files::add);
        }
        files.addAll(List.of(more));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String form : forms) {
                for (String variant : List.of(form, java.net.URLEncoder.encode(form, StandardCharsets.UTF_8))) {
                    assertThat(indexOf(bytes, variant.getBytes(StandardCharsets.UTF_8)))
                            .as("a secret (%s…) in %s", variant.substring(0, 6), dir.relativize(file)).isNegative();
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    @Timeout(180)
    void shadowWithHeaderSecretsLeavesThemInNoOutput() throws Exception {
        String bearer = "Bearer " + secrets.get("MODEL_TOKEN");
        String basic = secrets.get("ROUTER_AUTH");
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer models = server("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String extra = exchange.getRequestHeaders().getFirst("X-Upstream-Auth");
            seen.add(auth + "|" + extra);
            if (!bearer.equals(auth)) {
                answer(exchange, 401, "{\"error\": \"bad credentials: " + auth + "\"}");
            } else if (calls.incrementAndGet() % 7 == 0) {
                // a server that repeats the credential in its error body
                answer(exchange, 500, "{\"error\": \"upstream refused " + auth + " / " + extra + "\"}");
            } else {
                // and in its successful answers
                answer(exchange, 200, "{\"score\": 0.7, \"label\": 1, \"echo\": \"" + auth + " " + extra + "\"}");
            }
        });
        Path requests = dir.resolve("requests.jsonl");
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            log.append("{\"id\": ").append(i).append(", \"country\": \"").append(i % 2 == 0 ? "DE" : "US").append("\"}\n");
        }
        Files.writeString(requests, log);
        Path labels = Files.writeString(dir.resolve("labels.csv"), "id,y\n1,1\n2,0\n3,1\n4,0\n5,1\n6,0\n");

        int exit = mlcicd("shadow", secrets, "shadow", "--requests", requests.toString(),
                "--baseline-url", url(models, "/baseline"), "--candidate-url", url(models, "/candidate"),
                "--header", "Authorization: Bearer ${MODEL_TOKEN}", "--candidate-header", "X-Upstream-Auth: ${ROUTER_AUTH}",
                "--decision-pointer", "/label", "--slice", "country", "--labels", labels.toString(), "--label", "y",
                "--out", outputs.resolve("shadow.json").toString(), "--html", outputs.resolve("shadow.html").toString());

        assertThat(exit).as(Files.readString(outputs.resolve("shadow.stderr"))).isIn(0, 1, 3, 4);
        // the secrets were really used: both models got the bearer token, the candidate the Basic header
        assertThat(seen).hasSize(80).allMatch(s -> s.startsWith(bearer + "|"));
        assertThat(seen).filteredOn(s -> s.endsWith("|" + basic)).hasSize(40);
        assertThat(outputs.resolve("shadow.json")).exists();
        int reported = mlcicd("shadow-report", Map.of(), "report", outputs.resolve("shadow.json").toString(),
                "--html", outputs.resolve("shadow-report.html").toString(), "--markdown", outputs.resolve("shadow.md").toString());
        assertThat(reported).isEqualTo(exit);
        // the shadow document as a gate's candidate: JUnit XML, JSON and HTML of the gate are outputs too
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "rules: [{metric: candidate.errorRate, atMost: 0.5}]\n");
        int gated = mlcicd("shadow-gate", Map.of(), "gate", "--policy", policy.toString(), "--candidate",
                outputs.resolve("shadow.json").toString(), "--junit", outputs.resolve("gate.xml").toString(),
                "--out", outputs.resolve("gate.json").toString(), "--html", outputs.resolve("gate.html").toString());
        assertThat(gated).as(Files.readString(outputs.resolve("shadow-gate.stderr"))).isIn(0, 1, 3, 4);
        assertThat(outputs.resolve("gate.xml")).exists();
        assertNoSecretInAnyOutput();
    }

    @Test
    @Timeout(180)
    void aCanaryWithPrometheusAndRouterCredentialsLeavesThemInNoOutput() throws Exception {
        String promAuth = secrets.get("PROM_AUTH");
        String routerAuth = secrets.get("ROUTER_AUTH");
        AtomicInteger queries = new AtomicInteger();
        HttpServer prometheus = server("/api/v1/query", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!promAuth.equals(auth) || queries.incrementAndGet() == 1) {
                // the first query is refused with the credential repeated, as some proxies do
                answer(exchange, 401, "{\"status\":\"error\",\"errorType\":\"unauthorized\",\"error\":\"token not accepted: "
                        + (auth == null ? "none" : auth.substring(auth.indexOf(' ') + 1)) + "\"}");
                return;
            }
            answer(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                    + "\"value\":[1,\"0.01\"]}]}}");
        });
        List<String> weights = new CopyOnWriteArrayList<>();
        HttpServer router = server("/weights/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!routerAuth.equals(auth)) {
                answer(exchange, 403, "forbidden for " + auth);
                return;
            }
            weights.add(exchange.getRequestURI().getPath().substring("/weights/".length()));
            answer(exchange, 200, "{\"ok\": true, \"by\": \"" + auth + "\"}");
        });
        Path plan = Files.writeString(dir.resolve("plan.yaml"), """
                stages:
                  - {weight: 10, duration: 2s}
                  - {weight: 100}
                interval: 1s
                router:
                  http: {url: '%s', method: PUT, body: '{"canary": ${WEIGHT}}', credentialsId: ROUTER_AUTH}
                  timeout: 5s
                metrics:
                  prometheus: {url: '%s', credentialsId: PROM_AUTH, timeout: 2s}
                guardrails:
                  - name: errorRate
                    query: 'sum(rate(requests_total{variant="${VARIANT}",code=~"5.."}[1m]))'
                    max: 0.05
                failureLimit: 2
                rollbackWithin: 30s
                """.formatted(url(router, "/weights/${WEIGHT}"), url(prometheus, "")));

        int dryRun = mlcicd("canary-dry-run", secrets, "canary", "--plan", plan.toString(), "--dry-run");
        assertThat(dryRun).isZero();
        int exit = mlcicd("canary", secrets, "canary", "--plan", plan.toString(),
                "--state", outputs.resolve("canary.state.json").toString(), "--progress", outputs.resolve("canary.progress.json").toString(),
                "--out", outputs.resolve("canary.json").toString(), "--html", outputs.resolve("canary.html").toString());

        assertThat(exit).as(Files.readString(outputs.resolve("canary.stderr"))).isZero();
        // the credentials were used: the router moved traffic with them, Prometheus refused the first query
        assertThat(weights).containsExactly("10", "100");
        assertThat(queries.get()).isGreaterThan(1);
        assertThat(Files.readString(outputs.resolve("canary.json"))).contains("401");
        int reported = mlcicd("canary-report", Map.of(), "report", outputs.resolve("canary.json").toString(),
                "--markdown", outputs.resolve("canary.md").toString());
        assertThat(reported).isZero();
        assertNoSecretInAnyOutput();
    }

    @Test
    @Timeout(180)
    void trainAndRegistryWithAnMlflowTokenOrPasswordLeaveThemInNoOutput() throws Exception {
        try (FakeMlflowServer bearer = new FakeMlflowServer(secrets.get("MLFLOW_TRACKING_TOKEN"), 100)) {
            Path lineage = outputs.resolve("train.json");
            Files.createDirectories(dir.resolve("work"));
            int trained = mlcicd("train", Map.of("MLFLOW_TRACKING_TOKEN", secrets.get("MLFLOW_TRACKING_TOKEN")), "train",
                    "--workdir", dir.resolve("work").toString(), "--shell",
                    "--command", "mkdir -p out && printf MODEL > out/model.bin && printf '{\"auc\": 0.93}' > out/metrics.json",
                    "--model", "out/model.bin", "--metrics", "out/metrics.json", "--python", "/bin/false",
                    "--mlflow", bearer.uri().toString(), "--name", "fraud", "--alias", "candidate",
                    "--out", lineage.toString(), "--html", outputs.resolve("train.html").toString());
            assertThat(trained).as(Files.readString(outputs.resolve("train.stderr"))).isZero();
            int listed = mlcicd("registry-list", Map.of("MLFLOW_TRACKING_TOKEN", secrets.get("MLFLOW_TRACKING_TOKEN")),
                    "registry", "list", "--mlflow", bearer.uri().toString(), "--name", "fraud", "--json");
            assertThat(listed).isZero();
            int shown = mlcicd("registry-show", Map.of("MLFLOW_TRACKING_TOKEN", secrets.get("MLFLOW_TRACKING_TOKEN")),
                    "registry", "show", "--mlflow", bearer.uri().toString(), "--name", "fraud", "--alias", "candidate");
            assertThat(shown).isZero();
            // a server error that repeats the token it was sent
            for (String endpoint : List.of("registered-models/get", "model-versions/search")) {
                bearer.fail(endpoint, 500, "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"token "
                        + secrets.get("MLFLOW_TRACKING_TOKEN") + " expired\"}", 20);
            }
            int failed = mlcicd("registry-error", Map.of("MLFLOW_TRACKING_TOKEN", secrets.get("MLFLOW_TRACKING_TOKEN")),
                    "registry", "history", "--mlflow", bearer.uri().toString(), "--name", "fraud");
            assertThat(failed).isNotZero();
            int report = mlcicd("train-report", Map.of(), "report", lineage.toString(), "--markdown", outputs.resolve("train.md").toString());
            assertThat(report).isZero();
            // what the registry stored (tags, the lineage artifact) is an output too
            Path stored = outputs.resolve("mlflow-stored.txt");
            StringBuilder all = new StringBuilder();
            bearer.runs.values().forEach(r -> all.append(r).append('\n'));
            bearer.artifacts.values().forEach(b -> all.append(new String(b, StandardCharsets.UTF_8)).append('\n'));
            bearer.versions("fraud").forEach(v -> all.append(v).append('\n'));
            Files.writeString(stored, all);
            assertThat(all).contains("fraud");
        }
        try (FakeMlflowServer basic = new FakeMlflowServer(null, 100).basicAuth("ci", secrets.get("MLFLOW_TRACKING_PASSWORD"))) {
            int listed = mlcicd("registry-basic", Map.of("MLFLOW_TRACKING_USERNAME", "ci",
                            "MLFLOW_TRACKING_PASSWORD", secrets.get("MLFLOW_TRACKING_PASSWORD")),
                    "registry", "list", "--mlflow", basic.uri().toString(), "--name", "fraud", "--json");
            // no such model yet: the call got through authentication (a wrong password would be a 401)
            assertThat(Files.readString(outputs.resolve("registry-basic.stderr"))).doesNotContain("401");
            assertThat(listed).isIn(0, 2);
        }
        assertNoSecretInAnyOutput();
    }
}
