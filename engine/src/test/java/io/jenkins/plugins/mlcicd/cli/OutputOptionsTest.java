package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every output option of every command goes through one writer, checked before the command does any work. */
class OutputOptionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private MainTest.Run gate(String... extra) throws IOException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("gate",
                "--policy", write("gate.yaml", "rules: [{metric: auc, atLeast: 0.8}]").toString(),
                "--candidate", write("m.json", "{\"auc\": 0.9}").toString()));
        args.addAll(java.util.List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    private static void assertRefused(MainTest.Run run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains(parts).doesNotContain("Exception").doesNotContain("internal error");
    }

    @Test
    void dashWritesTheDocumentToStandardOutputAndTheSummaryToStandardError() throws Exception {
        MainTest.Run run = gate("--out", "-");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = Json.mapper().readTree(run.out());
        assertThat(document.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(run.err()).isEqualTo("PASSED: the check passed\n");
        assertThat(run.out()).startsWith("{").endsWith("}\n").doesNotContain("PASSED:");
        MainTest.Run junit = gate("--junit", "-");
        assertThat(junit.out()).startsWith("<?xml").contains("<testcase");
        MainTest.Run profile = MainTest.run("profile", "--data", write("d.csv", "a\n1\n2\n").toString(), "--out", "/dev/stdout");
        assertThat(Json.mapper().readTree(profile.out()).path("rows").asInt()).isEqualTo(2);
    }

    @Test
    void aDirectoryOutputIsRefusedBeforeAnyWork() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("reports"));
        // the policy does not exist: a refusal about --out proves nothing was read first
        MainTest.Run run = MainTest.run("gate", "--policy", dir.resolve("missing.yaml").toString(),
                "--candidate", write("m.json", "{}").toString(), "--out", sub.toString());
        assertRefused(run, "cannot write --out " + sub + ": is a directory");
        Path link = Files.createSymbolicLink(dir.resolve("to-dir"), sub);
        assertRefused(MainTest.run("validate", "--contract", "nope.yaml", "--data", "nope.csv", "--profile-out", link.toString()),
                "--profile-out", "is a directory");
        assertRefused(MainTest.run("report", dir.resolve("r.json").toString(), "--html", sub.toString()), "--html", "is a directory");
        assertRefused(MainTest.run("infer-contract", "--data", "nope.csv", "--out", write("file", "x").resolve("c.yaml").toString()),
                "is not a directory");
    }

    @Test
    void anOutputNamingAnInputIsRefusedAndTheInputSurvives() throws IOException {
        Path data = write("d.csv", "a\n1\n");
        Path contract = write("contract.yaml", "columns: {a: {type: integer}}\n");
        assertRefused(MainTest.run("validate", "--contract", contract.toString(), "--data", data.toString(), "--out", data.toString()),
                "--out " + data + " is the input --data");
        assertRefused(MainTest.run("validate", "--contract", contract.toString(), "--data", data.toString(),
                "--html", dir.resolve("sub/../contract.yaml").toString()), "is the input --contract");
        assertThat(data).hasContent("a\n1");
        assertThat(contract).hasContent("columns: {a: {type: integer}}");
        MainTest.Run candidate = gate("--out", dir.resolve("m.json").toString());
        assertRefused(candidate, "is the input --candidate");
        assertThat(dir.resolve("m.json")).hasContent("{\"auc\": 0.9}");
    }

    @Test
    void twoOutputsOnOneFileAreRefused() throws IOException {
        Path x = dir.resolve("x");
        assertRefused(gate("--out", x.toString(), "--html", x.toString()), "--out " + x + " and --html " + x + " name the same file");
        assertRefused(gate("--out", "-", "--junit", "/dev/stdout"), "name the same stream");
        assertThat(x).doesNotExist();
    }

    @Test
    void aCharacterDeviceOutputStaysADevice() throws Exception {
        Path nul = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", nul.toString(), "c", "1", "3").start();
        assumeThat(mknod.waitFor()).as("mknod needs root").isZero();
        MainTest.Run run = gate("--out", nul.toString(), "--html", nul.toString(), "--junit", nul.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isRegularFile(nul)).isFalse();
        assertThat(Files.exists(nul)).isTrue();
    }

    @Test
    void aRegistryThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path notADirectory = write("registry", "x");
        Path marker = dir.resolve("trained");
        MainTest.Run run = MainTest.run("train", "--command", "touch " + marker, "--shell", "--model", "m.bin", "--metrics", "m.json",
                "--registry", notADirectory.toString(), "--name", "fraud");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("--registry " + notADirectory + ": " + notADirectory + " is not a directory");
        assertThat(marker).doesNotExist();
    }
}
