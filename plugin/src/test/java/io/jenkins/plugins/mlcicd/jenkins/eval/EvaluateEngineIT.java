package io.jenkins.plugins.mlcicd.jenkins.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.eval.EvaluationHeadline;
import io.jenkins.plugins.mlcicd.gate.Gate;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.gate.MetricsDocument;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCache;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJar;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJars;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mlEvaluate does on an agent, without Jenkins: the engine's jars as the plugin finds them, in an
 * agent cache by digest, a child JVM started with {@link EngineCommand}'s command line and the step's
 * CLI arguments in the workspace, the exit code read by {@link EngineExit}, the result by
 * {@link EngineResults}; then what mlGate(candidate: 'eval') does with the document.
 * An integration test (it starts JVMs): failsafe runs it.
 */
class EvaluateEngineIT {
    /** 200 rows, two countries whose scores overlap differently; row ids for pairing. */
    static String predictions() {
        StringBuilder csv = new StringBuilder("row_id,is_fraud,score,country,age_band\n");
        for (int i = 0; i < 200; i++) {
            int label = i % 4 < 2 ? 1 : 0;
            boolean de = i % 2 == 0;
            double noise = ((i * 37) % 100) / 100.0;
            double score = de ? (label == 1 ? 0.45 + noise / 2 : 0.05 + noise / 2) : (label == 1 ? 0.3 + noise / 2 : 0.2 + noise / 2);
            csv.append(i).append(',').append(label).append(',').append(String.format(java.util.Locale.ROOT, "%.4f", score)).append(',')
                    .append(de ? "DE" : "US").append(',').append(i % 3 == 0 ? "18-30" : "31+").append('\n');
        }
        return csv.toString();
    }

    @TempDir
    static Path agent;
    static Path workspace;
    static List<String> classpath;

    @BeforeAll
    static void provisionTheAgent() throws IOException {
        workspace = Files.createDirectories(agent.resolve("workspace/p"));
        Path cache = Files.createDirectories(agent.resolve("caches").resolve(EngineCache.DIRECTORY));
        List<EngineJars.Located> jars = EngineJars.locate(EvaluateEngineIT.class.getClassLoader());
        List<EngineJar> wanted = jars.stream().map(EngineJars.Located::jar).toList();
        for (EngineJars.Located jar : jars) {
            String part = EngineCache.partName(jar.jar());
            Path target = Files.createDirectories(cache.resolve(jar.jar().sha256())).resolve(part);
            Files.copy(jar.file(), target);
            EngineCache.install(cache, part, jar.jar());
        }
        classpath = wanted.stream().map(jar -> EngineCache.location(cache, jar).toString()).toList();
        Files.createDirectories(workspace.resolve("out"));
        Files.writeString(workspace.resolve("out/predictions.csv"), predictions(), StandardCharsets.UTF_8);
    }

    record Run(int exitCode, String stdout, String stderr, Path work) {
    }

