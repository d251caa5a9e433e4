package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.JsonMessages;
import io.jenkins.plugins.mlcicd.input.Printable;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams a request log: JSON Lines, one request body per line, gzip when the name ends in
 * {@code .gz}. The rules, in one place:
 * <ul>
 *   <li>a line ends at {@code \n}; a {@code \r} before it is dropped (CRLF files); a UTF-8 byte order
 *       mark at the start of the file is dropped; blank lines are skipped;</li>
 *   <li>every other line is one JSON object in UTF-8, at most {@link #MAX_LINE_BYTES} bytes, without
 *       duplicate keys (a model server would pick one of them, and we cannot know which);</li>
 *   <li>the id field, when present, is a non-empty text or a whole number (else the line number is the id);</li>
 *   <li>a log without a single request is refused: a replay of nothing proves nothing.</li>
 * </ul>
 * A line that breaks a rule is refused naming the file, line (and column), or counted and skipped with
 * {@code skipInvalid}. A file that is not gzip, or whose gzip data ends early, is always refused.
 * Only the current line is held; lines are split on bytes, so the line number of an error is exact.
 */
public final class RequestLog implements Closeable {
    /** The longest request line: far above any JSON request body, far below what would exhaust memory. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One request: its body as it is sent, its id and slice value. */
    public record Request(long sequence, String id, String slice, byte[] body, long line) {
    }

    private final Path path;
    private final String idField;
    private final String sliceField;
    private final boolean skipInvalid;
    private final InputStream in;
    private final CountingStream counting;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(4096);
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] lineBytes = new byte[4096];
    private int lineLength;
    private boolean lineTooLong;
    private long line;
    private long sequence;
    private long skipped;
    private String firstSkipped;

    public RequestLog(Path path, String idField, String sliceField, boolean skipInvalid) {
        this.path = path;
        this.idField = idField;
        this.sliceField = sliceField;
        this.skipInvalid = skipInvalid;
        InputStream opened = null;
        try {
            if (Files.isDirectory(path)) {
                throw new BadInputException(path + ": is a directory, not a request log (JSON Lines)");
            }
            counting = new CountingStream(Files.newInputStream(path));
            opened = counting;
            in = gzip() ? new GZIPInputStream(counting, 64 * 1024) : counting;
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadInputException(path + ": cannot read: permission denied");
        } catch (EOFException e) {
            closeQuietly(opened);
            throw new BadInputException(path + ": the file is empty; a request log needs at least one request");
        } catch (ZipException e) {
            closeQuietly(opened);
            throw new BadInputException(path + ": not gzip data, although the name ends in .gz; decompress it or rename it");
        } catch (IOException e) {
            closeQuietly(opened);
            throw new BadInputException(path + ": cannot read: " + e.getMessage());
        }
    }

    private boolean gzip() {
        return path.getFileName().toString().endsWith(".gz");
    }

    /** The next request, or null at the end of the log. */
    public Request next() {
        while (true) {
            if (!readLine()) {
                if (sequence == 0) {
                    throw new BadInputException(path + ": no requests: " + (line == 0 ? "the file is empty"
                            : skipped > 0 ? "every line was invalid (first: " + firstSkipped + ")"
                            : "the file holds only blank lines") + "; a request log has one JSON object per line");
                }
                return null;
            }
            line++;
            String problem;
            int column = 0;
            int start = line == 1 && startsWithByteOrderMark() ? 3 : 0;
            int end = lineLength > start && lineBytes[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            if (lineTooLong) {
                problem = "a line longer than " + (MAX_LINE_BYTES / (1024 * 1024))
                        + " MiB; a request log has one JSON request body per line";
            } else if (isBlank(start, end)) {
                continue;
            } else if (!isUtf8(start, end)) {
                problem = "not UTF-8 text (byte " + (invalidUtf8Offset(start, end) + 1) + " of the line)";
            } else {
                Fields fields = new Fields();
                try {
                    problem = fields.read(lineBytes, start, end - start);
                } catch (JsonProcessingException e) {
                    column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
                    problem = "not JSON (" + JsonMessages.plain(e.getOriginalMessage()) + ")";
                } catch (IOException e) {
                    problem = "not JSON (" + JsonMessages.plain(e.getMessage()) + ")";
                }
                if (problem == null) {
                    String idText = fields.id == null ? "line " + line : fields.id;
                    String slice = sliceField == null ? null : fields.slice == null ? "(missing)" : fields.slice;
                    return new Request(sequence++, idText, slice, Arrays.copyOfRange(lineBytes, start, end), line);
                }
            }
            String where = path + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem;
            if (!skipInvalid) {
                throw new BadInputException(where + "; fix the line or pass --skip-invalid");
            }
            skipped++;
            if (firstSkipped == null) {
                firstSkipped = where;
            }
        }
    }

    /**
     * The id and slice of one line, read in one streaming pass that also checks the line is one JSON
     * object without duplicate keys: the reader runs once per request, so it builds no tree of the line.
     */
    private final class Fields {
        String id;
        String slice;

        /** What is wrong with the line, or null; a line that is not JSON at all throws. */
        String read(byte[] bytes, int offset, int length) throws IOException {
            try {
                return walk(bytes, offset, length);
            } catch (JsonProcessingException e) {
                // rare: the full parse of the text words the error as every JSON file of the engine is worded
                MAPPER.readTree(new String(bytes, offset, length, StandardCharsets.UTF_8));
                throw e;
            }
        }

        private String walk(byte[] bytes, int offset, int length) throws IOException {
            try (JsonParser parser = MAPPER.createParser(bytes, offset, length)) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_OBJECT) {
                    // rare: the tree only names what the line holds instead
                    JsonNode node = MAPPER.readTree(bytes, offset, length);
                    return "not a JSON object (" + kind(node) + "); each line is one request body {...}";
                }
                String idProblem = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals(sliceField)) {
                        slice = value.isStructStart() ? MAPPER.readTree(parser).toString()
                                : value == JsonToken.VALUE_NULL ? null : ScoreExtractor.scalarText(parser, value);
                        if (!name.equals(idField)) {
                            continue;
                        }
                    }
                    if (name.equals(idField)) {
                        idProblem = idProblem(parser, value);
                        id = idProblem == null ? parser.getText() : null;
                    }
                    parser.skipChildren();
                }
                if (parser.nextToken() != null) {
                    MAPPER.readTree(new String(bytes, offset, length, StandardCharsets.UTF_8));
                    throw new JsonParseException(parser, "unexpected content after the end of the document");
                }
                return idProblem;
            }
        }
    }

    /** The id rule: absent means the line number; present, it names the request, so it must be a name. */
    private String idProblem(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText().isBlank() ? "id field " + Printable.quote(idField) + " is empty; give each request an id or leave the field out" : null;
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        String kind = switch (value) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> "the number " + parser.getText();
        };
        return "id field " + Printable.quote(idField) + ": expected a text or a whole number, got " + kind;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        String text = node.asText();
        return "the text \"" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"";
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = lineBytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Checks the line decodes as UTF-8 into a reused buffer: no text is kept, the body is sent as bytes. */
    private boolean isUtf8(int start, int end) {
        if (chars.capacity() < end - start) {
            chars = CharBuffer.allocate(end - start);
        }
        chars.clear();
        return !utf8.reset().decode(ByteBuffer.wrap(lineBytes, start, end - start), chars, true).isError();
    }

    private boolean startsWithByteOrderMark() {
        return lineLength >= 3 && (lineBytes[0] & 0xFF) == 0xEF && (lineBytes[1] & 0xFF) == 0xBB && (lineBytes[2] & 0xFF) == 0xBF;
    }

    /** Where in the line the first byte that is not UTF-8 is, for a message the user can act on. */
    private int invalidUtf8Offset(int start, int end) {
        CharsetDecoder probe = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(lineBytes, start, end - start);
        CharBuffer out = CharBuffer.allocate(end - start + 1);
        probe.decode(bytes, out, true);
        return bytes.position() - start;
    }

    /**
     * Reads the next line's bytes (without the {@code \n}) into {@code lineBytes}; a line past the limit is
     * read to its end but not kept. False at the end of the file.
     */
    private boolean readLine() {
        lineLength = 0;
        lineTooLong = false;
        boolean any = false;
        try {
            while (true) {
                if (position == limit) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return any;
                    }
                    position = 0;
                    limit = n;
                    continue;
                }
                any = true;
                int start = position;
                while (position < limit && chunk[position] != '\n') {
                    position++;
                }
                append(start, position - start);
                if (position < limit) {
                    position++;
                    return true;
                }
            }
        } catch (EOFException e) {
            throw new BadInputException(path + ": the gzip data ends early, after line " + line + ": the file is truncated");
        } catch (ZipException e) {
            throw new BadInputException(path + ": corrupt gzip data after line " + line);
        } catch (IOException e) {
            throw new BadInputException(path + ":" + (line + 1) + ": cannot read: " + e.getMessage());
        }
    }

    private void append(int start, int n) {
        if (lineTooLong || n == 0) {
            return;
        }
        if ((long) lineLength + n > MAX_LINE_BYTES) {
            lineTooLong = true;
            return;
        }
        if (lineLength + n > lineBytes.length) {
            lineBytes = Arrays.copyOf(lineBytes, Math.min(MAX_LINE_BYTES, Math.max(lineBytes.length * 2, lineLength + n)));
        }
        System.arraycopy(chunk, start, lineBytes, lineLength, n);
        lineLength += n;
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
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // the open failed already; that is what the user is told
            }
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
