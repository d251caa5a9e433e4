package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ResourceExhaustionTest {
    @Test
    void memoryAndDiskExhaustionAreRecognisedWhereverTheySurface() {
        assertThat(ResourceExhaustion.describe(new OutOfMemoryError("Java heap space"))).startsWith("out of memory (the JVM may use ");
        // DuckDB's allocator fails inside a reader, which wraps it as bad input: still not the input's fault
        BadInputException wrapped = new BadInputException("data.csv: Out of Memory Error: failed to allocate data of size 2.0 GiB",
                new SQLException("Out of Memory Error: failed to allocate data of size 2.0 GiB"));
        assertThat(ResourceExhaustion.describe(wrapped)).startsWith("out of memory in the embedded database (DuckDB)");
        assertThat(ResourceExhaustion.describe(new UncheckedIOException("cannot write r.json", new java.io.IOException("No space left on device"))))
                .startsWith("out of disk space");
        assertThat(ResourceExhaustion.describe(new BadInputException("data.csv: line 3: not valid UTF-8"))).isNull();
    }

    @Test
    void sizeOptionsAreBoundedAndRefusedAsUsageNotAsACrash() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("p", ".csv");
        try {
            java.nio.file.Files.writeString(file, "y,p\n1,0.9\n0,0.1\n");
            MainTest.Run run = MainTest.run("evaluate", "--predictions", file.toString(), "--label", "y", "--score", "p",
                    "--bootstrap", "2000000000");
            assertThat(run.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.err()).contains("--bootstrap must be between 0 and 100000").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
            MainTest.Run tail = MainTest.run("train", "--command", "true", "--model", "m", "--metrics", "x.json", "--tail-lines", "999999999");
            assertThat(tail.exitCode()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(tail.err()).contains("--tail-lines must be between 1 and 100000");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
