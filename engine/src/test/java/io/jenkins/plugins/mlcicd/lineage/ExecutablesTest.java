package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path workspace;

    @Test
    void aBareNameIsLookedUpInTheGivenSearchPathSkippingWhatCannotRun() throws Exception {
        Assumptions.assumeTrue(File.pathSeparatorChar == ':', "POSIX executables");
        Path bin = Files.createDirectories(workspace.resolve("venv/bin"));
        Path python = Files.writeString(bin.resolve("python3"), "#!/bin/sh\necho Python 3.99.0\n");
        assertThat(python.toFile().setExecutable(true)).isTrue();
        Files.writeString(Files.createDirectories(workspace.resolve("other")).resolve("python3"), "not executable");
        String path = workspace.resolve("missing") + ":" + workspace.resolve("other") + "::" + bin;

        assertThat(Executables.resolve("python3", path, workspace)).isEqualTo(python.toString());
        assertThat(Executables.resolve("python3", null, workspace)).isEqualTo("python3");
        assertThat(Executables.resolve("python3", " ", workspace)).isEqualTo("python3");
        assertThat(Executables.resolve("venv/bin/python3", path, workspace)).isEqualTo(python.toString());
        assertThat(Executables.resolve("venv/bin/nothere", path, workspace)).isEqualTo("venv/bin/nothere");
        assertThat(Executables.resolve("nothere", path, workspace)).isEqualTo("nothere");
    }
}