    private static Run engine(String name, EvaluateRequest request) throws Exception {
        Path work = Files.createDirectories(agent.resolve("workspace/p@tmp/mlcicd").resolve(name));
        List<String> arguments = new ArrayList<>(request.validated("mlEvaluate").cliArguments());
        arguments.add("--out=" + work.resolve("result.json"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = EngineCommand.build(Map.of(EngineCommand.JAVA_ENV, java, EngineCommand.JAVA_OPTS_ENV, "-Xmx256m"),
                File.separator, File.pathSeparator, classpath, work.toString(), arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        builder.environment().putAll(EngineCommand.environment(Map.of(), Map.of()));
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        return new Run(exitCode, stdout, Files.readString(work.resolve("stderr.txt")), work);
    }

    private static ResultDocument result(Run run) throws IOException {
        assertThat(EngineExit.of(run.exitCode())).as(run.stderr()).isEqualTo(EngineExit.RESULT);
        return EngineResults.parse("result.json", Files.readString(run.work().resolve("result.json")), run.exitCode());
    }

    @Test
    void everyOptionReachesTheEngineAndTheGateReadsTheDocument() throws Exception {
        EvaluateRequest request = new EvaluateRequest("out/predictions.csv", "is_fraud", "score", "binary", 0.3,
                List.of("country"), null, "age_band", null, null, 50, 7L, "row_id", false);

        ResultDocument document = result(engine("full", request));

        assertThat(document.verdict()).as(document.checks().stream().filter(c -> c.verdict() != Verdict.PASSED)
                .map(c -> c.name() + ": " + c.message()).toList().toString()).isEqualTo(Verdict.PASSED);
        assertThat(document.fields().path("threshold").asDouble()).isEqualTo(0.3);
        assertThat(document.fields().path("input").path("rows").asLong()).isEqualTo(200);
        assertThat(document.fields().path("slices").has("country=DE")).isTrue();
        assertThat(document.fields().path("fairness").path("sensitive").asText()).isEqualTo("age_band");
        assertThat(document.fields().path("bootstrap").path("replicates").asInt()).isEqualTo(50);
        assertThat(document.fields().path("bootstrap").path("seed").asLong()).isEqualTo(7);
        assertThat(document.fields().path("bootstrap").path("rowKey").asText()).isEqualTo("id:row_id");
        assertThat(document.fields().path("intervals").has("auc")).isTrue();
        EvaluationHeadline headline = EvaluationHeadline.of(document);
        double de = document.fields().path("slices").path("country=DE").path("auc").asDouble();
        double us = document.fields().path("slices").path("country=US").path("auc").asDouble();
        assertThat(de).isNotEqualTo(us);
        assertThat(headline.worstSlice()).isEqualTo(de < us ? "country=DE" : "country=US");
        assertThat(headline.worstValue()).isEqualTo(Math.min(de, us));
        assertThat(headline.metrics().get("auc")).isBetween(0.5, 1.0);

        // the same seed and rows give the same document: a later build's comparison is meaningful
        ResultDocument again = result(engine("again", request));
        assertThat(again.fields().path("intervals")).isEqualTo(document.fields().path("intervals"));

        // what mlGate(candidate: 'eval') does with the stored document, with the reference's as baseline
        GatePolicy policy = GatePolicy.parse("gate.yaml", """
                rules:
                  - metric: auc
                    atLeast: 0.6
                    maxRegression: 0.01
                """);
        MetricsDocument candidate = MetricsDocument.parse("evaluation 'eval'", Files.readString(engine("gate", request).work().resolve("result.json")));
        ResultDocument gate = Gate.evaluate(policy, candidate, MetricsDocument.parse("reference", Files.readString(
                engine("reference", request).work().resolve("result.json"))), "evaluation 'eval' of reference build p #1");
        assertThat(gate.verdict()).isEqualTo(Verdict.PASSED);
    }

    /** Predictions in a database (a DuckDB file through the engine's own driver, so no server is needed). */
    @Test
    void predictionsFromADatabaseTableGiveTheFilesMetrics() throws Exception {
        String url = "jdbc:duckdb:" + agent.resolve("scores.duckdb");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE scored AS SELECT * FROM read_csv('" + workspace.resolve("out/predictions.csv") + "')");
        }
        EvaluateRequest fromDatabase = new EvaluateRequest(null, "is_fraud", "score", null, null, List.of("country"), null, null, null,
                null, null, null, null, false, DatabaseSource.of(url, "scored", null, null));
        EvaluateRequest fromFile = new EvaluateRequest("out/predictions.csv", "is_fraud", "score", null, null, List.of("country"), null,
                null, null, null, null, null, null, false);

        ResultDocument database = result(engine("jdbc", fromDatabase));

        assertThat(database.fields().path("metrics")).isEqualTo(result(engine("jdbc-file", fromFile)).fields().path("metrics"));
        assertThat(database.fields().path("input").path("file").asText()).endsWith("table scored");
    }

    @Test
    void badInputIsTheEngineOneLine() throws Exception {
        Run run = engine("missing-column", new EvaluateRequest("out/predictions.csv", "label", "score"));

        assertThat(EngineExit.of(run.exitCode())).isEqualTo(EngineExit.BAD_INPUT);
        assertThat(EngineExit.badInputMessage(run.stderr())).contains("out/predictions.csv", "no column 'label'")
                .doesNotContain("\n");
        assertThat(run.stderr()).doesNotContain("\tat ");
    }

    @Test
    void oneClassIsInconclusive() throws Exception {
        Files.writeString(workspace.resolve("out/one-class.csv"), "y,p\n1,0.9\n1,0.7\n", StandardCharsets.UTF_8);

        Run run = engine("one-class", new EvaluateRequest("out/one-class.csv", "y", "p"));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(result(run).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
