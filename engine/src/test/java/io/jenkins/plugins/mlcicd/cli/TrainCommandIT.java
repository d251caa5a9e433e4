package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlcicd train} end to end with real processes: the example trainer, git, sha256sum. */
@DisabledOnOs(OS.WINDOWS)
class TrainCommandIT {
    private static final Path EXAMPLE = Path.of("").toAbsolutePath().getParent().resolve("examples/fraud");

    @TempDir
    Path dir;

    private static String exec(Path workDir, String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
        return out.strip();
    }

    private static boolean available(String... argv) {
        try {
            return new ProcessBuilder(argv).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private MainTest.Run train(Path project, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--workdir", project.toString(),
                "--command", "python3 train.py --train data/train.csv --valid data/valid.csv --out out --epochs 150",
                "--model", "out/model.bin", "--metrics", "out/metrics.json",
                "--data", "data/train.csv", "--data", "data/valid.csv", "--param", "epochs=150",
                "--registry", dir.resolve("registry").toString(), "--name", "fraud-model", "--alias", "candidate",
                "--source-url", "https://ci.example.com/job/fraud/1/", "--out", out.toString()));
        args.addAll(List.of(extra));
        return MainTest.run(args.toArray(String[]::new));
    }

    private static String sha256sum(Path file) throws Exception {
        return exec(file.getParent(), "sha256sum", file.getFileName().toString()).substring(0, 64);
    }

    @Test
    void lineageOfTheExampleTrainerShowsCommitSnapshotsAndModelDigest() throws Exception {
        assumeTrue(available("python3", "--version") && available("git", "--version") && available("sha256sum", "--version"),
                "needs python3, git and sha256sum");
        Path project = Files.createDirectories(dir.resolve("fraud"));
        Files.createDirectories(project.resolve("data"));
        for (String file : List.of("train.py", ".gitignore", "data/train.csv", "data/valid.csv")) {
            Files.copy(EXAMPLE.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        exec(project, "git", "init", "-q");
        exec(project, "git", "add", ".");
        exec(project, "git", "-c", "user.name=CI", "-c", "user.email=ci@example.com", "commit", "-q", "-m", "fraud model");
        String commit = exec(project, "git", "rev-parse", "HEAD");

        MainTest.Run first = train(project, dir.resolve("lineage-1.json"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("trained on 2000 rows").contains("PASSED: trained out/model.bin");
        JsonNode one = Json.mapper().readTree(dir.resolve("lineage-1.json").toFile());
        assertThat(one.path("kind").asText()).isEqualTo("training");
        assertThat(one.path("code").path("commit").asText()).isEqualTo(commit);
        assertThat(one.path("code").path("dirty").asBoolean()).isFalse(); // out/ is untracked and ignored
        assertThat(one.path("data").get(0).path("snapshotId").asText()).isEqualTo("sha256:" + sha256sum(project.resolve("data/train.csv")));
        assertThat(one.path("data").get(1).path("snapshotId").asText()).isEqualTo("sha256:" + sha256sum(project.resolve("data/valid.csv")));
        assertThat(one.path("model").path("sha256").asText()).isEqualTo(sha256sum(project.resolve("out/model.bin")));
        assertThat(one.path("metrics").path("auc").asDouble()).isBetween(0.5, 1.0);
        assertThat(one.path("metrics").has("train.auc")).isTrue();
        assertThat(one.path("environment").path("python").asText()).startsWith("Python 3");
        assertThat(one.path("registry").path("version").asInt()).isEqualTo(1);

        // One byte of the validation data changes: its snapshot ID changes, the other does not.
        Path valid = project.resolve("data/valid.csv");
        byte[] bytes = Files.readAllBytes(valid);
        int lastDigit = bytes.length - 2; // "...,0\n" or "...,1\n": flip the last label
        bytes[lastDigit] = (byte) (bytes[lastDigit] == '0' ? '1' : '0');
        Files.write(valid, bytes);

        MainTest.Run second = train(project, dir.resolve("lineage-2.json"));
        assertThat(second.exitCode()).as(second.err()).isZero();
        JsonNode two = Json.mapper().readTree(dir.resolve("lineage-2.json").toFile());
        assertThat(two.path("data").get(0).path("snapshotId")).isEqualTo(one.path("data").get(0).path("snapshotId"));
        assertThat(two.path("data").get(1).path("snapshotId")).isNotEqualTo(one.path("data").get(1).path("snapshotId"));
        assertThat(two.path("data").get(1).path("snapshotId").asText()).isEqualTo("sha256:" + sha256sum(valid));
        assertThat(two.path("code").path("dirty").asBoolean()).isTrue(); // a tracked data file changed
        assertThat(two.path("registry").path("version").asInt()).isEqualTo(2);

        MainTest.Run history = MainTest.run("registry", "history", "--registry", dir.resolve("registry").toString(), "--name", "fraud-model");
        assertThat(history.out()).contains("candidate").contains("https://ci.example.com/job/fraud/1/");
    }

    @Test
    void aFailingCommandIsAFailedResultWithTheTailOfItsLog() throws Exception {
        Path out = dir.resolve("failed.json");
        MainTest.Run run = MainTest.run("train", "--workdir", dir.toString(), "--shell",
                "--command", "for i in $(seq 1 80); do echo line $i; done; echo 'KeyError: amount' >&2; exit 3",
                "--model", "m.bin", "--metrics", "m.json", "--python", "/nonexistent/python", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("line 80").contains("FAILED: command: the command exited with 3");
        JsonNode doc = Json.mapper().readTree(out.toFile());
        assertThat(doc.path("exitCode").asInt()).isEqualTo(3);
        assertThat(doc.path("logTail")).hasSize(50);
        // stdout and stderr are separate pipes: lines keep their order within a stream, not across them
        List<String> tail = new ArrayList<>();
        doc.path("logTail").forEach(line -> tail.add(line.asText()));
        assertThat(tail).contains("KeyError: amount", "line 80").doesNotContain("line 1");
        assertThat(doc.path("code").path("absentReason").asText()).isNotEmpty();
    }

    @Test
    void aCommandThatOverrunsItsTimeoutIsKilledAndFailed() throws Exception {
        Path out = dir.resolve("timeout.json");
        MainTest.Run run = MainTest.run("train", "--workdir", dir.toString(), "--command", "sleep 60", "--timeout", "1s",
                "--model", "m.bin", "--metrics", "m.json", "--python", "/nonexistent/python", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode doc = Json.mapper().readTree(out.toFile());
        assertThat(doc.path("timedOut").asBoolean()).isTrue();
        assertThat(doc.path("summary").asText()).contains("timeout");
    }

    @Test
    void usageErrorsExitTwoBeforeAnythingRuns() {
        Path marker = dir.resolve("ran");
        String touch = "touch " + marker;
        assertThat(MainTest.run("train", "--command", touch, "--model", "m", "--metrics", "x.json", "--name", "m").exitCode()).isEqualTo(2);
        assertThat(MainTest.run("train", "--command", touch, "--model", "m", "--metrics", "x.json", "--timeout", "soon").exitCode()).isEqualTo(2);
        MainTest.Run badName = MainTest.run("train", "--command", touch, "--model", "m", "--metrics", "x.json",
                "--registry", dir.toString(), "--name", "../escape");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("model name '../escape' is invalid");
        MainTest.Run badQuote = MainTest.run("train", "--command", "python3 'train.py", "--model", "m", "--metrics", "x.json");
        assertThat(badQuote.exitCode()).isEqualTo(2);
        assertThat(badQuote.err()).contains("unterminated single quote").doesNotContain("Exception");
        assertThat(marker).doesNotExist();
    }
}
