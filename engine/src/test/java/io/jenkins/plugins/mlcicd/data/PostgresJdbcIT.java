package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlcicd.cli.MainAccess;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC path against a real PostgreSQL: a throwaway cluster from Debian's postgresql package
 * (initdb + postgres, as the postgres user when the build runs as root) on 127.0.0.1 and a free
 * port, data directory under target/, stopped by the PID in postmaster.pid. Missing binaries fail
 * the test with a clear message: the JDBC path must not go untested silently.
 */
class PostgresJdbcIT {
    private static final String USER = "mlcicd";
    private static Path dataDir;
    private static int port;
    private static Process server;

    @BeforeAll
    static void startPostgres() throws Exception {
        Path bin = postgresBin();
        port = freePort();
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        dataDir = Files.createTempDirectory(target, "pg-it-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres:postgres", dataDir.toString()));
        }
        run(asPostgres(root, List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--no-sync")));
        server = new ProcessBuilder(asPostgres(root, List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-k", dataDir.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off")))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect()) {
                last = null;
                break;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        if (last != null) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + last.getMessage());
        }
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE txn (id bigint, amount double precision, country text, email text, qty_text text)");
            st.execute("INSERT INTO txn SELECT g, g * 1.5, CASE WHEN g % 3 = 0 THEN 'DE' ELSE 'US' END,"
                    + " 'user' || g || '@example.com', g::text FROM generate_series(1, 200) g");
            st.execute("INSERT INTO txn VALUES (7, -3, 'GB', 'broken-email', 'twelve'), (201, NULL, NULL, NULL, '1e3'),"
                    + " (202, 'NaN', 'US', 'a@b', ' 42 ')");
            st.execute("CREATE TABLE calendar (day_text text, ts_text text)");
            st.execute("INSERT INTO calendar VALUES ('2024-02-29', '2024-02-29 23:59:59'), ('2023-02-29', '2023-02-29 10:00:00'),"
                    + " ('2024-04-31', '2024-06-31T08:00'), ('0000-01-01', '1900-02-29 00:00'), ('2000-02-29', '2000-02-29'),"
                    + " (' 2024-12-31 ', '2024-12-31 12:30:00.5')");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (dataDir == null) {
            return;
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
        if (server != null) {
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
    }

    private static Path postgresBin() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                for (Path v : versions.sorted(Comparator.reverseOrder()).toList()) {
                    if (Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/postgres"))) {
                        return v.resolve("bin");
                    }
                }
            }
        }
        throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: "
                + "install Debian's 'postgresql' package (apt-get install -y postgresql; .ci/run does this) to run the JDBC tests");
    }

    private static List<String> asPostgres(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    private static final String CONTRACT = """
            rows: {min: 100}
            columns:
              - {name: id, type: integer, unique: true, nullable: false}
              - {name: amount, type: double, min: 0, max: 1000, maxNullFraction: 0.01}
              - {name: country, type: string, allowed: [US, DE], drift: {method: chi_square}}
              - {name: email, pattern: '[^@]+@[^@]+'}
              - {name: qty_text, type: integer}
            """;

    private static ResultDocument validate(DataSource source, DataProfile reference) {
        return new DataValidation(Map.of("MLCICD_JDBC_USER", USER), Clock.systemUTC())
                .run(new ValidationRequest(DataContract.parse("contract.yaml", CONTRACT), "contract.yaml", source, null,
                        reference, false))
                .document();
    }

    private static Check check(ResultDocument doc, String name) {
        return doc.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void contractChecksRunAsSqlInPostgres() {
        ResultDocument doc = validate(new DataSource.Jdbc(url(), "public.txn", null, null, null), null);
        assertThat(check(doc, "rows").value()).isEqualTo(203.0);
        assertThat(check(doc, "id.unique").value()).isEqualTo(1.0);
        assertThat(check(doc, "amount.min").details()).containsEntry("count", 1L);
        assertThat(check(doc, "amount.max").details()).containsEntry("count", 1L);
        assertThat(check(doc, "amount.nulls").value()).isCloseTo(1 / 203.0, within(1e-12));
        assertThat(check(doc, "country.allowed").value()).isCloseTo(1 / 202.0, within(1e-12));
        assertThat(check(doc, "country.allowed").details().get("samples")).isEqualTo(List.of(Map.of("value", "GB")));
        assertThat(check(doc, "email.pattern").details()).containsEntry("count", 1L);
        Check qty = check(doc, "qty_text.type");
        assertThat(qty.value()).isEqualTo(2.0);
        List<Object> values = ((List<?>) qty.details().get("samples")).stream().map(s -> ((Map<?, ?>) s).get("value")).map(Object.class::cast).toList();
        assertThat(values).containsExactlyInAnyOrder("twelve", "1e3");
        assertThat(check(doc, "country.drift").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void daysTheCalendarDoesNotHaveAreTypeViolationsNotErrors() {
        DataContract contract = DataContract.parse("calendar.yaml", """
                columns:
                  - {name: day_text, type: date}
                  - {name: ts_text, type: timestamp}
                """);
        ResultDocument doc = new DataValidation(Map.of("MLCICD_JDBC_USER", USER), Clock.systemUTC())
                .run(new ValidationRequest(contract, "calendar.yaml", new DataSource.Jdbc(url(), "calendar", null, null, null),
                        null, null, false))
                .document();
        assertThat(samples(check(doc, "day_text.type"))).containsExactlyInAnyOrder("2023-02-29", "2024-04-31", "0000-01-01");
        assertThat(samples(check(doc, "ts_text.type"))).containsExactlyInAnyOrder("2023-02-29 10:00:00", "2024-06-31T08:00",
                "1900-02-29 00:00");
    }

    private static List<Object> samples(Check check) {
        return ((List<?>) check.details().get("samples")).stream().map(s -> ((Map<?, ?>) s).get("value")).map(Object.class::cast).toList();
    }

    @Test
    void queriesProfilesAndDriftAgainstAFileProfileMatchDuckDb() throws Exception {
        DataSource.Jdbc query = new DataSource.Jdbc(url(), null, "SELECT * FROM txn WHERE id <= 200 AND country <> 'GB'", null, null);
        DataValidation engine = new DataValidation(Map.of("MLCICD_JDBC_USER", USER), Clock.systemUTC());
        DataProfile pgProfile = engine.profile(query);
        Path csv = Files.createTempFile(Path.of("target"), "txn", ".csv");
        StringBuilder text = new StringBuilder("id,amount,country,email,qty_text\n");
        for (int g = 1; g <= 200; g++) {
            text.append(g).append(',').append(g * 1.5).append(',').append(g % 3 == 0 ? "DE" : "US").append(",user").append(g)
                    .append("@example.com,").append(g).append('\n');
        }
        Files.writeString(csv, text);
        DataProfile duckProfile = engine.profile(new DataSource.Files(csv));
        ColumnProfile pg = pgProfile.column("amount");
        ColumnProfile duck = duckProfile.column("amount");
        assertThat(pg.quantiles().keySet()).containsExactlyElementsOf(duck.quantiles().keySet());
        // Both interpolate linearly between closest ranks; they differ only in the last bit of rounding.
        pg.quantiles().forEach((level, value) -> assertThat(value).as(level).isCloseTo(duck.quantiles().get(level), within(1e-9)));
        assertThat(pg.histogram().counts()).containsExactly(duck.histogram().counts());
        assertThat(pg.mean()).isCloseTo(duck.mean(), within(1e-9));
        assertThat(pg.std()).isCloseTo(duck.std(), within(1e-9));
        ResultDocument drift = validate(query, duckProfile);
        Check country = check(drift, "country.drift");
        assertThat(country.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(country.value()).isCloseTo(1.0, within(1e-12));
        Files.deleteIfExists(csv);
    }

    @Test
    void theCliReadsATableWithTheUserInTheUrlAndRefusesAPasswordThere() throws Exception {
        Path contract = Files.writeString(Files.createTempFile(Path.of("target"), "contract", ".yaml"), CONTRACT);
        MainAccess.Run run = MainAccess.run("validate", "--contract", contract.toString(), "--jdbc", url() + "?user=" + USER,
                "--table", "txn");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED");
        MainAccess.Run password = MainAccess.run("validate", "--contract", contract.toString(), "--jdbc",
                url() + "?user=" + USER + "&password=secret", "--table", "txn");
        assertThat(password.exitCode()).isEqualTo(2);
        assertThat(password.err()).contains("MLCICD_JDBC_PASSWORD").doesNotContain("secret");
        Files.deleteIfExists(contract);
    }
}
