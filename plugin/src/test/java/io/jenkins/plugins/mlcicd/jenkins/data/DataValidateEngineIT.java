package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseLogin;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCache;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineCommand;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJar;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineJars;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.jenkins.common.StreamTail;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What mlDataValidate does on an agent, without Jenkins: the engine's jars as the plugin finds them,
 * copied into an agent cache by digest, a child JVM started with {@link EngineCommand}'s command line
 * and the step's CLI arguments in the workspace, its exit code read by {@link EngineExit} and its
 * result by {@link EngineResults}; then a second run whose reference is the first run's kept profile.
 * An integration test (it starts JVMs): failsafe runs it.
 */
class DataValidateEngineIT {
    @TempDir
    static Path agent;
    static Path workspace;
    static List<String> classpath;

    @BeforeAll
    static void provisionTheAgent() throws IOException {
        workspace = Files.createDirectories(agent.resolve("workspace/p"));
        Path cache = Files.createDirectories(agent.resolve("caches").resolve(EngineCache.DIRECTORY));
        List<EngineJars.Located> jars = EngineJars.locate(DataValidateEngineIT.class.getClassLoader());
        List<EngineJar> wanted = jars.stream().map(EngineJars.Located::jar).toList();
        assertThat(EngineCache.missing(cache, wanted)).containsExactlyElementsOf(wanted);
        for (EngineJars.Located jar : jars) {
            String part = EngineCache.partName(jar.jar());
            Path target = Files.createDirectories(cache.resolve(jar.jar().sha256())).resolve(part);
            Files.copy(jar.file(), target);
            EngineCache.install(cache, part, jar.jar());
        }
        assertThat(EngineCache.missing(cache, wanted)).isEmpty();
        classpath = wanted.stream().map(jar -> EngineCache.location(cache, jar).toString()).toList();

        Files.createDirectories(workspace.resolve("ml"));
        Files.writeString(workspace.resolve("ml/contract.yaml"), DataFixtures.CONTRACT, StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("train.csv"), DataFixtures.TRAIN, StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("shifted.csv"), DataFixtures.SHIFTED, StandardCharsets.UTF_8);
    }

    record Run(int exitCode, String stdout, String stderr, Path work) {
    }

    /** The child JVM as AgentEngine starts it: its own java, cached jars, the workspace as working directory. */
    private static Run engine(String name, DataValidateRequest request, Path referenceProfile) throws Exception {
        return engine(name, request, referenceProfile, Map.of());
    }

