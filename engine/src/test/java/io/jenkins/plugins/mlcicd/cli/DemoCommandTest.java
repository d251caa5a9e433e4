package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void pathsAreMadeAbsoluteExceptTrainingDataWhichIsRelativeToTheWorkdir() {
        Path work = dir.resolve("w");
        assertThat(DemoCommand.inDirectory(work, List.of("gate", "--policy", "gate.yaml", "--out", "r/g.json")))
                .containsExactly("gate", "--policy", work.resolve("gate.yaml").toString(), "--out", work.resolve("r/g.json").toString());
        assertThat(DemoCommand.inDirectory(work, List.of("train", "--data", "data/train.csv", "--out", "l.json")))
                .containsExactly("train", "--data", "data/train.csv", "--out", work.resolve("l.json").toString(),
                        "--workdir", work.toString());
    }

    @Test
    void copiesTheExampleWithoutItsOutputsAndClearsOnlyItsOwnDirectory() throws IOException {
        Files.createDirectories(dir.resolve("example/data"));
        Files.writeString(dir.resolve("example/data/a.csv"), "x\n1\n");
        Files.createDirectories(dir.resolve("example/out"));
        Files.writeString(dir.resolve("example/out/model.bin"), "old");
        Path work = dir.resolve("work");

        DemoCommand.prepare(work, dir.resolve("example"));
        Files.writeString(work.resolve("leftover"), "from the last run");
        DemoCommand.prepare(work, dir.resolve("example"));

        assertThat(work.resolve("data/a.csv")).hasContent("x\n1\n");
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(work.resolve("leftover")).doesNotExist();
        assertThat(work.resolve("reports")).isDirectory();

        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("precious.txt"), "keep");
        assertThatThrownBy(() -> DemoCommand.prepare(foreign, dir.resolve("example")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("was not made by mlcicd demo");
        assertThat(foreign.resolve("precious.txt")).exists();
    }
}
