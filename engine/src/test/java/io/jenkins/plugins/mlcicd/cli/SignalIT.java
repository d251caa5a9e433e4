package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a running {@code mlcicd train} stops the training command's process tree and writes no result. */
class SignalIT {
    private static final Path JAR = Path.of("target/mlcicd.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void sigtermStopsTheTrainingProcessTreeAndLeavesNoResult() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the CLI jar is built by 'package'");
        Path childPid = dir.resolve("child.pid");
        Process cli = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                "train", "--shell", "--command", "sleep 300 & echo $! > child.pid; wait", "--workdir", dir.toString(),
                "--model", "model.bin", "--metrics", "metrics.json", "--python", "/nonexistent", "--out", dir.resolve("lineage.json").toString()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("cli.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(childPid) && !Files.readString(childPid).isBlank()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(childPid).as(Files.exists(dir.resolve("cli.log")) ? Files.readString(dir.resolve("cli.log")) : "").exists();
            long pid = Long.parseLong(Files.readString(childPid).strip());
            Optional<ProcessHandle> sleeper = ProcessHandle.of(pid);
            assertThat(sleeper).isPresent();
            cli.destroy(); // SIGTERM
            assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).isEqualTo(143);
            sleeper.get().onExit().get(15, TimeUnit.SECONDS);
            assertThat(sleeper.get().isAlive()).as("the training command's child").isFalse();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .doesNotContain("lineage.json")
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        } finally {
            cli.destroyForcibly();
        }
    }
}
