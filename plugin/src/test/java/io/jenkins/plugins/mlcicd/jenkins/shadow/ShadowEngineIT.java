package io.jenkins.plugins.mlcicd.jenkins.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCache;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJar;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJars;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets;
import io.jenkins.plugins.mlcicd.jenkins.common.MaskingOutputStream;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultOnAbort;
import io.jenkins.plugins.mlcicd.jenkins.common.StreamTail;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mlShadowEval does on an agent, without Jenkins: the engine's jars provisioned as the plugin does,
 * the step's CLI arguments, the endpoint credentials in a 0600 secrets file named by the engine JVM's
 * only extra variable, and two model servers on 127.0.0.1 that answer only with the right
 * Authorization header. Then an abort: SIGTERM in the middle of a replay, and the result the engine
 * writes as it stops, read the way the plugin waits for it. An integration test (it starts JVMs and
 * servers): failsafe runs it.
 */
class ShadowEngineIT {
    private static final String TOKEN = ShadowFixtures.TOKEN;
    private static final String USER = ShadowFixtures.USER;
    private static final String PASSWORD = ShadowFixtures.PASSWORD;
    private static final EndpointCredentials.Lookup STORE = id -> switch (id) {
        case "a-token" -> new EndpointCredentials.Token(() -> TOKEN);
        case "b-login" -> new EndpointCredentials.Login(USER, () -> PASSWORD);
        default -> null;
    };

    @TempDir
    static Path agent;
    static Path workspace;
    static List<String> classpath;

    private final List<ModelServer> servers = new ArrayList<>();

    @BeforeAll
    static void provisionTheAgent() throws IOException {
        workspace = Files.createDirectories(agent.resolve("workspace/p"));
        Path cache = Files.createDirectories(agent.resolve("caches").resolve(EngineCache.DIRECTORY));
        List<EngineJars.Located> jars = EngineJars.locate(ShadowEngineIT.class.getClassLoader());
        for (EngineJars.Located jar : jars) {
            String part = EngineCache.partName(jar.jar());
            Files.copy(jar.file(), Files.createDirectories(cache.resolve(jar.jar().sha256())).resolve(part));
            EngineCache.install(cache, part, jar.jar());
        }
        List<EngineJar> wanted = jars.stream().map(EngineJars.Located::jar).toList();
        classpath = wanted.stream().map(jar -> EngineCache.location(cache, jar).toString()).toList();

        Files.createDirectories(workspace.resolve("logs"));
        Files.writeString(workspace.resolve("logs/requests.jsonl"), ShadowFixtures.requests(300), StandardCharsets.UTF_8);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("{\"id\": \"m").append(i).append("\", \"x\": 0.5}\n");
        }
        Files.writeString(workspace.resolve("logs/many.jsonl"), many, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(ModelServer::stop);
    }

    private ModelServer server(String authorization, double shift, long delayMillis) throws IOException {
        ModelServer server = new ModelServer(authorization, shift, delayMillis);
        servers.add(server);
        return server;
    }

    private static ShadowStep replay(String requests, ModelServer baseline, ModelServer candidate) {
        ShadowStep step = new ShadowStep();
        step.setRequests(requests);
        ShadowEndpoint a = new ShadowEndpoint(baseline.url());
        a.setCredentialsId("a-token");
        ShadowEndpoint b = new ShadowEndpoint(candidate.url());
        b.setCredentialsId("b-login");
        b.setHeaders("X-Shadow: true");
        step.setBaseline(a);
        step.setCandidate(b);
        step.setScorePointer("/score");
        step.setTimeout("5s");
        return step;
    }

    /** The engine JVM as AgentEngine starts it, with its output through the plugin's mask. */
    record Engine(Process process, Path work, ByteArrayOutputStream log, StreamTail stderr, MaskingOutputStream out,
                  MaskingOutputStream err, Thread pumpOut, Thread pumpErr, List<String> command, Map<String, String> environment) {
        int waitFor() throws Exception {
            int exitCode = process.waitFor();
            pumpOut.join();
            pumpErr.join();
            out.close();
            err.close();
            return exitCode;
        }

        ResultDocument result(int exitCode) throws IOException {
            assertThat(EngineExit.of(exitCode)).as(log.toString(StandardCharsets.UTF_8)).isEqualTo(EngineExit.RESULT);
            return EngineResults.parse("result.json", Files.readString(work.resolve("result.json")), exitCode);
        }
    }

