package io.jenkins.plugins.mlcicd.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private void write(Path path, String content) {
        OutputFile.of("--out", path).write(content, new PrintWriter(stdout), new PrintWriter(stderr));
    }

    private static String fileType(Path path) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-c", "%F", path.toString()).redirectErrorStream(true).start();
        String type = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        stat.waitFor();
        return type;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    @Test
    void dashAndDevStdoutAreTheCommandsStandardOutput() {
        write(Path.of("-"), "one\n");
        write(Path.of("/dev/stdout"), "two\n");
        OutputFile.of("--html", Path.of("/dev/stderr")).write("three\n", new PrintWriter(stdout), new PrintWriter(stderr));
        assertThat(stdout.toString()).isEqualTo("one\ntwo\n");
        assertThat(stderr.toString()).isEqualTo("three\n");
        assertThat(OutputFile.of("--out", Path.of("-")).isStandardOutput()).isTrue();
    }

    @Test
    void aNewFileIsCreatedWithItsDirectoriesAndTheUmasksPermissionsNot0600() throws IOException {
        Path reference = Files.createFile(dir.resolve("made-by-createFile"));
        Path out = dir.resolve("a/b/result.json");
        write(out, "{}\n");
        assertThat(out).hasContent("{}");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(expected);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isNotEqualTo("rw-------");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path out = Files.writeString(dir.resolve("r.json"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        write(out, "new");
        assertThat(out).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
    }

    @Test
    void aCharacterDeviceIsWrittenInPlaceAndStaysADevice() throws Exception {
        Path nul = dir.resolve("null");
        assumeThat(run("mknod", nul.toString(), "c", "1", "3")).as("mknod needs root").isTrue();
        OutputFile file = OutputFile.of("--out", nul);
        assertThat(file.kind()).isEqualTo(OutputFile.Kind.STREAM);
        write(nul, "{\"verdict\":\"PASSED\"}\n");
        assertThat(fileType(nul)).isEqualTo("character special file");
        assertThat(Files.isRegularFile(nul)).isFalse();
    }

    @Test
    @Timeout(20)
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeThat(run("mkfifo", fifo.toString())).isTrue();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        write(fifo, "streamed\n");
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("streamed\n");
        assertThat(fileType(fifo)).isEqualTo("fifo");
    }

    @Test
    void aSymlinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");
    }

    @Test
    void aDanglingSymlinkGetsItsTargetCreated() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("later/real.json"));
        write(link, "made");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("later/real.json")).hasContent("made");
    }

    @Test
    void aDirectoryOrALinkToOneIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
        assertThatThrownBy(() -> OutputFile.of("--out", sub)).isInstanceOf(BadInputException.class)
                .hasMessage("cannot write --out " + sub + ": is a directory; give a file name inside it");
        assertThatThrownBy(() -> OutputFile.of("--html", link)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--html").hasMessageContaining("is a directory");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aPathBelowARegularFileOrAnEmptyPathIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> OutputFile.of("--out", file.resolve("r.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> OutputFile.of("--out", Path.of("")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty path");
        assertThat(file).hasContent("x");
    }

    @Test
    void anUnwritableDirectoryIsRefused() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root may write anywhere (CAP_DAC_OVERRIDE), so only an unprivileged run can see the refusal
        assumeThat(Files.isWritable(locked)).as("running as root").isFalse();
        assertThatThrownBy(() -> OutputFile.of("--out", locked.resolve("r.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("permission denied");
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> OutputFile.of("--out", a)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void concurrentWritersLeaveOneCompleteDocument() throws Exception {
        Path out = dir.resolve("shared.json");
        String a = "a".repeat(1 << 20) + "\n";
        String b = "b".repeat(1 << 20) + "\n";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String content = i % 2 == 0 ? a : b;
                writes.add(pool.submit(() -> OutputFile.of("--out", out).write(content)));
            }
            for (Future<?> write : writes) {
                write.get(60, TimeUnit.SECONDS);
                String now = Files.readString(out);
                assertThat(now.equals(a) || now.equals(b)).as("a complete document").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void planRefusesAnOutputThatIsAnInputAndTwoOutputsOnOneFile() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "a\n1\n");
        Path link = Files.createSymbolicLink(dir.resolve("alias.csv"), data);
        assertThatThrownBy(() -> OutputPlan.check(Map.of("--out", dir.resolve("./d.csv")), Map.of("--data", data)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--out " + dir.resolve("./d.csv") + " is the input --data " + data
                        + "; writing there would destroy it — choose another output file");
        assertThatThrownBy(() -> OutputPlan.check(Map.of("--out", link), Map.of("--data", data)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is the input --data");
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        assertThatThrownBy(() -> OutputPlan.check(Map.of("--html", hard), Map.of("--data", data)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is the input --data");
        Map<String, Path> twoOnOne = new java.util.LinkedHashMap<>();
        twoOnOne.put("--out", dir.resolve("x"));
        twoOnOne.put("--html", dir.resolve("sub/../x"));
        assertThatThrownBy(() -> OutputPlan.check(twoOnOne, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("name the same file");
        Map<String, Path> twoOnStdout = new java.util.LinkedHashMap<>();
        twoOnStdout.put("--out", Path.of("-"));
        twoOnStdout.put("--html", Path.of("/dev/stdout"));
        assertThatThrownBy(() -> OutputPlan.check(twoOnStdout, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("name the same stream");
        assertThat(data).hasContent("a\n1");
        assertThat(OutputPlan.check(Map.of("--out", dir.resolve("r.json")), Map.of("--data", data)).outputs()).hasSize(1);
        assertThat(Files.exists(dir.resolve("r.json"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
