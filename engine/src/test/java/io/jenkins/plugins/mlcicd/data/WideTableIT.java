package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature tables thousands of columns wide: stored in parts ({@link DataTable.Part}), they give the same profile and
 * checks as one table, and {@code mlcicd validate} of 10,000 columns runs in a 256 MB heap; running out
 * of memory is exit 5, never bad input.
 */
class WideTableIT {
    private static final Path JAR = Path.of("target/mlcicd.jar").toAbsolutePath();

    @TempDir
    Path dir;

    /** {@code columns} columns (doubles with a NaN, integers, categories, free text) and {@code rows} rows; about 1% empty. */
    private static Path csv(Path file, int columns, int rows) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < columns; c++) {
                w.write((c > 0 ? "," : "") + "c" + c);
            }
            w.write('\n');
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        w.write(',');
                    }
                    int h = Math.floorMod((r + 1) * 7919 + c * 104729 + r * c, 1000003);
                    if (h % 97 == 0) {
                        continue;
                    }
                    w.write(switch (c % 4) {
                        case 0 -> r == 1 && c % 8 == 0 ? "NaN" : Double.toString((h % 10000) / 100.0);
                        case 1 -> Integer.toString(h % 50);
                        case 2 -> "cat" + h % 7;
                        default -> "id" + h;
                    });
                }
                w.write('\n');
            }
        }
        return file;
    }

    /** A contract with a rule for every column: types, bounds, domains, patterns, uniqueness, drift. */
    private static Path contract(Path file, int columns) throws Exception {
        return contract(file, columns, true);
    }

    private static Path contract(Path file, int columns, boolean unique) throws Exception {
        StringBuilder yaml = new StringBuilder("dataset: wide\nrows: {min: 1}\nextraColumns: fail\ncolumns:\n");
        for (int c = 0; c < columns; c++) {
            yaml.append(switch (c % 4) {
                case 0 -> "  - {name: c" + c + ", type: double, min: 0, max: 90, drift: {}}\n";
                case 1 -> "  - {name: c" + c + ", min: 1, maxNullFraction: 0.5, drift: {method: psi}}\n";
                case 2 -> "  - {name: c" + c + ", type: string, allowed: [cat0, cat1, cat2, cat3, cat4, cat5], drift: {}}\n";
                default -> "  - {name: c" + c + ", type: string, pattern: 'id[0-9]+'" + (unique ? ", unique: true" : "") + "}\n";
            });
        }
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    @Timeout(300)
    void aTableInPartsGivesTheSameProfileChecksAndDriftAsOneTable() throws Exception {
        int columns = DataTable.PART_COLUMNS + 37;
        DataSource.Files data = new DataSource.Files(csv(dir.resolve("data.csv"), columns, 12), CsvOptions.DEFAULT);
        DataSource.Files reference = new DataSource.Files(csv(dir.resolve("reference.csv"), columns, 10), CsvOptions.DEFAULT);
        DataContract contract = DataContract.read(contract(dir.resolve("contract.yaml"), columns));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        try (DataSession session = new DataSession(Map.of())) {
            DataTable parts = session.open(data, "parts", TypePlan.inferred());
            DataTable whole = session.openWhole(data, "whole", TypePlan.inferred());
            assertThat(parts.parts()).hasSize(2);
            assertThat(whole.parts()).hasSize(1);
            String partsProfile = Profiler.profile(parts, now).toJson();
            assertThat(partsProfile.replace("\"whole\"", "\"parts\"")).isEqualTo(Profiler.profile(whole, now).toJson());
            assertThat(Json.mapper().readTree(partsProfile).path("columns").size()).isEqualTo(columns);

            DataTable checkedParts = session.open(data, "checked_parts", ValidationPlan.forContract(contract));
            DataTable checkedWhole = session.openWhole(data, "checked_whole", ValidationPlan.forContract(contract));
            assertThat(checkedParts.parts()).hasSize(2);
            List<Check> fromParts = ContractValidator.validate(contract, checkedParts);
            assertThat(json(fromParts)).isEqualTo(json(ContractValidator.validate(contract, checkedWhole)));
            assertThat(fromParts).hasSizeGreaterThan(columns * 2);
            assertThat(fromParts).anyMatch(c -> c.name().endsWith(".max") && c.verdict().name().equals("FAILED"));
            assertThat(json(ValidationPlan.undeclaredTypeViolations(contract, checkedParts, fromParts)))
                    .isEqualTo(json(ValidationPlan.undeclaredTypeViolations(contract, checkedWhole, fromParts)));
        }
        // drift against a reference that is read in parts too, end to end
        DataValidation validation = new DataValidation(Map.of(), java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        JsonNode result = Json.mapper().readTree(ResultDocumentJson.toJsonString(
                validation.run(new ValidationRequest(contract, "contract.yaml", data, reference, null, false)).document()));
        assertThat(result.path("drift").path("checks").asInt()).as(result.path("summary").asText()).isGreaterThan(columns / 2);
        assertThat(result.path("columns").size()).isEqualTo(columns);
    }

    private static String json(List<Check> checks) throws Exception {
        return Json.mapper().writeValueAsString(checks);
    }

    private Process run(String heap, Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", JAR.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private int exit(Process process) throws Exception {
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as(log()).isTrue();
        return process.exitValue();
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("cli.log"));
    }

    @Test
    @Timeout(300)
    void tenThousandColumnsAreValidatedInA256MegabyteHeap() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        int columns = 10_000;
        Path data = csv(dir.resolve("wide.csv"), columns, 4);
        Path contract = contract(dir.resolve("contract.yaml"), columns, false);
        long start = System.nanoTime();
        int validated = exit(run("256m", Map.of(), "validate", "--contract", contract.toString(), "--data", data.toString(),
                "--out", "result.json"));
        long validateMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(validated).as(log()).isEqualTo(1); // the contract's max: 90 fails on purpose
        JsonNode result = Json.mapper().readTree(dir.resolve("result.json").toFile());
        assertThat(result.path("columns").size()).isEqualTo(columns);
        assertThat(result.path("checks").size()).isGreaterThan(columns * 2);
        System.out.printf("10,000 columns: validate %d ms (256 MB heap; bench/wide/run times profile and drift)%n", validateMs);
    }

    @Test
    @Timeout(300)
    void runningOutOfMemoryIsExitFiveNeverBadInput() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        Path data = csv(dir.resolve("wide.csv"), 3_000, 20);
        // the embedded database's memory limit
        assertThat(exit(run("256m", Map.of(DataSession.MEMORY_LIMIT_ENV, "8MB"), "profile", "--data", data.toString(),
                "--out", "a.json"))).as(log()).isEqualTo(5);
        assertThat(log()).contains("out of memory in the embedded database").doesNotContain("Exception").doesNotContain("\tat ");
        // the JVM's heap: a reference profile of 2 million values does not fit in 40 MB
        StringBuilder values = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            values.append(i > 0 ? "," : "").append(i / 7.0);
            counts.append(i > 0 ? ",1" : "1");
        }
        Files.writeString(dir.resolve("reference.json"), "{\"schema\":\"mlcicd/data-profile/v1\",\"source\":\"r.csv\","
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"rows\":2000000,\"columns\":[{\"name\":\"c0\",\"type\":\"double\","
                + "\"rows\":2000000,\"count\":2000000,\"nulls\":0,\"invalid\":0,\"distribution\":{\"exact\":true,\"values\":["
                + values + "],\"counts\":[" + counts + "]}}]}");
        Files.writeString(dir.resolve("c0.yaml"), "columns:\n  - {name: c0, drift: {}}\n");
        assertThat(exit(run("40m", Map.of(), "validate", "--contract", "c0.yaml", "--data", data.toString(),
                "--reference-profile", "reference.json", "--out", "b.json"))).as(log()).isEqualTo(5);
        assertThat(log()).contains("out of memory (the JVM may use").doesNotContain("\tat ");
        assertThat(dir.resolve("a.json")).doesNotExist();
        assertThat(dir.resolve("b.json")).doesNotExist();
    }
}
