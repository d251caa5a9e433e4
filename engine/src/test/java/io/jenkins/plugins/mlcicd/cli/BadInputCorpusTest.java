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
 * anything else a data file (validate --data); registry names and aliases from registry-names.tsv. Each must
 * end in one line on stderr with exit 2 that names the file (or the expected check), in the user's words —
 * never a stack trace, never Java or Jackson internals, never a silent pass, never a partial output.
 * The counts per kind are printed after the run (tried / clear error / stack trace / silent pass).
 */
class BadInputCorpusTest {
    /** What a message must not contain: Java and Jackson internals, stack traces. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "internal error", "java.", "com.fasterxml",
            "FAIL_ON_", "StreamReadFeature", "JsonReadFeature", "StreamReadConstraints", "$", "`");
    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();

    @TempDir
    Path temp;

    static Path corpus() throws URISyntaxException {
        return Path.of(BadInputCorpusTest.class.getResource("/data/bad/cases.tsv").toURI()).getParent();
    }

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        return rows("cases.tsv").map(f -> Arguments.of(f[0], f[1], f[2]));
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
        for (String prefix : List.of("contract", "profile", "policy", "metrics", "predictions")) {
            if (file.startsWith(prefix + "-")) {
                return prefix.equals("profile") ? "reference profile" : prefix.equals("policy") ? "gate policy" : prefix;
            }
        }
        return "data file";
    }

    /** tried, clear error (or the expected check), stack trace, silent pass. */
    private static void count(String kind, boolean clear, boolean stackTrace, boolean silentPass) {
        int[] c = COUNTS.computeIfAbsent(kind, k -> new int[4]);
        synchronized (c) {
            c[0]++;
            c[1] += clear ? 1 : 0;
            c[2] += stackTrace ? 1 : 0;
            c[3] += silentPass ? 1 : 0;
        }
    }

    @AfterAll
    static void printCounts() {
        StringBuilder table = new StringBuilder("\nbad-input corpus: kind | tried | clear error | stack trace | silent pass\n");
        new TreeMap<>(COUNTS).forEach((kind, c) -> table.append(String.format("  %-18s | %5d | %11d | %11d | %11d%n", kind, c[0], c[1], c[2], c[3])));
        System.out.println(table);
    }

    @Test
    void everyKindHasAtLeastThirtyCasesAndEveryFileIsListed() throws Exception {
        List<String> listed = cases().map(a -> (String) a.get()[0]).toList();
        assertThat(listed).doesNotHaveDuplicates();
        Map<String, Long> perKind = new TreeMap<>();
        listed.forEach(file -> perKind.merge(kind(file), 1L, Long::sum));
        perKind.put("registry name or alias", registryNames().count());
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

    private String[] arguments(Path dir, String file, Path out) {
        String path = dir.resolve(file).toString();
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
            default -> new String[] {"validate", "--contract", dir.resolve("_contract.yaml").toString(), "--data", path,
                "--out", out.toString()};
        };
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("cases")
    @Timeout(60) // a pattern that backtracks catastrophically elsewhere runs in linear time under RE2
    void badInputYieldsAClearErrorOrTheRightViolation(String file, String expectation, String message) throws Exception {
        Path out = temp.resolve("result.json");
        MainTest.Run run = MainTest.run(arguments(corpus(), file, out));
        boolean stackTrace = run.err().contains("\tat ") || run.err().contains("Exception");
        boolean silentPass = run.exitCode() == 0;
        if (expectation.equals("error")) {
            boolean clear = run.exitCode() == Main.EXIT_BAD_INPUT && run.err().strip().lines().count() == 1
                    && run.err().contains(message) && INTERNALS.stream().noneMatch(run.err()::contains) && !Files.exists(out);
            count(kind(file), clear, stackTrace, silentPass);
            assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.err().strip().lines()).hasSize(1);
            assertThat(run.err()).contains(message).contains(file);
            assertThat(INTERNALS).noneMatch(run.err()::contains);
            assertThat(out).doesNotExist();
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
}
