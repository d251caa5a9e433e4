package io.jenkins.plugins.mlcicd.shadow;

/**
 * An incremental HTTP/1.1 response parser: fed whatever bytes a non-blocking read returned, it
 * keeps its place (status line, headers, a Content-Length body, chunks with extensions and
 * trailers, or a body delimited by the connection's end) until a whole response has arrived.
 *
 * <p>One instance per connection, reused for every response ({@link #reset()}): the line and body
 * buffers grow to the largest response seen and are never reallocated after that, so parsing a
 * response allocates nothing. Header names are matched as bytes; no header becomes a String.
 * Interim responses (1xx other than 101) are skipped: the final response is the answer.
 */
final class Http1ResponseParser {
    /** Responses larger than this are refused: a score does not need megabytes. */
    static final int MAX_BODY = 16 << 20;
    /** One status or header line, and the whole header section, may not exceed these. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_HEADERS = 256 * 1024;

    /** The bytes cannot be an HTTP/1.1 response, or one larger than the limits. */
    static final class MalformedResponseException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedResponseException(String message) {
            super(message, null, false, false);
        }
    }

    private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, TO_END, DONE }

    private static final byte[] CONTENT_LENGTH = lower("content-length");
    private static final byte[] TRANSFER_ENCODING = lower("transfer-encoding");
    private static final byte[] CONNECTION = lower("connection");
    private static final byte[] CHUNKED = lower("chunked");
    private static final byte[] CLOSE = lower("close");
    private static final byte[] KEEP_ALIVE = lower("keep-alive");

    private State state = State.STATUS_LINE;
    /** The bytes being fed, only during {@link #feed}. */
    private byte[] data;
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private int headerBytes;
    private byte[] body = new byte[1024];
    private int bodyLength;
    private long remaining;
    private boolean started;
    private int status;
    private boolean http10;
    private boolean close;
    private boolean keepAliveToken;
    private long contentLength;
    private boolean chunked;

    Http1ResponseParser() {
        reset();
    }

    /** Prepares for the next response on the same connection. */
    void reset() {
        state = State.STATUS_LINE;
        lineLength = 0;
        headerBytes = 0;
        bodyLength = 0;
        started = false;
        status = 0;
        startResponse();
    }

    private void startResponse() {
        http10 = false;
        close = false;
        keepAliveToken = false;
        contentLength = -1;
        chunked = false;
    }

    /**
     * Consumes bytes from {@code data[from, to)} and returns the index of the first byte it did not
     * consume: {@code to} unless the response completed before (see {@link #complete()}); bytes
     * after a complete response are not its.
     */
    int feed(byte[] data, int from, int to) throws MalformedResponseException {
        if (from < to) {
            started = true;
        }
        this.data = data;
        this.pos = from;
        this.limit = to;
        try {
            parse();
            return pos;
        } finally {
            this.data = null;
        }
    }

    private void parse() throws MalformedResponseException {
        while (state != State.DONE && pos < limit) {
            switch (state) {
                case STATUS_LINE -> {
                    if (line()) {
                        statusLine();
                    }
                }
                case HEADERS -> {
                    if (line()) {
                        headerLine();
                    }
                }
                case BODY -> {
                    copyBody();
                    if (remaining == 0) {
                        state = State.DONE;
                    }
                }
                case CHUNK_SIZE -> {
                    if (line()) {
                        chunkSize();
                    }
                }
                case CHUNK_DATA -> {
                    copyBody();
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (line()) {
                        if (lineLength != 0) {
                            throw new MalformedResponseException("chunk longer than its size");
                        }
                        lineLength = 0;
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    if (line()) {
                        // trailers carry nothing a score needs; the empty line ends the response
                        if (lineLength == 0) {
                            state = State.DONE;
                        }
                        countHeaderLine();
                    }
                }
                case TO_END -> {
                    int n = limit - pos;
                    if (bodyLength + (long) n > MAX_BODY) {
                        throw new MalformedResponseException("response body over " + MAX_BODY + " bytes");
                    }
                    ensureBody(bodyLength + n);
                    System.arraycopy(data, pos, body, bodyLength, n);
                    pos += n;
                    bodyLength += n;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
    }

    /**
     * The server closed the connection: returns whether that completes the response (a body
     * without length or chunks ends with the connection).
     */
    boolean endOfInput() {
        if (state == State.TO_END) {
            state = State.DONE;
        }
        return state == State.DONE;
    }

    /** Whether any byte of this response arrived (a request that got nothing may be retried). */
    boolean started() {
        return started;
    }

    boolean complete() {
        return state == State.DONE;
    }

    int status() {
        return status;
    }

    /** The body (de-chunked); valid until the next {@link #reset()}. */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** Whether the connection may carry the next request. */
    boolean keepAlive() {
        return !close && (!http10 || keepAliveToken) && status != 101;
    }

    /** Accumulates a line; true when it is complete (without CR LF) in {@code line[0, lineLength)}. */
    private boolean line() throws MalformedResponseException {
        int start = pos;
        int end = start;
        while (end < limit && data[end] != '\n') {
            end++;
        }
        boolean complete = end < limit;
        int n = end - start;
        if (lineLength + n > MAX_LINE) {
            throw new MalformedResponseException("response line over " + MAX_LINE + " bytes");
        }
        if (lineLength + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(lineLength + n, line.length * 2));
        }
        System.arraycopy(data, start, line, lineLength, n);
        lineLength += n;
        pos = end;
        if (!complete) {
            return false;
        }
        pos++; // the LF
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return true;
    }

    private void statusLine() throws MalformedResponseException {
        if (lineLength == 0) {
            return; // an empty line before the status line is tolerated (RFC 9112 §2.2)
        }
        // HTTP/1.x SSS[ reason]
        if (lineLength < 12 || !startsWith("HTTP/1.") || line[8] != ' ' || !digit(line[9]) || !digit(line[10])
                || !digit(line[11]) || lineLength > 12 && line[12] != ' ') {
            throw new MalformedResponseException("not an HTTP/1.x status line");
        }
        http10 = line[7] == '0';
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        countHeaderLine();
        state = State.HEADERS;
    }

    private void headerLine() throws MalformedResponseException {
        if (lineLength == 0) {
            endOfHeaders();
            return;
        }
        header();
        countHeaderLine();
    }

    private void header() throws MalformedResponseException {
        int colon = 0;
        while (colon < lineLength && line[colon] != ':') {
            colon++;
        }
        if (colon == lineLength || colon == 0) {
            return; // not a header (or an obsolete folded continuation): nothing framing-relevant in it
        }
        int from = colon + 1;
        int to = lineLength;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        if (nameIs(colon, CONTENT_LENGTH)) {
            long length = contentLength(from, to);
            if (contentLength >= 0 && contentLength != length) {
                throw new MalformedResponseException("two different Content-Length headers");
            }
            contentLength = length;
        } else if (nameIs(colon, TRANSFER_ENCODING)) {
            chunked |= containsToken(from, to, CHUNKED);
        } else if (nameIs(colon, CONNECTION)) {
            close |= containsToken(from, to, CLOSE);
            keepAliveToken |= containsToken(from, to, KEEP_ALIVE);
        }
    }

    private void endOfHeaders() throws MalformedResponseException {
        lineLength = 0;
        if (status / 100 == 1 && status != 101) {
            // an interim response (100 Continue, 103 Early Hints): the final one follows
            state = State.STATUS_LINE;
            startResponse();
            return;
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            if (contentLength > MAX_BODY) {
                throw new MalformedResponseException("response body of " + contentLength + " bytes");
            }
            ensureBody((int) contentLength);
            remaining = contentLength;
            state = remaining == 0 ? State.DONE : State.BODY;
        } else {
            // neither length nor chunks: the body ends with the connection, which cannot be reused
            close = true;
            state = State.TO_END;
        }
    }

    private void chunkSize() throws MalformedResponseException {
        int i = 0;
        while (i < lineLength && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        long size = 0;
        int digits = 0;
        for (; i < lineLength; i++, digits++) {
            int d = Character.digit(line[i], 16);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (size > MAX_BODY) {
                throw new MalformedResponseException("response body over " + MAX_BODY + " bytes");
            }
        }
        while (i < lineLength && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        if (digits == 0 || i < lineLength && line[i] != ';') {
            throw new MalformedResponseException("malformed chunk size");
        }
        lineLength = 0;
        if (size == 0) {
            state = State.TRAILERS;
            return;
        }
        if (bodyLength + size > MAX_BODY) {
            throw new MalformedResponseException("response body over " + MAX_BODY + " bytes");
        }
        ensureBody(bodyLength + (int) size);
        remaining = size;
        state = State.CHUNK_DATA;
    }

    private void copyBody() {
        int n = (int) Math.min(remaining, limit - pos);
        System.arraycopy(data, pos, body, bodyLength, n);
        pos += n;
        bodyLength += n;
        remaining -= n;
    }

    private void countHeaderLine() throws MalformedResponseException {
        headerBytes += lineLength + 2;
        lineLength = 0;
        if (headerBytes > MAX_HEADERS) {
            throw new MalformedResponseException("response headers over " + MAX_HEADERS + " bytes");
        }
    }

    private long contentLength(int from, int to) throws MalformedResponseException {
        if (from == to) {
            throw new MalformedResponseException("empty Content-Length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!digit(line[i])) {
                throw new MalformedResponseException("malformed Content-Length");
            }
            value = value * 10 + (line[i] - '0');
            if (value > Integer.MAX_VALUE) {
                throw new MalformedResponseException("response body over " + MAX_BODY + " bytes");
            }
        }
        return value;
    }

    private void ensureBody(int size) {
        if (size > body.length) {
            body = java.util.Arrays.copyOf(body, Math.max(size, body.length * 2));
        }
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameIs(int length, byte[] lowerName) {
        if (length != lowerName.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (lowerCase(line[i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated list in {@code line[from, to)} holds {@code token} (case-insensitive). */
    private boolean containsToken(int from, int to, byte[] token) {
        int i = from;
        while (i < to) {
            while (i < to && (line[i] == ' ' || line[i] == '\t' || line[i] == ',')) {
                i++;
            }
            int start = i;
            while (i < to && line[i] != ',') {
                i++;
            }
            int end = i;
            while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
                end--;
            }
            if (end - start == token.length) {
                boolean same = true;
                for (int k = 0; k < token.length && same; k++) {
                    same = lowerCase(line[start + k]) == token[k];
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte lowerCase(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static byte[] lower(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
