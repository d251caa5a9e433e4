package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams a request log: JSON Lines, one request body per line, gzip when the name ends in
 * {@code .gz}. Blank lines are skipped. A line that is not a JSON object is refused naming the
 * file and line, or counted and skipped with {@code skipInvalid}. Only the current line is held.
 */
public final class RequestLog implements Closeable {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** One request: its body as it is sent, its id and slice value. */
    public record Request(long sequence, String id, String slice, byte[] body, long line) {
    }

    private final Path path;
    private final String idField;
    private final String sliceField;
    private final boolean skipInvalid;
    private final BufferedReader reader;
    private final CountingStream counting;
    private long line;
    private long sequence;
    private long skipped;
    private String firstSkipped;

    public RequestLog(Path path, String idField, String sliceField, boolean skipInvalid) {
        this.path = path;
        this.idField = idField;
        this.sliceField = sliceField;
        this.skipInvalid = skipInvalid;
        try {
            counting = new CountingStream(Files.newInputStream(path));
            InputStream in = path.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(counting, 64 * 1024) : counting;
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)), 256 * 1024);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage());
        }
    }

    /** The next request, or null at the end of the log. */
    public Request next() {
        while (true) {
            String text;
            try {
                text = reader.readLine();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new BadInputException(path + ":" + (line + 1) + ": not UTF-8 text");
            } catch (IOException e) {
                throw new BadInputException(path + ":" + (line + 1) + ": cannot read: " + e.getMessage());
            }
            if (text == null) {
                return null;
            }
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            String problem = null;
            try {
                node = MAPPER.readTree(text);
                if (node == null || !node.isObject()) {
                    problem = "not a JSON object";
                }
            } catch (JsonProcessingException e) {
                node = null;
                problem = "not JSON (" + firstLine(e.getOriginalMessage()) + ")";
            }
            if (problem != null) {
                if (!skipInvalid) {
                    throw new BadInputException(path + ":" + line + ": " + problem + "; fix the line or pass --skip-invalid");
                }
                skipped++;
                if (firstSkipped == null) {
                    firstSkipped = path + ":" + line + ": " + problem;
                }
                continue;
            }
            JsonNode id = idField == null ? null : node.get(idField);
            String idText = id == null || id.isNull() || id.isContainerNode() ? "line " + line : id.asText();
            String slice = null;
            if (sliceField != null) {
                JsonNode s = node.get(sliceField);
                slice = s == null || s.isNull() ? "(missing)" : s.isContainerNode() ? s.toString() : s.asText();
            }
            return new Request(sequence++, idText, slice, text.getBytes(StandardCharsets.UTF_8), line);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "invalid JSON" : message.lines().findFirst().orElse("invalid JSON");
    }

    /** Lines skipped as invalid (with {@code skipInvalid}). */
    public long skipped() {
        return skipped;
    }

    /** Where the first skipped line was and why, or null. */
    public String firstSkipped() {
        return firstSkipped;
    }

    /** Bytes of the file read so far (compressed bytes for .gz), for progress. */
    public long bytesRead() {
        return counting.count;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