    private static Engine start(String name, ShadowRequest request) throws Exception {
        Path work = Files.createDirectories(agent.resolve("workspace/p@tmp/mlcicd").resolve(name));
        EngineSecrets secrets = request.secrets(STORE, "mlShadowEval", line -> { });
        // what EngineSecrets.CreatePrivate does on the agent
        Path file = Files.createFile(work.resolve(EngineSecrets.FILE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, secrets.json(), StandardOpenOption.WRITE);
        Map<String, String> environment = Map.of(Secrets.FILE_ENV, file.toString());

        List<String> arguments = new ArrayList<>(request.cliArguments());
        arguments.add("--out=" + work.resolve("result.json"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = EngineCommand.build(Map.of(EngineCommand.JAVA_ENV, java, EngineCommand.JAVA_OPTS_ENV, "-Xmx256m"),
                File.separator, File.pathSeparator, classpath, work.toString(), arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
        builder.environment().putAll(EngineCommand.environment(Map.of(), environment));
        Process process = builder.start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamTail tail = new StreamTail(log, 8192);
        MaskingOutputStream out = new MaskingOutputStream(log, secrets.maskedValues(), StandardCharsets.UTF_8);
        MaskingOutputStream err = new MaskingOutputStream(tail, secrets.maskedValues(), StandardCharsets.UTF_8);
        Thread pumpOut = pump(process.getInputStream(), out);
        Thread pumpErr = pump(process.getErrorStream(), err);
        return new Engine(process, work, log, tail, out, err, pumpOut, pumpErr, command, environment);
    }

    private static Thread pump(InputStream in, OutputStream out) {
        Thread thread = new Thread(() -> {
            try (in) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void replayWithCredentialsFromTheSecretsFileOnly() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ModelServer baseline = server("Bearer " + TOKEN, 0, 0);
        ModelServer candidate = server(basic, 0.01, 0);
        ShadowStep step = replay("logs/requests.jsonl", baseline, candidate);
        step.setSlice("country");
        step.setMinAgreement(0.9);
        ShadowRequest request = step.request().validated("mlShadowEval");

        Engine engine = start("replay", request);
        int exitCode = engine.waitFor();
        ResultDocument result = engine.result(exitCode);

        // the servers got the headers made from the credentials, so the engine resolved them from the file
        assertThat(baseline.refused.get()).isZero();
        assertThat(candidate.refused.get()).isZero();
        assertThat(baseline.answered.get()).isEqualTo(300);
        assertThat(candidate.answered.get()).isEqualTo(300);
        assertThat(baseline.authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(candidate.authorizations).containsExactly(basic);
        // and nowhere else: not on the command line, not in the environment, not in the result
        String commandLine = String.join(" ", engine.command());
        assertThat(commandLine).contains("--baseline-header=Authorization: ${MLCICD_BASELINE_AUTHORIZATION}")
                .doesNotContain(TOKEN, PASSWORD, basic.substring(6));
        assertThat(engine.environment().toString()).doesNotContain(TOKEN, PASSWORD);
        String document = Files.readString(engine.work().resolve("result.json"));
        assertThat(document).doesNotContain(TOKEN, PASSWORD, basic.substring(6));
        assertThat(engine.log().toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN, PASSWORD);

        assertThat(result.verdict()).as(result.summary()).isEqualTo(Verdict.PASSED);
        assertThat(exitCode).isZero();
        assertThat(result.fields().at("/metrics/compared").asLong()).isEqualTo(300);
        assertThat(result.fields().at("/metrics/candidate/errorRate").asDouble()).isZero();
        assertThat(result.fields().at("/metrics/agreement").asDouble()).isGreaterThan(0.9);
        assertThat(result.fields().path("slices").size()).isEqualTo(2);

        ShadowAction action = new ShadowAction("shadow", result, request);
        assertThat(action.getCandidateErrorRate()).isEqualTo("0.00%");
        assertThat(action.getBaselineLatencyP95()).endsWith(" ms");
        assertThat(action.getCandidateLatencyP95()).endsWith(" ms");
        assertThat(action.getCompared()).isEqualTo("300");
    }

    @Test
    void aWrongCredentialIsCountedAsTheModelsErrorsNeverAPass() throws Exception {
        ModelServer baseline = server("Bearer " + TOKEN, 0, 0);
        ModelServer candidate = server("Bearer another-token", 0, 0);
        ShadowRequest request = replay("logs/requests.jsonl", baseline, candidate).request().validated("mlShadowEval");

        Engine engine = start("refused", request);
        ResultDocument result = engine.result(engine.waitFor());

        assertThat(candidate.refused.get()).isEqualTo(300);
        assertThat(result.verdict()).isIn(Verdict.FAILED, Verdict.INCONCLUSIVE);
        assertThat(result.fields().at("/metrics/candidate/errorRate").asDouble()).isEqualTo(1.0);
        assertThat(new ShadowAction("shadow", result, request).getAgreement()).isNull();
    }

    @Test
    void sigtermStopsTheReplayPromptlyAndTheResultSaysWhatWasMeasured() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        ModelServer baseline = server("Bearer " + TOKEN, 0, 20);
        ModelServer candidate = server(basic, 0, 20);
        ShadowStep step = replay("logs/many.jsonl", baseline, candidate);
        step.setConcurrency(2);
        ShadowRequest request = step.request().validated("mlShadowEval");

        Engine engine = start("aborted", request);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (baseline.answered.get() < 40 && System.nanoTime() < deadline && engine.process().isAlive()) {
            Thread.sleep(50);
        }
        assertThat(baseline.answered.get()).as(engine.log().toString(StandardCharsets.UTF_8)).isGreaterThanOrEqualTo(40);

        // what Jenkins' ProcessTree does to the engine when the build is aborted
        long stopping = System.nanoTime();
        long answeredAtStop = baseline.answered.get();
        engine.process().destroy();
        ResultDocument measured = ResultOnAbort.await(() -> Files.exists(engine.work().resolve("result.json"))
                        ? Files.readString(engine.work().resolve("result.json")) : null,
                Duration.ofSeconds(20), Thread::sleep, System::nanoTime);
        assertThat(engine.process().waitFor(20, TimeUnit.SECONDS)).as("the engine ends after SIGTERM").isTrue();
        engine.waitFor();
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

        assertThat(measured).as(engine.log().toString(StandardCharsets.UTF_8)).isNotNull();
        assertThat(stopped).isLessThan(Duration.ofSeconds(15));
        assertThat(measured.fields().path("stopReason").asText()).contains("interrupted");
        // what the baseline answered until the signal, give or take the requests in flight (concurrency 2)
        long measuredRequests = measured.fields().at("/metrics/baseline/requests").asLong();
        assertThat(measuredRequests).isBetween(answeredAtStop - 4, baseline.answered.get() + 4);
        assertThat(baseline.answered.get()).as("the replay stopped sending").isLessThan(answeredAtStop + 20);
        assertThat(new ShadowAction("shadow", measured, request).getStopReason()).contains("interrupted");
    }

    @Test
    void predictionLogsAndLabelsFromTheStepsParameters() throws Exception {
        List<String> baseline = new ArrayList<>(List.of("request_id,score,latency_ms"));
        List<String> candidate = new ArrayList<>(List.of("request_id,score,latency_ms"));
        List<String> outcomes = new ArrayList<>(List.of("request_id,clicked"));
        for (int i = 0; i < 120; i++) {
            double score = (i % 100) / 100.0;
            baseline.add("k" + i + "," + score + "," + (10 + i % 7));
            // the candidate logged keys 10..129: 110 matched, 10 on each side alone
            candidate.add("k" + (i + 10) + "," + ((i + 10) % 100) / 100.0 + "," + (12 + i % 7));
            outcomes.add("k" + i + "," + (score >= 0.5 ? 1 : 0));
        }
        Files.createDirectories(workspace.resolve("logs/a"));
        Files.createDirectories(workspace.resolve("logs/b"));
        Files.write(workspace.resolve("logs/a/part-0.csv"), baseline);
        Files.write(workspace.resolve("logs/b/part-0.csv"), candidate);
        Files.write(workspace.resolve("logs/outcomes.csv"), outcomes);
        ShadowStep step = new ShadowStep();
        step.setBaselineLog("logs/a/*.csv");
        step.setCandidateLog("logs/b/*.csv");
        step.setKey("request_id");
        step.setLatencyMsColumn("latency_ms");
        step.setLabels("logs/outcomes.csv");
        step.setLabelColumn("clicked");
        step.setMaxErrorRate(0.05);
        ShadowRequest request = step.request().validated("mlShadowEval");

        Engine engine = start("log-join", request);
        ResultDocument result = engine.result(engine.waitFor());

        JsonNode input = result.fields().path("input");
        assertThat(input.path("matched").asLong()).as(engine.log().toString(StandardCharsets.UTF_8)).isEqualTo(110);
        assertThat(input.path("onlyBaseline").asLong()).isEqualTo(10);
        assertThat(input.path("onlyCandidate").asLong()).isEqualTo(10);
        assertThat(result.fields().at("/metrics/compared").asLong()).isEqualTo(110);
        // HdrHistogram keeps three significant digits
        assertThat(result.fields().at("/models/candidate/latencyMs/max").asDouble()).isCloseTo(18.0, within(0.05));
        assertThat(result.fields().path("labels").path("label").asText()).isEqualTo("clicked");
        ShadowAction action = new ShadowAction("shadow", result, request);
        assertThat(action.getBaselineLatencyP95()).endsWith(" ms");
        assertThat(action.getSource()).startsWith("prediction logs logs/a/*.csv (baseline)");
    }
}
