package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSnapshotsTest {
    @TempDir
    Path dir;

    private final DataSnapshots snapshots = new DataSnapshots();

    @Test
    void fileIdIsTheSha256OfItsBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        DataSnapshot snapshot = snapshots.snapshot(file, "abc.txt");
        // FIPS 180-2 test vector for "abc"
        assertThat(snapshot.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(snapshot.snapshotId()).isEqualTo("sha256:" + snapshot.sha256());
        assertThat(snapshot.bytes()).isEqualTo(3);
        assertThat(snapshot.files()).isEqualTo(1);
        assertThat(snapshot.source()).isEqualTo(DataSnapshot.FILE);
    }

    @Test
    void fileLargerThanTheBufferHashesLikeTheWholeArray() throws Exception {
        byte[] bytes = new byte[3 * ContentHasher.BUFFER_BYTES + 17];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.bin"), bytes);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        FileDigest digest = new ContentHasher().hash(file);
        assertThat(digest.sha256()).isEqualTo(expected);
        assertThat(digest.bytes()).isEqualTo(bytes.length);
    }

    @Test
    void emptyFileHasTheDigestOfNothing() throws Exception {
        Path file = Files.createFile(dir.resolve("empty"));
        assertThat(snapshots.snapshot(file, "empty").sha256()).isEqualTo(ContentHasher.sha256Hex(new byte[0]));
    }

    @Test
    void directoryIdFollowsTheDocumentedRecipe() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("a"));
        Files.writeString(data.resolve("a/b"), "one");
        Files.writeString(data.resolve("a.b"), "two");
        Files.writeString(data.resolve("B"), "three");
        Files.writeString(data.resolve("ü"), "four");
        Files.createDirectories(data.resolve("empty/dir"));

        // Sorted by UTF-8 bytes: "B" (0x42) < "a.b" (0x2E after a) < "a/b" (0x2F) < "ü" (0xC3 0xBC)
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        for (String[] entry : new String[][] {{"B", "three"}, {"a.b", "two"}, {"a/b", "one"}, {"ü", "four"}}) {
            manifest.writeBytes(entry[0].getBytes(StandardCharsets.UTF_8));
            manifest.write(0);
            manifest.writeBytes(ContentHasher.sha256Hex(entry[1].getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
            manifest.write('\n');
        }
        DataSnapshot snapshot = snapshots.snapshot(data, "data");
        assertThat(snapshot.sha256()).isEqualTo(ContentHasher.sha256Hex(manifest.toByteArray()));
        assertThat(snapshot.files()).isEqualTo(4);
        assertThat(snapshot.bytes()).isEqualTo(3 + 3 + 5 + 4);
        assertThat(snapshot.source()).isEqualTo(DataSnapshot.DIRECTORY);
    }

    @Test
    void directoryIdChangesWithOneByteOrARenameButNotWithTimes() throws Exception {
        Path data = Files.createDirectories(dir.resolve("d"));
        Path file = Files.writeString(data.resolve("part-0.csv"), "a,b\n1,2\n");
        String before = snapshots.snapshot(data, "d").snapshotId();

        Files.setLastModifiedTime(file, FileTime.fromMillis(0));
        assertThat(snapshots.snapshot(data, "d").snapshotId()).isEqualTo(before);

        Files.writeString(file, "a,b\n1,3\n");
        String oneByte = snapshots.snapshot(data, "d").snapshotId();
        assertThat(oneByte).isNotEqualTo(before);

        Files.writeString(file, "a,b\n1,2\n");
        assertThat(snapshots.snapshot(data, "d").snapshotId()).isEqualTo(before);
        Files.move(file, data.resolve("part-1.csv"));
        assertThat(snapshots.snapshot(data, "d").snapshotId()).isNotEqualTo(before);
    }

    @Test
    void emptyDirectoryHasTheDigestOfAnEmptyManifest() throws Exception {
        Path data = Files.createDirectories(dir.resolve("nothing/inside"));
        DataSnapshot snapshot = snapshots.snapshot(dir.resolve("nothing"), "nothing");
        assertThat(snapshot.sha256()).isEqualTo(ContentHasher.sha256Hex(new byte[0]));
        assertThat(snapshot.files()).isZero();
        assertThat(data).isDirectory();
    }

    @Test
    void symbolicLinksAreFollowedSoALinkedCheckoutEqualsACopy() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.resolve("blob"), "content");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("train.csv"), cache.resolve("blob"));
        Path copied = Files.createDirectories(dir.resolve("copied"));
        Files.writeString(copied.resolve("train.csv"), "content");
        assertThat(snapshots.snapshot(linked, "linked").snapshotId()).isEqualTo(snapshots.snapshot(copied, "copied").snapshotId());
    }

    @Test
    void danglingLinksCyclesAndMissingPathsAreBadInput() throws Exception {
        Path data = Files.createDirectories(dir.resolve("bad"));
        Files.createSymbolicLink(data.resolve("gone"), dir.resolve("does-not-exist"));
        assertThatThrownBy(() -> snapshots.snapshot(data, "bad")).isInstanceOf(BadInputException.class).hasMessageContaining("dangling");

        Path loop = Files.createDirectories(dir.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("self"), loop);
        assertThatThrownBy(() -> snapshots.snapshot(loop, "loop")).isInstanceOf(BadInputException.class).hasMessageContaining("cycle");

        assertThatThrownBy(() -> snapshots.snapshot(dir.resolve("missing.csv"), "missing.csv"))
                .isInstanceOf(BadInputException.class).hasMessage("missing.csv: data not found");
    }
}
