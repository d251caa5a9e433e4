package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (engine/src/test/resources/data/bad, listed in cases.tsv and registry-names.tsv), one
 * kind per file-name prefix: {@code contract-} (validate --contract), {@code profile-} (--reference-profile),
 * {@code policy-} (gate --policy), {@code metrics-} (gate --candidate), {@code predictions-} (evaluate),
 * {@code requests-} (shadow --requests, against a closed loopback port), {@code plan-} (canary --plan --dry-run),
 * anything else a data file (validate --data); registry names and aliases from registry-names.tsv; bad
 * {@code shadow} options from shadow-options.tsv; and inputs too big to commit, made at test time (a request
 * line over the limit, a 20 MB metrics file, 10,000-column tables, a real Parquet file cut in half). Each must
 * end in one line on stderr with exit 2 that names the file (or the expected check), in the user's words —
 * never a stack trace, never Java or Jackson internals, never a silent pass (the bad input accepted: the run
 * ends with a verdict), never a partial output. Rows marked {@code accepted} are valid look-alikes (a CRLF or
 * BOM log, a wide table): they must run, and do not count as bad inputs. The counts per kind are printed after
 * the run (tried / clear error / stack trace / silent pass), and the last test fails unless both of the last
 * two are 0.
 */
class BadInputCorpusTest {
    /** What a message must not contain: Java and Jackson internals, stack traces. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "internal error", "java.", "com.fasterxml",
            "FAIL_ON_", "StreamReadFeature", "JsonReadFeature", "StreamReadConstraints", "ALLOW_", "Feature '", "CTRL-CHAR",
            "`");
    /** A Java nested type ({@code Contract$ColumnRule}); a {@code ${SLICE}} placeholder is the user's own word. */
    private static final Pattern NESTED_TYPE = Pattern.compile("[A-Za-z0-9]\\$[A-Za-z]");
    /** A loopback port nobody listens on: a replay's requests fail at once, and nothing leaves the machine. */
    private static final String CLOSED_URL = closedUrl();
    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/data/bad/cases.tsv").toURI()).getParent();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return rows("cases.tsv").map(f -> Arguments.of(f[0], f[1], f[2]));
    }

    static Stream<Arguments> shadowOptions() throws IOException, URISyntaxException {
        return rows("shadow-options.tsv").map(f -> Arguments.of(f[0], f[1], List.of(f).subList(2, f.length)));
    }

    private static String closedUrl() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/predict";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> registryNames() throws IOException, URISyntaxException {
        return rows("registry-names.tsv").map(f -> Arguments.of(f[0], unescape(f[1]), f[2]));
    }

    private static Stream<String[]> rows(String file) throws IOException, URISyntaxException {
        return Files.readAllLines(corpus().resolve(file), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1));
    }

    /** Java-style escapes, so the list can hold NUL, newlines and direction controls visibly. */
    static String unescape(String text) {
        Matcher m = Pattern.compile("\\\\(u[0-9A-Fa-f]{4}|0|n|t|\\\\)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "0" -> "\0";
                case "n" -> "\n";
                case "t" -> "\t";
                case "\\" -> "\\";
                default -> String.valueOf((char) Integer.parseInt(e.substring(1), 16));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String kind(String file) {
        for (String prefix : List.of("contract", "profile", "policy", "metrics", "predictions", "requests", "plan")) {
            if (file.startsWith(prefix + "-")) {
                return switch (prefix) {
                    case "profile" -> "reference profile";
                    case "policy" -> "gate policy";
                    case "requests" -> "request log";
                    case "plan" -> "rollout plan";
                    default -> prefix;
                };
            }
        }
        return "data file";
    }

    /** tried, clear error (or the expected check), stack trace, silent pass. */
    private static void count(String kind, boolean clear, boolean stackTrace, boolean silentPass) {
        int[] c = COUNTS.computeIfAbsent(kind, k -> new int[5]);
        synchronized (c) {
            c[0]++;
            c[1] += clear ? 1 : 0;
            c[2] += stackTrace ? 1 : 0;
            c[3] += silentPass ? 1 : 0;
        }
    }

    /** A valid look-alike ran as it should: counted apart, never as a bad input. */
    private static void countAccepted(String kind) {
        int[] c = COUNTS.computeIfAbsent(kind, k -> new int[5]);
        synchronized (c) {
            c[4]++;
        }
    }

    @AfterAll
    static void printCounts() {
        StringBuilder table = new StringBuilder("\nbad-input corpus: kind | tried | clear error | stack trace | silent pass"
                + " (| valid look-alikes that ran)\n");
        new TreeMap<>(COUNTS).forEach((kind, c) -> table.append(String.format("  %-28s | %5d | %11d | %11d | %11d | %3d%n",
                kind, c[0], c[1], c[2], c[3], c[4])));
        System.out.println(table);
        int stackTraces = COUNTS.values().stream().mapToInt(c -> c[2]).sum();
        int silentPasses = COUNTS.values().stream().mapToInt(c -> c[3]).sum();
        // each case asserts this itself; the table's totals say it for the whole corpus at once
        assertThat(stackTraces).as("stack traces in the corpus" + table).isZero();
        assertThat(silentPasses).as("silent passes in the corpus" + table).isZero();
    }

    @Test
    void everyKindHasAtLeastThirtyCasesAndEveryFileIsListed() throws Exception {
        List<String> listed = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(listed).doesNotHaveDuplicates();
        Map<String, Long> perKind = new TreeMap<>();
        cases().filter(a -> !a.get()[1].equals("accepted")).forEach(a -> perKind.merge(kind((String) a.get()[0]), 1L, Long::sum));
        perKind.put("registry name or alias", registryNames().count());
        perKind.put("shadow option", shadowOptions().count());
        assertThat(perKind).as("cases per kind").allSatisfy((kind, n) -> {
            if (!kind.equals("reference profile")) {
                assertThat(n).as(kind).isGreaterThanOrEqualTo(30);
            }
        });
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.endsWith(".tsv"))
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        }
    }

    @Test
    void theGoodInputsTheCorpusVariesAreValid() throws Exception {
        // each bad plan and request log is one change away from these, so each case tests exactly one rule
        MainTest.Run plan = MainTest.run("canary", "--plan", corpus().resolve("_plan.yaml").toString(), "--dry-run");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        Path out = temp.resolve("result.json");
        MainTest.Run replay = MainTest.run("shadow", "--requests", corpus().resolve("_requests.jsonl").toString(),
                "--baseline-url", CLOSED_URL, "--candidate-url", CLOSED_URL, "--timeout", "1s", "--out", out.toString());
        // both models down: nothing compared is never a pass, but the log itself was read to its end
        assertThat(replay.exitCode()).as(replay.err()).isEqualTo(1);
        assertThat(io.jenkins.plugins.mlcicd.input.Json.mapper().readTree(out.toFile()).path("input").path("sent").asLong()).isEqualTo(2);
    }

    /** The command that reads {@code input} as its kind (by file-name prefix); the other inputs are the corpus's good ones. */
    private static String[] arguments(Path input, Path out) throws URISyntaxException {
        Path dir = corpus();
        String file = input.getFileName().toString();
        String path = input.toString();
        return switch (kind(file)) {
            case "contract" -> new String[] {"validate", "--contract", path, "--data", dir.resolve("_good.csv").toString(),
                "--out", out.toString()};
            case "reference profile" -> new String[] {"validate", "--contract", dir.resolve("_contract.yaml").toString(), "--data",
                dir.resolve("_good.csv").toString(), "--reference-profile", path, "--out", out.toString()};
            case "gate policy" -> new String[] {"gate", "--policy", path, "--candidate", dir.resolve("_metrics.json").toString(),
                "--out", out.toString()};
            case "metrics" -> new String[] {"gate", "--policy", dir.resolve("_policy.yaml").toString(), "--candidate", path,
                "--out", out.toString()};
            case "predictions" -> new String[] {"evaluate", "--predictions", path, "--label", "y", "--score", "p",
                "--out", out.toString()};
            case "request log" -> file.contains("with-labels")
                ? new String[] {"shadow", "--requests", path, "--baseline-url", CLOSED_URL, "--candidate-url", CLOSED_URL,
                    "--timeout", "1s", "--labels", dir.resolve("_labels.csv").toString(), "--label", "y", "--out", out.toString()}
                : new String[] {"shadow", "--requests", path, "--baseline-url", CLOSED_URL, "--candidate-url", CLOSED_URL,
                    "--timeout", "1s", "--out", out.toString()};
            case "rollout plan" -> new String[] {"canary", "--plan", path, "--dry-run", "--out", out.toString()};
            default -> new String[] {"validate", "--contract", dir.resolve("_contract.yaml").toString(), "--data", path,
                "--out", out.toString()};
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    @Timeout(60) // a pattern that backtracks catastrophically elsewhere runs in linear time under RE2
    void badInputYieldsAClearErrorOrTheRightViolation(String file, String expectation, String message) throws Exception {
        Path out = temp.resolve("result.json");
        MainTest.Run run = MainTest.run(arguments(corpus().resolve(file), out));
        boolean stackTrace = stackTrace(run);
        // a row that expects a check's verdict: the input is accepted, but a pass would hide what is wrong with it
        boolean silentPass = run.exitCode() == 0;
        if (expectation.equals("error")) {
            assertClearError(kind(file), run, out, file, message);
            return;
        }
        if (expectation.equals("accepted")) {
            // a valid look-alike: it runs (both replay targets are down, so the verdict is not a pass)
            countAccepted(kind(file));
            assertThat(stackTrace).as(run.err()).isFalse();
            assertThat(run.exitCode()).as(run.err() + run.out()).isNotEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(Files.readString(out)).contains(message);
            return;
        }
        if (expectation.startsWith("exit:")) {
            // a well-formed input with nothing to measure: the run completes with that verdict's code, says why
            int code = Integer.parseInt(expectation.substring(5));
            count(kind(file), run.exitCode() == code && !stackTrace, stackTrace, silentPass);
            assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(code);
            assertThat(run.err() + run.out()).contains(message).doesNotContain("Exception");
            return;
        }
        String[] parts = expectation.split(":");
        Verdict verdict = Verdict.valueOf(parts[2]);
        int expectedExit = Verdict.FAILED == verdict ? 1 : verdict.exitCode();
        count(kind(file), run.exitCode() == expectedExit && !stackTrace, stackTrace, silentPass);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(expectedExit);
        ResultDocument document = ResultDocumentJson.read(out);
        assertThat(document.checks()).filteredOn(c -> c.name().equals(parts[1]))
                .as("check %s", parts[1])
                .isNotEmpty()
                .allMatch(c -> c.verdict() == verdict);
        Check check = document.checks().stream().filter(c -> c.name().equals(parts[1])).findFirst().orElseThrow();
        assertThat(Files.readString(out)).contains(message);
        if (verdict == Verdict.FAILED && check.details().containsKey("samples")) {
            assertThat((List<?>) check.details().get("samples")).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        }
    }

    private static boolean internals(String message) {
        return INTERNALS.stream().anyMatch(message::contains) || NESTED_TYPE.matcher(message).find();
    }

    private static boolean stackTrace(MainTest.Run run) {
        return run.err().contains("\tat ") || run.err().contains("Exception");
    }

    /** Exit 2, one line naming {@code names} and saying {@code message}, no internals, no output left behind. */
    private static void assertClearError(String kind, MainTest.Run run, Path out, String names, String message) {
        boolean stackTrace = stackTrace(run);
        boolean silentPass = run.exitCode() != Main.EXIT_BAD_INPUT && !stackTrace;
        boolean clear = run.exitCode() == Main.EXIT_BAD_INPUT && run.err().strip().lines().count() == 1
                && run.err().contains(message) && run.err().contains(names)
                && !internals(run.err()) && !Files.exists(out);
        count(kind, clear, stackTrace, silentPass);
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(message).contains(names);
        assertThat(internals(run.err())).as(run.err()).isFalse();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shadowOptions")
    @Timeout(60)
    void badShadowOptionsAreRefusedBeforeAnyRequest(String what, String message, List<String> args) throws Exception {
        Path out = temp.resolve("result.json");
        Path requests = corpus().resolve("_requests.jsonl");
        List<String> argv = new java.util.ArrayList<>(List.of("shadow"));
        for (String arg : args) {
            argv.add(unescape(arg).replace("{requests}", requests.toString()).replace("{closed}", CLOSED_URL)
                    .replace("{labels}", corpus().resolve("_labels.csv").toString()).replace("{dir}", temp.toString()));
        }
        argv.addAll(List.of("--out", out.toString()));
        MainTest.Run run = MainTest.run(argv.toArray(String[]::new));
        boolean stackTrace = stackTrace(run);
        List<String> lines = run.err().strip().lines().toList();
        // picocli's usage errors add one fixed hint line; anything else is the message's one line
        boolean oneLine = lines.size() == 1 || lines.size() == 2 && lines.get(1).equals("Run 'mlcicd shadow --help' for usage.");
        boolean clear = run.exitCode() == Main.EXIT_BAD_INPUT && oneLine && lines.get(0).contains(message)
                && !internals(run.err()) && !Files.exists(out);
        count("shadow option", clear, stackTrace, run.exitCode() != Main.EXIT_BAD_INPUT && !stackTrace);
        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(oneLine).as(run.err()).isTrue();
        assertThat(lines.get(0)).contains(message);
        assertThat(internals(run.err())).as(run.err()).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    @Timeout(60)
    void aRequestLineOverTheLimitIsRefusedWithoutReadingItIntoMemory() throws Exception {
        Path file = temp.resolve("requests-huge-line.jsonl");
        byte[] pad = new byte[1024 * 1024];
        java.util.Arrays.fill(pad, (byte) 'x');
        try (var stream = Files.newOutputStream(file)) {
            stream.write("{\"id\": 1}\n{\"id\": 2, \"blob\": \"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i <= io.jenkins.plugins.mlcicd.shadow.RequestLog.MAX_LINE_BYTES / pad.length; i++) {
                stream.write(pad);
            }
            stream.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path out = temp.resolve("result.json");
        MainTest.Run run = MainTest.run(arguments(file, out));
        assertClearError("request log", run, out, file + ":2:", "a line longer than 16 MiB");
    }

    @Test
    @Timeout(60)
    void aTwentyMegabyteMetricsFileIsRefusedByItsSize() throws Exception {
        Path file = temp.resolve("metrics-20mb.json");
        StringBuilder json = new StringBuilder(21_000_000).append("{\"auc\": 0.9");
        for (int i = 0; json.length() < 20_000_000; i++) {
            json.append(", \"m").append(i).append("\": 0.123456789");
        }
        Files.writeString(file, json.append("}\n"));
        Path out = temp.resolve("result.json");
        MainTest.Run run = MainTest.run(arguments(file, out));
        assertClearError("metrics", run, out, file.toString(), "MiB is more than a metrics file may hold (16 MiB)");
    }

    private static Path wideCsv(Path file, int columns, boolean ragged) throws IOException {
        StringBuilder csv = new StringBuilder("id,amount,country");
        for (int c = 3; c < columns; c++) {
            csv.append(",f").append(c);
        }
        for (int r = 1; r <= 3; r++) {
            csv.append('\n').append(r).append(",10.5,US");
            for (int c = 3; c < columns - (ragged && r == 3 ? 1 : 0); c++) {
                csv.append(',').append(c % 7);
            }
        }
        return Files.writeString(file, csv.append('\n'));
    }

    @Test
    @Timeout(120) // bounded: 10,000 columns x 3 rows
    void aTenThousandColumnTableValidatesAndARaggedOneIsAClearError() throws Exception {
        Path out = temp.resolve("result.json");
        Path wide = wideCsv(temp.resolve("wide-10k-columns.csv"), 10_000, false);
        MainTest.Run run = MainTest.run(arguments(wide, out));
        // not a bad input: 9,997 columns the contract does not name are a warning, and the run says so
        countAccepted("data file");
        assertThat(stackTrace(run)).as(run.err()).isFalse();
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Verdict.WARNING.exitCode());
        assertThat(ResultDocumentJson.read(out).checks()).filteredOn(c -> c.name().equals("schema.extra_column"))
                .singleElement().satisfies(c -> assertThat(c.message()).startsWith("9997 column(s) not in the contract"));

        Files.delete(out);
        Path ragged = wideCsv(temp.resolve("wide-10k-columns-ragged.csv"), 10_000, true);
        MainTest.Run bad = MainTest.run(arguments(ragged, out));
        assertClearError("data file", bad, out, ragged.getFileName().toString(), "line 4: Expected Number of Columns: 10000 Found: 9999");
    }

    @Test
    @Timeout(60)
    void aRealParquetFileCutInHalfIsAClearError() throws Exception {
        Path whole = temp.resolve("whole.parquet");
        try (java.sql.Connection db = io.jenkins.plugins.mlcicd.data.FileTables.openDuckDb();
             java.sql.Statement st = db.createStatement()) {
            st.execute("COPY (SELECT i AS id, i * 1.5 AS amount, CASE WHEN i % 2 = 0 THEN 'US' ELSE 'DE' END AS country"
                    + " FROM range(1, 5001) t(i)) TO '" + whole + "' (FORMAT PARQUET)");
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path half = Files.write(temp.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = temp.resolve("result.json");
        MainTest.Run run = MainTest.run(arguments(half, out));
        assertClearError("data file", run, out, half.getFileName().toString(), "not a complete Parquet file: its footer is missing");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("registryNames")
    void registryNamesAndAliasesThatCouldEscapeOrDeceiveAreRefused(String what, String value, String message) throws Exception {
        Path registry = Files.createDirectories(temp.resolve("registry"));
        String name = what.equals("name") ? value : "fraud";
        String alias = what.equals("alias") ? value : "champion";
        MainTest.Run run = MainTest.run("registry", "alias", "--registry", registry.toString(), "--name", name, "--alias", alias,
                "--version", "1", "--reason", "corpus");
        boolean stackTrace = run.err().contains("\tat ") || run.err().contains("Exception");
        // the message must not carry the raw control or direction characters it names
        boolean printable = run.err().strip().codePoints().noneMatch(c -> Character.isISOControl(c)
                || c == 0x202E || c == 0x200F || c == 0x2066 || c == 0x2069);
        boolean clear = run.exitCode() == Main.EXIT_BAD_INPUT && run.err().strip().lines().count() == 1 && run.err().contains(message)
                && printable;
        count("registry name/alias", clear, stackTrace, run.exitCode() == 0);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
        assertThat(printable).as("no raw control/bidi characters in: %s", run.err()).isTrue();
        try (Stream<Path> left = Files.walk(temp)) {
            // nothing was created outside the registry, and no model directory for a refused name
            assertThat(left.filter(p -> !p.startsWith(registry)).filter(Files::isRegularFile)).isEmpty();
        }
        try (Stream<Path> inside = Files.list(registry)) {
            assertThat(inside).isEmpty();
        }
    }

    @ParameterizedTest(name = "train {0} {1}")
    @MethodSource("registryNames")
    @Timeout(60)
    void trainRefusesTheSameNamesAndAliasesBeforeTraining(String what, String value, String message) throws Exception {
        Path registry = Files.createDirectories(temp.resolve("registry"));
        Path work = Files.createDirectories(temp.resolve("work"));
        Path out = temp.resolve("lineage.json");
        MainTest.Run run = MainTest.run("train", "--workdir", work.toString(), "--shell",
                "--command", "touch trained && printf M > model.bin && printf '{\"auc\": 0.9}' > metrics.json",
                "--model", "model.bin", "--metrics", "metrics.json", "--python", "/bin/false", "--registry", registry.toString(),
                "--name", what.equals("name") ? value : "fraud", "--alias", what.equals("alias") ? value : "candidate",
                "--out", out.toString());
        boolean stackTrace = stackTrace(run);
        boolean printable = run.err().strip().codePoints().noneMatch(c -> Character.isISOControl(c)
                || c == 0x202E || c == 0x200F || c == 0x2066 || c == 0x2069);
        boolean trained = Files.exists(work.resolve("trained"));
        boolean clear = run.exitCode() == Main.EXIT_BAD_INPUT && run.err().strip().lines().count() == 1
                && run.err().contains(message) && printable && !trained && !Files.exists(out);
        count("registry name/alias (train)", clear, stackTrace, run.exitCode() != Main.EXIT_BAD_INPUT && !stackTrace);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(message);
        assertThat(printable).as("no raw control/bidi characters in: %s", run.err()).isTrue();
        // refused before an hour of training, not after it
        assertThat(trained).as("the training command ran").isFalse();
        assertThat(out).doesNotExist();
        try (Stream<Path> inside = Files.list(registry)) {
            assertThat(inside).isEmpty();
        }
    }
}
