package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running {@code mlcicd} as a real process (the packaged jar, its own JVM and temporary directory):
 * {@code train} stops the training command's process tree and writes the lineage of the aborted run, never a
 * finished one; {@code validate} writes nothing; neither leaves temporary files behind. Exit code 143 (README).
 */
@DisabledOnOs(OS.WINDOWS)
class SignalIT {
    private static final Path JAR = Path.of("target/mlcicd.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private Process start(Path tmp, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-jar", JAR.toString()));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli.log").toFile()).start();
    }

    private String log() throws Exception {
        return Files.exists(dir.resolve("cli.log")) ? Files.readString(dir.resolve("cli.log")) : "";
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Every file below {@code root} whose name marks it temporary or half written. */
    private static List<String> leftovers(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString())
                    .filter(name -> name.endsWith(".tmp") || name.contains("mlcicd-data-"))
                    .toList();
        }
    }

    @Test
    @Timeout(120)
    void sigtermStopsTheTrainingProcessTreeAndRecordsAnAbortedLineage() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        Path work = Files.createDirectories(dir.resolve("work"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(work.resolve("train.csv"), "x,y\n1,2\n");
        Path grandchildPid = work.resolve("grandchild.pid");
        Path registry = dir.resolve("registry");
        Path lineage = dir.resolve("lineage.json");
        // the trainer writes half a model, then waits for a background grandchild (a data-loader worker, say)
        Process cli = start(tmp, "train", "--shell", "--command",
                "printf half > model.bin; sleep 300 & echo $! > grandchild.pid; wait", "--workdir", work.toString(),
                "--model", "model.bin", "--metrics", "metrics.json", "--data", "train.csv", "--python", "/nonexistent",
                "--registry", registry.toString(), "--name", "fraud", "--alias", "candidate",
                "--out", lineage.toString(), "--html", dir.resolve("lineage.html").toString());
        try {
            await(() -> {
                try {
                    return Files.exists(grandchildPid) && !Files.readString(grandchildPid).isBlank();
                } catch (Exception e) {
                    return false;
                }
            }, 60);
            assertThat(grandchildPid).as(log()).exists();
            ProcessHandle grandchild = ProcessHandle.of(Long.parseLong(Files.readString(grandchildPid).strip())).orElseThrow();
            Optional<ProcessHandle> child = grandchild.parent();
            assertThat(child).as("the training command (sh), parent of the sleeper").isPresent();

            cli.destroy(); // SIGTERM
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();

            assertThat(cli.exitValue()).as(log()).isEqualTo(143);
            grandchild.onExit().get(15, TimeUnit.SECONDS);
            assertThat(grandchild.isAlive()).as("the training command's grandchild").isFalse();
            assertThat(child.get().isAlive()).as("the training command").isFalse();
            assertThat(leftovers(dir)).as("temporary files").isEmpty();

            JsonNode doc = Json.mapper().readTree(lineage.toFile());
            assertThat(doc.path("kind").asText()).isEqualTo("training");
            assertThat(doc.path("verdict").asText()).isEqualTo("FAILED");
            assertThat(doc.path("aborted").asBoolean()).as(doc.toPrettyString()).isTrue();
            assertThat(doc.path("checks").get(0).path("name").asText()).isEqualTo("command");
            assertThat(doc.path("checks").get(0).path("message").asText()).contains("aborted");
            // the half-written model is not recorded, nor registered
            assertThat(doc.has("model")).isFalse();
            assertThat(doc.path("metrics").size()).isZero();
            assertThat(doc.path("data").get(0).path("snapshotId").asText()).startsWith("sha256:");
            assertThat(doc.path("registry").path("skipped").asText()).isEqualTo("the training run was aborted");
            assertThat(registry.resolve("fraud/versions")).doesNotExist();
            assertThat(doc.path("logTail").toString()).contains("stopped by a signal");
            assertThat(dir.resolve("lineage.html")).exists();
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    @Timeout(120)
    void sigtermStopsAValidationWithoutResultOrTemporaryFiles() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path data = dir.resolve("big.csv");
        int columns = 600;
        try (BufferedWriter w = Files.newBufferedWriter(data)) {
            for (int c = 0; c < columns; c++) {
                w.write((c > 0 ? "," : "") + "c" + c);
            }
            w.write('\n');
            for (int r = 0; r < 5000; r++) {
                for (int c = 0; c < columns; c++) {
                    w.write((c > 0 ? "," : "") + ((r * 31 + c * 17) % 1000) / 10.0);
                }
                w.write('\n');
            }
        }
        StringBuilder contract = new StringBuilder("columns:\n");
        for (int c = 0; c < columns; c++) {
            contract.append("  - {name: c").append(c).append(", type: double, min: 0, drift: {}}\n");
        }
        Files.writeString(dir.resolve("contract.yaml"), contract);
        Path out = dir.resolve("result.json");
        Process cli = start(tmp, "validate", "--contract", dir.resolve("contract.yaml").toString(), "--data", data.toString(),
                "--reference", data.toString(), "--out", out.toString(), "--profile-out", dir.resolve("profile.json").toString());
        try {
            // the work directory exists from the moment the data is read until the run ends
            await(() -> {
                try (Stream<Path> files = Files.list(tmp)) {
                    return files.anyMatch(p -> p.getFileName().toString().startsWith("mlcicd-data-"));
                } catch (Exception e) {
                    return false;
                }
            }, 60);
            Thread.sleep(500);
            assertThat(cli.isAlive()).as("still validating: " + log()).isTrue();

            cli.destroy(); // SIGTERM
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();

            assertThat(cli.exitValue()).as(log()).isEqualTo(143);
            assertThat(out).doesNotExist();
            assertThat(dir.resolve("profile.json")).doesNotExist();
            assertThat(leftovers(dir)).as("temporary files").isEmpty();
        } finally {
            cli.destroyForcibly();
        }
    }
}
