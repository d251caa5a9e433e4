package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/data.md: CSV may be gzip- or zstd-compressed; DuckDB reads it, the header is read alike. */
class CompressedCsvTest {
    private static final String CSV = "id,amount,country\n1,10.5,US\n2,20.0,DE\n3,-4,FR\n";
    private static final String CONTRACT = "columns:\n  - {name: id, type: integer, unique: true}\n"
            + "  - {name: amount, type: double, min: 0}\n  - {name: country, type: string, allowed: [US, DE, FR]}\n";

    @TempDir
    Path dir;

    private Path gzip(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private void validatesLikeThePlainFile(Path compressed) throws Exception {
        Path contract = Files.writeString(dir.resolve("c.yaml"), CONTRACT);
        Path plain = Files.writeString(dir.resolve("plain.csv"), CSV);
        MainTest.Run expected = MainTest.run("validate", "--contract", contract.toString(), "--data", plain.toString());
        MainTest.Run run = MainTest.run("validate", "--contract", contract.toString(), "--data", compressed.toString(),
                "--out", dir.resolve("r.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1).isEqualTo(expected.exitCode());
        JsonNode doc = Json.mapper().readTree(dir.resolve("r.json").toFile());
        assertThat(doc.toString()).contains("amount.min").contains("-4");
        MainTest.Run profile = MainTest.run("profile", "--data", compressed.toString());
        assertThat(profile.exitCode()).as(profile.err()).isZero();
        assertThat(Json.mapper().readTree(profile.out()).path("rows").asInt()).isEqualTo(3);
    }

    @Test
    void aGzipCsvIsRead() throws Exception {
        validatesLikeThePlainFile(gzip("d.csv.gz", CSV));
    }

    @Test
    void aZstdCsvIsRead() throws Exception {
        Path plain = Files.writeString(dir.resolve("z.csv"), CSV);
        Process zstd = new ProcessBuilder("zstd", "-q", plain.toString(), "-o", dir.resolve("z.csv.zst").toString())
                .redirectErrorStream(true).start();
        zstd.getInputStream().readAllBytes();
        assumeThat(zstd.waitFor()).as("zstd installed").isZero();
        validatesLikeThePlainFile(dir.resolve("z.csv.zst"));
    }

    @Test
    void aFileNamedGzThatIsNotGzipIsOneClearLine() throws Exception {
        Path fake = Files.writeString(dir.resolve("fake.csv.gz"), CSV);
        MainTest.Run run = MainTest.run("profile", "--data", fake.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("fake.csv.gz: not a gzip file");
    }
}
