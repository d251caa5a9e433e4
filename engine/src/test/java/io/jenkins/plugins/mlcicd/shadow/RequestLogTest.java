package io.jenkins.plugins.mlcicd.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestLogTest {
    @TempDir
    Path dir;

    @Test
    void readsIdsSlicesAndGzip() throws IOException {
        Path file = dir.resolve("requests.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"id\": 7, \"country\": \"DE\"}\n\n{\"x\": 1}\n".getBytes(StandardCharsets.UTF_8));
        }
        try (RequestLog log = new RequestLog(file, "id", "country", false)) {
            RequestLog.Request first = log.next();
            assertThat(first.id()).isEqualTo("7");
            assertThat(first.slice()).isEqualTo("DE");
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 7, \"country\": \"DE\"}");
            RequestLog.Request second = log.next();
            assertThat(second.id()).isEqualTo("line 3");
            assertThat(second.slice()).isEqualTo("(missing)");
            assertThat(second.sequence()).isEqualTo(1);
            assertThat(log.next()).isNull();
        }
    }

    @Test
    void aLineThatIsNotJsonNamesFileAndLineOrIsCounted() throws IOException {
        Path file = dir.resolve("requests.jsonl");
        Files.writeString(file, "{\"id\": 1}\n{\"id\": 2\n[1, 2]\n{\"id\": 4}\n");
        try (RequestLog log = new RequestLog(file, "id", null, false)) {
            log.next();
            assertThatThrownBy(log::next).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(file + ":2:").hasMessageContaining("not JSON");
        }
        try (RequestLog log = new RequestLog(file, "id", null, true)) {
            assertThat(log.next().id()).isEqualTo("1");
            assertThat(log.next().id()).isEqualTo("4");
            assertThat(log.next()).isNull();
            assertThat(log.skipped()).isEqualTo(2);
            assertThat(log.firstSkipped()).startsWith(file + ":2:");
        }
    }

    @Test
    void aMissingFileIsBadInput() {
        assertThatThrownBy(() -> new RequestLog(dir.resolve("nope.jsonl"), "id", null, false))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nope.jsonl: no such file");
    }

    @Test
    void crlfAndAByteOrderMarkAreNotPartOfTheBodyAndABadByteIsReportedOnItsOwnLine() throws IOException {
        Path file = dir.resolve("requests.jsonl");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] rest = "{\"id\": 1}\r\n{\"id\": \"b\"}\r\n{\"id\": 3, \"city\": \"K\u00f6ln\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, java.nio.ByteBuffer.allocate(bom.length + rest.length).put(bom).put(rest).array());
        try (RequestLog log = new RequestLog(file, "id", null, false)) {
            assertThat(new String(log.next().body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 1}");
            assertThat(log.next().id()).isEqualTo("b");
            // the decoder reads ahead in blocks; the line of the bad byte is still exact
            assertThatThrownBy(log::next).hasMessageStartingWith(file + ":3: not UTF-8 text (byte 21 of the line)");
        }
    }

    @Test
    void anIdIsATextOrAWholeNumberAndALogWithoutRequestsIsRefused() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.jsonl"), "{\"id\": 7}\n{\"id\": [7]}\n{\"id\": \" \"}\n{\"id\": \"x\"}\n");
        try (RequestLog log = new RequestLog(ids, "id", null, true)) {
            assertThat(log.next().id()).isEqualTo("7");
            assertThat(log.next().id()).isEqualTo("x");
            assertThat(log.skipped()).isEqualTo(2);
            assertThat(log.firstSkipped()).isEqualTo(ids + ":2: id field 'id': expected a text or a whole number, got a list");
        }
        Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n  \n");
        try (RequestLog log = new RequestLog(blank, "id", null, false)) {
            assertThatThrownBy(log::next).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(blank + ": no requests: the file holds only blank lines");
        }
        Path invalid = Files.writeString(dir.resolve("invalid.jsonl"), "[1]\n");
        try (RequestLog log = new RequestLog(invalid, "id", null, true)) {
            assertThatThrownBy(log::next).hasMessageContaining("no requests: every line was invalid (first: " + invalid + ":1:");
        }
    }

    @Test
    void aLineOverTheLimitIsSkippedWithoutBeingHeld() throws IOException {
        Path file = dir.resolve("huge.jsonl");
        byte[] pad = new byte[1024 * 1024];
        java.util.Arrays.fill(pad, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"id\": 1, \"pad\": \"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i <= RequestLog.MAX_LINE_BYTES / pad.length; i++) {
                out.write(pad);
            }
            out.write("\"}\n{\"id\": 2}\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (RequestLog log = new RequestLog(file, "id", null, true)) {
            assertThat(log.next().id()).isEqualTo("2");
            assertThat(log.firstSkipped()).isEqualTo(file + ":1: a line longer than 16 MiB; a request log has one JSON request body per line");
        }
    }

    @Test
    void gzipThatIsNotGzipOrEndsEarlyIsRefused() throws IOException {
        Path fake = Files.writeString(dir.resolve("fake.jsonl.gz"), "{\"id\": 1}\n");
        assertThatThrownBy(() -> new RequestLog(fake, "id", null, true)).isInstanceOf(BadInputException.class)
                .hasMessage(fake + ": not gzip data, although the name ends in .gz; decompress it or rename it");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("{\"id\": " + i + ", \"x\": " + Math.sin(i) + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] gz = bytes.toByteArray();
        Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        try (RequestLog log = new RequestLog(cut, "id", null, true)) {
            assertThatThrownBy(() -> {
                while (log.next() != null) {
                    // read to the cut
                }
            }).isInstanceOf(BadInputException.class).hasMessageContaining("the gzip data ends early, after line ")
                    .hasMessageEndingWith("the file is truncated");
        }
    }
}
