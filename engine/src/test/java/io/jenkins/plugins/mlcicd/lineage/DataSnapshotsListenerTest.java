package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSnapshotsListenerTest {
    @TempDir
    Path dir;

    private record Seen(String path, String sha256, long bytes, String md5) {
    }

    @Test
    void reportsEveryFileWithMd5FromTheSamePass() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("b.csv"), "abc", StandardCharsets.UTF_8);
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("sub/a.csv"), "", StandardCharsets.UTF_8);
        List<Seen> seen = new ArrayList<>();
        DataSnapshots snapshots = new DataSnapshots((path, digest, md5) -> seen.add(new Seen(path, digest.sha256(), digest.bytes(), md5)));

        DataSnapshot snapshot = snapshots.snapshot(data, "data/");

        assertThat(snapshot.files()).isEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrder(
                new Seen("data/b.csv", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3, "900150983cd24fb0d6963f7d28e17f72"),
                new Seen("data/sub/a.csv", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0, "d41d8cd98f00b204e9800998ecf8427e"));
        // The listener changes nothing about the snapshot itself.
        assertThat(new DataSnapshots().snapshot(data, "data/")).isEqualTo(snapshot);
    }

    @Test
    void singleFileIsReportedUnderItsDisplayPath() throws Exception {
        Path file = Files.writeString(dir.resolve("model.bin"), "abc", StandardCharsets.UTF_8);
        List<Seen> seen = new ArrayList<>();
        new DataSnapshots((path, digest, md5) -> seen.add(new Seen(path, digest.sha256(), digest.bytes(), md5))).snapshot(file, "out/model.bin");
        assertThat(seen).containsExactly(
                new Seen("out/model.bin", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3, "900150983cd24fb0d6963f7d28e17f72"));
    }
}
