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
}
