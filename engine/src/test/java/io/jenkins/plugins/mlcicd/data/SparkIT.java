package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlcicd.cli.MainAccess;
import io.jenkins.plugins.mlcicd.eval.Evaluation;
import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.MetricValues;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark path against a real Spark Connect server: Spark {@code local[2]} in its own JVM on 127.0.0.1 and a
 * free port, its classpath resolved by Maven from {@code src/test/spark-server/pom.xml}, wanting the bearer token
 * the failsafe configuration puts into {@code MLCICD_SPARK_TOKEN}, stopped by PID. Parquet files written by
 * DuckDB are validated, profiled and evaluated both by DuckDB and by Spark: the checks, verdicts and numbers
 * must agree. Run with {@code -Pspark} (see engine/pom.xml).
 */
class SparkIT {
    private static final String TOKEN_ENV = "MLCICD_SPARK_TOKEN";
    private static Path work;
    private static Process server;
    private static String url;
    private static Map<String, String> environment;

    @BeforeAll
    static void startSpark() throws Exception {
        String token = System.getenv(TOKEN_ENV);
        if (token == null) {
            throw new IllegalStateException(TOKEN_ENV + " is not set: run SparkIT through Maven with -Pspark");
        }
        environment = Map.of(TOKEN_ENV, token);
        Path target = Path.of("target").toAbsolutePath();
        work = target.resolve("spark-it");
        Files.createDirectories(work.resolve("tmp"));
        Path classpath = serverClasspath(target);
        int port = freePort();
        url = "sc://127.0.0.1:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g",
                // what Spark 4 needs opened on Java 17 (its launcher's JavaModuleOptions)
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
                "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true",
                "-Djava.io.tmpdir=" + work.resolve("tmp"),
                "-Dspark.master=local[2]", "-Dspark.ui.enabled=false", "-Dspark.sql.shuffle.partitions=2",
                "-Dspark.local.dir=" + work.resolve("tmp"), "-Dspark.sql.warehouse.dir=" + work.resolve("warehouse"),
                "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.connect.grpc.binding.address=127.0.0.1", "-Dspark.connect.grpc.binding.port=" + port,
                "-cp", Files.readString(classpath).strip(), "org.apache.spark.sql.connect.service.SparkConnectServer"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().put("SPARK_CONNECT_AUTHENTICATE_TOKEN", token);
        server = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!listening(port)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Spark Connect server did not start on " + url + ": see " + work.resolve("server.log"));
            }
            Thread.sleep(250);
        }
        writeData();
    }

    @AfterAll
    static void stopSpark() throws Exception {
        if (server != null) {
            ProcessHandle handle = server.toHandle();
            handle.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The server's classpath, resolved by Maven once (and again when its pom changes). */
    private static Path serverClasspath(Path target) throws IOException, InterruptedException {
        Path pom = Path.of(System.getProperty("spark.server.pom", "src/test/spark-server/pom.xml")).toAbsolutePath();
        Path out = target.resolve("spark-server.classpath");
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(pom)) > 0) {
            return out;
        }
        String mvnw = System.getProperty("maven.wrapper", Path.of("..", "mvnw").toAbsolutePath().toString());
        Process maven = new ProcessBuilder(mvnw, "-B", "-q", "-ntp", "-f", pom.toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + out).redirectErrorStream(true).redirectOutput(target.resolve("spark-server-maven.log").toFile())
                .start();
        if (!maven.waitFor(15, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("cannot resolve the Spark Connect server's classpath: see "
                    + target.resolve("spark-server-maven.log"));
        }
        return out;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Path current;
    private static Path reference;
    private static Path predictions;

    /** Parquet files written by DuckDB: both engines read the very same bytes. */
    private static void writeData() throws Exception {
        current = work.resolve("current.parquet");
        reference = work.resolve("reference.parquet");
        predictions = work.resolve("predictions.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT g AS id, CASE WHEN g = 7 THEN -3.0 WHEN g = 201 THEN NULL ELSE (g % 97) * 1.5 + g / 1000.0 END AS amount,"
                    + " CASE WHEN g = 7 THEN 'GB' WHEN g % 3 = 0 THEN 'DE' ELSE 'US' END AS country,"
                    + " CASE WHEN g = 9 THEN 'broken-email' ELSE 'user' || g || '@example.com' END AS email,"
                    + " CASE WHEN g = 11 THEN 'twelve' WHEN g = 12 THEN '1e3' ELSE CAST(g AS VARCHAR) END AS qty_text,"
                    + " CAST(g % 24 AS BIGINT) AS hour, DATE '2026-01-01' + CAST(g % 30 AS INTEGER) AS day"
                    + " FROM range(1, 1202) t(g) ORDER BY g) TO '" + current + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT g AS id, (g % 89) * 1.7 AS amount, CASE WHEN g % 4 = 0 THEN 'DE' ELSE 'US' END AS country,"
                    + " 'user' || g || '@example.com' AS email, CAST(g AS VARCHAR) AS qty_text, CAST((g * 7) % 24 AS BIGINT) AS hour,"
                    + " DATE '2026-01-01' + CAST(g % 30 AS INTEGER) AS day FROM range(1, 1501) t(g)) TO '" + reference
                    + "' (FORMAT PARQUET)");
            // Scores with ties (rounded) and a slice column; regression target and prediction.
            st.execute("COPY (SELECT CAST(hash(g) % 100 < 30 + (g % 7) * 5 AS INTEGER) AS y,"
                    + " round(((g * 37) % 101) / 100.0, 2) AS p, CASE WHEN g % 5 = 0 THEN 'web' ELSE 'app' END AS channel,"
                    + " (g % 50) * 1.25 AS target, (g % 50) * 1.2 + (g % 3) AS pred FROM range(1, 3001) t(g)) TO '"
                    + predictions + "' (FORMAT PARQUET)");
        }
    }

    private static final String CONTRACT = """
            rows: {min: 100}
            columns:
              - {name: id, type: integer, unique: true, nullable: false}
              - {name: amount, type: double, min: 0, max: 1000, maxNullFraction: 0.01, drift: {method: psi, threshold: 0.2}}
              - {name: country, type: string, allowed: [US, DE], drift: {method: chi_square}}
              - {name: email, pattern: '[^@]+@[^@]+'}
              - {name: qty_text, type: integer}
              - {name: hour, type: integer, min: 0, max: 23, drift: {method: ks, threshold: 0.01}}
              - {name: day, type: date, min: '2026-01-01'}
            """;

    private static final String DRIFT_CONTRACT = """
            columns:
              - {name: amount, drift: {method: wasserstein_normed, threshold: 0.1}}
              - {name: hour, drift: {method: jensen_shannon, threshold: 0.1}}
              - {name: country, drift: {method: psi, threshold: 0.2}}
            """;

    private static ValidationResult validate(String contract, DataSource data, DataSource referenceData, DataProfile profile,
            boolean profileCurrent) {
        return new DataValidation(environment, Clock.systemUTC())
                .run(new ValidationRequest(DataContract.parse("contract.yaml", contract), "contract.yaml", data, referenceData,
                        profile, profileCurrent));
    }

    private static DataSource.Spark spark(Path path) {
        return new DataSource.Spark(url, null, null, path.toString(), null);
    }

    /** Same checks in the same order, same verdicts, values within 1e-9, same samples and counts. */
    private static void assertSameChecks(ResultDocument duck, ResultDocument spark) {
        assertThat(spark.verdict()).isEqualTo(duck.verdict());
        assertThat(spark.checks()).extracting(Check::name).containsExactlyElementsOf(duck.checks().stream().map(Check::name).toList());
        for (int i = 0; i < duck.checks().size(); i++) {
            Check d = duck.checks().get(i);
            Check s = spark.checks().get(i);
            assertThat(s.verdict()).as(d.name()).isEqualTo(d.verdict());
            if (d.value() == null) {
                assertThat(s.value()).as(d.name()).isNull();
            } else {
                assertThat(s.value()).as(d.name()).isCloseTo(d.value(), within(1e-9));
            }
            for (String detail : List.of("count", "samples", "observed")) {
                assertThat(s.details().get(detail)).as(d.name() + " " + detail).isEqualTo(d.details().get(detail));
            }
        }
    }

    @Test
    void contractChecksAndDriftAgainstReferenceDataMatchDuckDb() {
        ResultDocument duck = validate(CONTRACT, new DataSource.Files(current), new DataSource.Files(reference), null, false).document();
        ResultDocument spark = validate(CONTRACT, spark(current), spark(reference), null, false).document();
        assertThat(duck.verdict().name()).isEqualTo("FAILED");
        assertSameChecks(duck, spark);
        // samples carry the row identity (position in the Parquet file), as DuckDB's do
        Check negative = spark.checks().stream().filter(c -> c.name().equals("amount.min")).findFirst().orElseThrow();
        assertThat(negative.details().get("samples")).isEqualTo(List.of(Map.of("row", 7L, "value", "-3.0")));
        ResultDocument duckDrift = validate(DRIFT_CONTRACT, new DataSource.Files(current), new DataSource.Files(reference), null, false)
                .document();
        ResultDocument sparkDrift = validate(DRIFT_CONTRACT, spark(current), spark(reference), null, false).document();
        assertSameChecks(duckDrift, sparkDrift);
    }

    @Test
    void profilesMatchDuckDbAndDriftAgainstAStoredProfileToo() {
        ValidationResult duck = validate(CONTRACT, new DataSource.Files(reference), null, null, true);
        ValidationResult spark = validate(CONTRACT, spark(reference), null, null, true);
        for (ColumnProfile d : duck.currentProfile().columns()) {
            ColumnProfile s = spark.currentProfile().column(d.name());
            assertThat(s.count()).as(d.name()).isEqualTo(d.count());
            assertThat(s.nulls()).as(d.name()).isEqualTo(d.nulls());
            if (d.quantiles() != null) {
                d.quantiles().forEach((level, value) -> assertThat(s.quantiles().get(level)).as(d.name() + " q" + level)
                        .isCloseTo(value, within(1e-9)));
                assertThat(s.histogram().counts()).as(d.name()).containsExactly(d.histogram().counts());
                assertThat(s.mean()).isCloseTo(d.mean(), within(1e-9));
                assertThat(s.std()).isCloseTo(d.std(), within(1e-9));
            }
        }
        // contract inference reads the same profile: same columns and types (its uniqueness guess rests on each
        // engine's distinct estimate, which may differ within the estimate's error)
        DataContract duckContract = ContractInference.infer(new DataSource.Files(reference), environment);
        DataContract sparkContract = ContractInference.infer(spark(reference), environment);
        assertThat(sparkContract.columns()).extracting(DataContract.ColumnRule::name, DataContract.ColumnRule::type)
                .containsExactlyElementsOf(duckContract.columns().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.type())).toList());
        // drift of Spark data against the profile DuckDB stored (and the other way round: same numbers)
        ResultDocument fromDuckProfile = validate(CONTRACT, spark(current), null, duck.currentProfile(), false).document();
        ResultDocument duckFromDuckProfile = validate(CONTRACT, new DataSource.Files(current), null, duck.currentProfile(), false).document();
        assertSameChecks(duckFromDuckProfile, fromDuckProfile);
    }

    @Test
    void tablesAndQueriesAreValidatedInSpark() throws Exception {
        try (SparkConnection session = SparkConnection.open(spark(current), environment)) {
            session.collect("CREATE TABLE IF NOT EXISTS txn USING parquet LOCATION '" + current + "'");
        }
        ResultDocument files = validate(CONTRACT, new DataSource.Files(current), null, null, false).document();
        ResultDocument table = validate(CONTRACT, new DataSource.Spark(url, "default.txn", null, null, null), null, null, false)
                .document();
        assertThat(table.checks()).extracting(Check::name).containsExactlyElementsOf(files.checks().stream().map(Check::name).toList());
        assertThat(table.checks()).extracting(Check::verdict).containsExactlyElementsOf(files.checks().stream().map(Check::verdict).toList());
        ResultDocument query = validate("columns:\n  - {name: amount, min: 0}\n",
                new DataSource.Spark(url, null, "SELECT * FROM txn WHERE id <> 7", null, null), null, null, false).document();
        assertThat(query.checks()).filteredOn(c -> c.name().equals("amount.min")).singleElement()
                .satisfies(c -> assertThat(c.verdict().name()).isEqualTo("PASSED"));
        assertThat(table.checks()).filteredOn(c -> c.name().equals("amount.min")).singleElement()
                .satisfies(c -> assertThat(c.verdict().name()).isEqualTo("FAILED"));
    }

    private static EvaluationRequest request(DataSource.Spark spark, String label, String score, Task task, List<String> slices) {
        return new EvaluationRequest(spark == null ? predictions : null, label, score, task, 0.5, slices, null, null, null, null,
                0, 0, null, false, spark);
    }

    private static void assertClose(MetricValues duck, MetricValues spark) {
        assertThat(spark.values().keySet()).containsExactlyElementsOf(duck.values().keySet());
        duck.values().forEach((metric, value) -> assertThat(spark.get(metric)).as(metric)
                .isCloseTo(value, within(metric.startsWith("calibration") ? 1e-6 : 1e-9)));
        assertThat(spark.undefined()).isEqualTo(duck.undefined());
    }

    @Test
    void evaluationFromPerScoreAggregatesMatchesTheRowLevelPath() {
        for (Task task : Task.values()) {
            String label = task == Task.BINARY ? "y" : "target";
            String score = task == Task.BINARY ? "p" : "pred";
            Evaluation duck = Evaluator.evaluate(request(null, label, score, task, List.of("channel")), environment);
            Evaluation spark = Evaluator.evaluate(request(spark(predictions), label, score, task, List.of("channel")), environment);
            assertClose(duck.overall(), spark.overall());
            assertThat(spark.slices().keySet()).containsExactlyElementsOf(duck.slices().keySet());
            duck.slices().forEach((key, values) -> assertClose(values, spark.slices().get(key)));
            assertThat(spark.approximation()).isNull();
            ResultDocument d = EvaluationDocument.of(duck, java.time.Instant.now());
            ResultDocument s = EvaluationDocument.of(spark, java.time.Instant.now());
            assertThat(s.verdict()).isEqualTo(d.verdict());
            assertThat(s.checks()).extracting(Check::name).containsExactlyElementsOf(d.checks().stream().map(Check::name).toList());
            if (task == Task.BINARY) {
                assertThat(spark.curves()).isEqualTo(duck.curves());
            }
        }
    }

    @Test
    void beyondTheBoundOfDistinctScoresTheResultSaysSoAndBoundsTheError() {
        Map<String, String> bounded = new HashMap<>(environment);
        bounded.put("MLCICD_SPARK_MAX_SCORES", "20");
        Evaluation exact = Evaluator.evaluate(request(null, "y", "p", Task.BINARY, List.of()), environment);
        Evaluation binned = Evaluator.evaluate(request(spark(predictions), "y", "p", Task.BINARY, List.of()), bounded);
        Evaluation.Approximation approximation = binned.approximation();
        assertThat(approximation).isNotNull();
        for (String metric : List.of("auc", "pr_auc")) {
            double bound = approximation.errorBounds().get(metric);
            assertThat(bound).isPositive();
            assertThat(Math.abs(binned.overall().get(metric) - exact.overall().get(metric))).as(metric).isLessThanOrEqualTo(bound);
        }
        for (String metric : List.of("count", "positives", "log_loss", "brier", "accuracy", "precision", "recall", "f1", "ece")) {
            assertThat(binned.overall().get(metric)).as(metric).isCloseTo(exact.overall().get(metric), within(1e-9));
        }
        assertThat(binned.overall().undefined()).containsKeys("calibration_slope", "calibration_intercept");
        ResultDocument document = EvaluationDocument.of(binned, java.time.Instant.now());
        assertThat(document.checks()).anySatisfy(c -> {
            assertThat(c.name()).isEqualTo("metrics.exact");
            assertThat(c.verdict().name()).isEqualTo("WARNING");
            assertThat(c.message()).contains("auc within ±");
        });
    }

    /**
     * Both logs of the same examples (a repeated key on each side, keys on one side only, a NULL, changed numbers and
     * strings) as Parquet, joined in DuckDB and in Spark: the same checks, verdicts, counts, samples (in training row
     * order) and drift values.
     */
    @Test
    void skewBetweenTwoParquetFilesMatchesDuckDb() throws Exception {
        Path training = work.resolve("skew-training.parquet");
        Path serving = work.resolve("skew-serving.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT id, amount, country FROM (SELECT g AS o, g AS id, CAST((g % 37) * 1.5 AS DOUBLE) AS amount,"
                    + " CASE WHEN g % 3 = 0 THEN 'DE' ELSE 'US' END AS country FROM range(1, 301) t(g)"
                    + " UNION ALL SELECT 1000, 5, CAST(99.25 AS DOUBLE), 'XX') ORDER BY o) TO '" + training + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT id, amount, country FROM (SELECT g AS o, g AS id,"
                    + " CAST(CASE WHEN g = 77 THEN NULL WHEN g % 50 = 0 THEN (g % 37) * 1.5 + 1 ELSE (g % 37) * 1.5 END AS DOUBLE) AS amount,"
                    + " CASE WHEN g % 60 = 0 THEN 'FR' WHEN g % 3 = 0 THEN 'DE' ELSE 'US' END AS country FROM range(3, 311) t(g)"
                    + " UNION ALL SELECT 1000, 8, CAST(-1.0 AS DOUBLE), 'US') ORDER BY o) TO '" + serving + "' (FORMAT PARQUET)");
        }
        ResultDocument duck = new SkewDetection(environment, Clock.systemUTC())
                .run(new SkewRequest(new DataSource.Files(training), new DataSource.Files(serving), "id", null, 1e-6, 0));
        ResultDocument inSpark = new SkewDetection(environment, Clock.systemUTC())
                .run(new SkewRequest(spark(training), spark(serving), "id", null, 1e-6, 0));
        assertThat(duck.checks()).extracting(Check::name).contains("amount.skew", "country.skew", "amount.drift");
        assertThat(duck.checks().stream().filter(c -> c.name().equals("amount.skew")).findFirst().orElseThrow().details())
                .containsEntry("count", 7L);
        assertSameChecks(duck, inSpark);

        // A query as the training side (no row order: a repeated key keeps the same row in every query) through the CLI.
        MainAccess.Run run = MainAccess.run("skew", "--spark", url, "--training-query",
                "SELECT * FROM parquet.`" + training + "` WHERE id <> 5", "--serving", serving.toString(), "--key", "id");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    }

    @Test
    void badInputsAreOneClearLineAndExitTwo() throws Exception {
        Path contract = Files.writeString(work.resolve("contract.yaml"), CONTRACT);
        String dead = "sc://127.0.0.1:" + freePort();
        List<List<String>> cases = List.of(
                List.of("validate", "--contract", contract.toString(), "--spark", dead, "--table", "txn"),
                List.of("validate", "--contract", contract.toString(), "--spark", url, "--spark-token-env", "MLCICD_SPARK_BAD_TOKEN",
                        "--table", "txn"),
                List.of("validate", "--contract", contract.toString(), "--spark", url, "--table", "no_such_table"),
                List.of("validate", "--contract", contract.toString(), "--spark", url, "--query", "SELEC id FROM txn"),
                List.of("evaluate", "--spark", url, "--query", "SELECT 1 AS y, 'x' AS p", "--label", "y", "--score", "p"),
                List.of("profile", "--spark", url + "/;token=abc", "--table", "txn"),
                List.of("skew", "--spark", url, "--training", reference.toString(), "--serving", current.toString(), "--key", "no_id"),
                List.of("skew", "--spark", url, "--training", reference.toString(), "--training-table", "txn",
                        "--serving", current.toString(), "--key", "id"));
        List<String> expected = List.of("cannot connect to 127.0.0.1", "UNAUTHENTICATED", "no_such_table", "PARSE_SYNTAX_ERROR",
                "not numbers", "not in the URL", "no key column 'no_id'", "exactly one of --training, --training-table");
        for (int i = 0; i < cases.size(); i++) {
            MainAccess.Run run = MainAccess.run(cases.get(i).toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).as(cases.get(i).toString()).contains(expected.get(i)).doesNotContain("\tat ")
                    .doesNotContain("not-the-token").doesNotContain("token=abc");
        }
    }
}
