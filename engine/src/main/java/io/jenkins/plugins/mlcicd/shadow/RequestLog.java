package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            Fields fields = new Fields();
            String problem = fields.read(body);
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
            String idText = fields.id == null ? "line " + line : fields.id;
            String slice = sliceField == null ? null : fields.slice == null ? "(missing)" : fields.slice;
            return new Request(sequence++, idText, slice, body, line);
        }
    }

    /**
     * The id and slice of one line, read in one streaming pass that also checks the line is one
     * JSON object: the reader runs once per request, so it builds no tree of the line.
     */
    private final class Fields {
        String id;
        String slice;

        /**
         * Reads the line's UTF-8 bytes (the same parser as the responses', so one parser class
         * gets compiled hot); returns what is wrong with the line, or null.
         */
        String read(byte[] line) {
            try (JsonParser parser = MAPPER.getFactory().createParser(line)) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return parser.nextToken() == null ? "not a JSON object" : "not JSON (trailing content after the value)";
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    boolean isId = name.equals(idField);
                    boolean isSlice = name.equals(sliceField);
                    if (isSlice && value.isStructStart()) {
                        // a composite slice value is sliced by its JSON text
                        slice = MAPPER.readTree(parser).toString();
                        id = isId ? null : id;
                        continue;
                    }
                    String scalar = isId || isSlice ? ScoreExtractor.scalarText(parser, value) : null;
                    if (isId) {
                        id = scalar;
                    }
                    if (isSlice) {
                        slice = scalar;
                    }
                    parser.skipChildren();
                }
                if (parser.nextToken() != null) {
                    return "not JSON (trailing content after the object)";
                }
                return null;
            } catch (IOException e) {
                String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                return "not JSON (" + firstLine(message) + ")";
            }
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