    /** With extra variables in the JVM's environment, as AgentEngine passes them. */
    private static Run engine(String name, DataValidateRequest request, Path referenceProfile, Map<String, String> secrets)
            throws Exception {
        Path work = Files.createDirectories(agent.resolve("workspace/p@tmp/mlcicd").resolve(name));
        List<String> arguments = new ArrayList<>(request.cliArguments(
                referenceProfile == null ? null : referenceProfile.toString(), work.resolve("profile.json").toString()));
        arguments.add("--out=" + work.resolve("result.json"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = EngineCommand.build(Map.of(EngineCommand.JAVA_ENV, java, EngineCommand.JAVA_OPTS_ENV, "-Xmx256m"),
                File.separator, File.pathSeparator, classpath, work.toString(), arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
        builder.environment().putAll(EngineCommand.environment(Map.of(), secrets));
        Process process = builder.start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        StreamTail stderr = new StreamTail(log, 4096);
        Thread errors = new Thread(() -> copy(process.getErrorStream(), stderr));
        errors.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        errors.join();
        return new Run(exitCode, stdout, stderr.text(), work);
    }

    private static void copy(InputStream in, StreamTail out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResultDocument result(Run run) throws IOException {
        assertThat(EngineExit.of(run.exitCode())).as(run.stderr()).isEqualTo(EngineExit.RESULT);
        return EngineResults.parse("result.json", Files.readString(run.work().resolve("result.json")), run.exitCode());
    }

    private static Verdict verdict(ResultDocument document, String check) {
        return document.checks().stream().filter(c -> c.name().equals(check)).map(Check::verdict).findFirst().orElseThrow();
    }

    @Test
    void firstRunWithoutReferenceThenDriftAgainstItsKeptProfile() throws Exception {
        DataValidateRequest request = new DataValidateRequest("ml/contract.yaml", "train.csv", DataValidateRequest.LAST_SUCCESSFUL);
        Run first = engine("first", request, null);
        ResultDocument firstResult = result(first);

        assertThat(firstResult.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict(firstResult, "amount.drift")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(verdict(firstResult, "country.allowed")).isEqualTo(Verdict.PASSED);
        assertThat(first.stdout()).contains("INCONCLUSIVE: ");
        Path profile = first.work().resolve("profile.json");
        assertThat(profile).exists();

        DataValidateRequest shifted = new DataValidateRequest("ml/contract.yaml", "shifted.csv", DataValidateRequest.LAST_SUCCESSFUL);
        Run second = engine("second", shifted, profile);
        ResultDocument secondResult = result(second);

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(secondResult.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(verdict(secondResult, "amount.drift")).isEqualTo(Verdict.FAILED);
        assertThat(verdict(secondResult, "country.allowed")).isEqualTo(Verdict.FAILED);
        assertThat(secondResult.fields().path("reference").asText()).startsWith("profile of train.csv");
        assertThat(secondResult.fields().path("columns").get(0).has("histogram")).isTrue();

        Run same = engine("same", request, profile);
        assertThat(result(same).verdict()).isEqualTo(Verdict.PASSED);
    }

    /**
     * A database source: a DuckDB file on the agent (the engine's own JDBC driver, so no server is
     * needed), as a table and as a query; the kept profile is a later run's reference, as with files.
     */
    @Test
    void databaseTableAndQueryWithTheKeptProfileAsReference() throws Exception {
        Path database = agent.resolve("features.duckdb");
        String url = "jdbc:duckdb:" + database;
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE train AS SELECT * FROM read_csv('" + workspace.resolve("train.csv") + "')");
            statement.execute("CREATE TABLE shifted AS SELECT * FROM read_csv('" + workspace.resolve("shifted.csv") + "')");
        }
        DataValidateRequest table = new DataValidateRequest("ml/contract.yaml", null,
                DatabaseSource.of(url, "train", null, null), DataValidateRequest.LAST_SUCCESSFUL, null).validated("mlDataValidate");
        Run first = engine("db-first", table, null);
        ResultDocument firstResult = result(first);
        assertThat(verdict(firstResult, "rows")).isEqualTo(Verdict.PASSED);
        assertThat(verdict(firstResult, "country.allowed")).isEqualTo(Verdict.PASSED);
        assertThat(verdict(firstResult, "amount.drift")).isEqualTo(Verdict.INCONCLUSIVE);
        Path profile = first.work().resolve("profile.json");
        assertThat(profile).as("--profile-out for a JDBC source").exists();

        DataValidateRequest query = new DataValidateRequest("ml/contract.yaml", null,
                DatabaseSource.of(url, null, "SELECT amount, country FROM shifted", null), DataValidateRequest.LAST_SUCCESSFUL, null)
                .validated("mlDataValidate");
        Run second = engine("db-second", query, profile);
        ResultDocument secondResult = result(second);
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(verdict(secondResult, "amount.drift")).isEqualTo(Verdict.FAILED);
        assertThat(verdict(secondResult, "country.allowed")).isEqualTo(Verdict.FAILED);

        // a reference file in the workspace works for database data too
        DataValidateRequest againstFile = new DataValidateRequest("ml/contract.yaml", null,
                DatabaseSource.of(url, "train", null, null), "train.csv", null).validated("mlDataValidate");
        assertThat(result(engine("db-file-reference", againstFile, null)).verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void thePasswordReachesTheEngineThroughTheSecretsFileOnly() throws Exception {
        // PostgreSQL on a closed port: the engine must try to log in and fail with a one-line message
        // that names neither the user nor the password; the password is in no argument and no variable
        DataValidateRequest request = new DataValidateRequest("ml/contract.yaml", null,
                DatabaseSource.of("jdbc:postgresql://127.0.0.1:1/features?connectTimeout=2", "train", null, "db"), null, null)
                .validated("mlDataValidate");
        List<String> arguments = request.cliArguments(null, "/p.json");
        assertThat(String.join(" ", arguments)).doesNotContain("reader", "s3cret");
        Path secrets = Files.createDirectories(agent.resolve("secrets")).resolve("secrets.json");
        Files.writeString(secrets, "{\"" + DataSource.Jdbc.DEFAULT_PASSWORD_ENV + "\":\"s3cret\"}");
        Map<String, String> environment = new HashMap<>(DatabaseLogin.environment("reader"));
        environment.put(Secrets.FILE_ENV, secrets.toString());
        assertThat(environment.values()).doesNotContain("s3cret");

        Run run = engine("db-login", request, null, environment);

        assertThat(EngineExit.of(run.exitCode())).as(run.stderr()).isEqualTo(EngineExit.BAD_INPUT);
        assertThat(EngineExit.badInputMessage(run.stderr())).contains("127.0.0.1", "cannot connect").doesNotContain("s3cret");
        assertThat(run.stdout() + run.stderr()).doesNotContain("s3cret");
    }

    @Test
    void csvDialectReachesTheEngine() throws Exception {
        Files.writeString(workspace.resolve("semicolons.csv"),
                DataFixtures.TRAIN.replace(',', ';').replace("US", "'US'"), StandardCharsets.UTF_8);
        DataValidateRequest request = new DataValidateRequest("ml/contract.yaml", "semicolons.csv", null, new CsvFormat(";", "'", true));

        ResultDocument result = result(engine("semicolons", request.validated("mlDataValidate"), null));

        assertThat(verdict(result, "rows")).isEqualTo(Verdict.PASSED);
        assertThat(verdict(result, "amount.type")).isEqualTo(Verdict.PASSED);
        assertThat(verdict(result, "country.allowed")).isEqualTo(Verdict.PASSED);
        assertThat(verdict(result, "amount.drift")).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void badInputIsExitCodeTwoWithTheCliOneLineMessage() throws Exception {
        Run run = engine("bad", new DataValidateRequest("ml/missing.yaml", "train.csv", null), null);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(EngineExit.of(run.exitCode())).isEqualTo(EngineExit.BAD_INPUT);
        assertThat(EngineExit.badInputMessage(run.stderr())).startsWith("ml/missing.yaml").contains("not found");
        assertThat(run.work().resolve("result.json")).doesNotExist();
    }
}
