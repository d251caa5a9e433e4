package io.jenkins.plugins.mlcicd.shadow;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to a model server, used by one worker thread at a time.
 *
 * <p>Hand-written rather than {@code java.net.http.HttpClient} because a load test needs what that
 * client hides: which failure happened (connect, reset, timeout), a deadline for the whole response
 * (not only between bytes), and no per-request allocation beyond the body. Each worker owns its
 * connection, so requests to one model never wait behind the other model's.
 */
final class Http1Connection implements Closeable {
    /** Responses larger than this are cut off as unparsable: a score does not need megabytes. */
    static final int MAX_BODY = 16 << 20;

    /** Thrown for a failure with its kind. */
    static final class ExchangeException extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ErrorKind kind;
        /** Whether the request may be retried on a fresh connection (a stale keep-alive connection). */
        final boolean retryable;

        ExchangeException(ErrorKind kind, boolean retryable, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.retryable = retryable;
        }
    }

    private final Endpoint endpoint;
    private final byte[] head;
    private final int connectTimeoutMs;
    /** Volatile: {@link #abort()} closes it from the thread that stops the run. */
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;
    private int exchanges;
    private final byte[] buffer = new byte[16 * 1024];
    private final Object expiry = new Object();
    private long deadline;
    private boolean inExchange;
    private volatile boolean expired;
    private int pos;
    private int limit;
    private byte[] body = new byte[4 * 1024];
    private int bodyLength;
    private int status;

    Http1Connection(Endpoint endpoint, byte[] head, int connectTimeoutMs) {
        this.endpoint = endpoint;
        this.head = head;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /**
     * Sends one POST and reads the whole response before {@code deadlineNanos}; on return
     * {@link #status()} and {@link #body()} hold the response.
     */
    void exchange(byte[] requestBody, long deadlineNanos) throws ExchangeException {
        boolean reused = socket != null;
        if (!reused) {
            connect(deadlineNanos);
        }
        synchronized (expiry) {
            expired = false;
            deadline = deadlineNanos;
            inExchange = true;
        }
        try {
            exchangeOnOpenSocket(requestBody, deadlineNanos, reused);
        } finally {
            synchronized (expiry) {
                inExchange = false;
            }
        }
    }

    /**
     * Called by the run's reaper thread: closes the socket of an exchange past its deadline, so
     * that the worker's blocked read ends as a timeout. Reads carry no socket timeout of their own
     * because a timed read costs the JDK a poll and two reads where a blocking read costs one.
     */
    void expire(long nowNanos) {
        synchronized (expiry) {
            if (inExchange && !expired && nowNanos - deadline >= 0) {
                expired = true;
                abort();
            }
        }
    }

    private void exchangeOnOpenSocket(byte[] requestBody, long deadlineNanos, boolean reused) throws ExchangeException {
        try {
            byte[] length = Integer.toString(requestBody.length).getBytes(StandardCharsets.ISO_8859_1);
            out.write(head);
            out.write(length);
            out.write(CRLF_CRLF);
            out.write(requestBody);
            out.flush();
        } catch (IOException e) {
            close();
            if (expired) {
                throw new ExchangeException(ErrorKind.TIMEOUT, false, "request not sent within the timeout");
            }
            throw new ExchangeException(ErrorKind.RESET, reused, "write failed: " + e.getMessage());
        }
        boolean keepAlive;
        try {
            keepAlive = readResponse(deadlineNanos, reused);
        } catch (ExchangeException e) {
            close();
            throw e;
        }
        exchanges++;
        if (!keepAlive) {
            close();
        }
    }

    private void connect(long deadlineNanos) throws ExchangeException {
        Socket s = new Socket();
        try {
            int remaining = remainingMillis(deadlineNanos);
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), Math.max(1, Math.min(remaining, connectTimeoutMs)));
            socket = s;
            in = s.getInputStream();
            out = new java.io.BufferedOutputStream(s.getOutputStream(), 8 * 1024);
            pos = 0;
            limit = 0;
            exchanges = 0;
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new ExchangeException(ErrorKind.CONNECT, false, "connect timed out");
        } catch (IOException e) {
            closeQuietly(s);
            throw new ExchangeException(ErrorKind.CONNECT, false, "connect failed: " + e.getMessage());
        }
    }

    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    /** Reads status line, headers and body; returns whether the connection stays open. */
    private boolean readResponse(long deadlineNanos, boolean reused) throws ExchangeException {
        boolean nothingRead = true;
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String line;
        try {
            do {
                line = readLine(deadlineNanos);
                nothingRead = false;
            } while (line.isEmpty());
            status = parseStatus(line);
            if (line.startsWith("HTTP/1.0")) {
                close = true;
            }
            while (!(line = readLine(deadlineNanos)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close") || close && !value.equalsIgnoreCase("keep-alive");
                }
            }
            bodyLength = 0;
            if (status / 100 == 1 || status == 204 || status == 304) {
                return !close;
            }
            if (chunked) {
                readChunked(deadlineNanos);
            } else if (contentLength >= 0) {
                if (contentLength > MAX_BODY) {
                    throw new ExchangeException(ErrorKind.UNPARSABLE, false, "response body of " + contentLength + " bytes");
                }
                readBody((int) contentLength, deadlineNanos);
            } else {
                readToEnd(deadlineNanos);
                return false;
            }
            return !close;
        } catch (SocketTimeoutException e) {
            throw new ExchangeException(ErrorKind.TIMEOUT, false, "no response within the timeout");
        } catch (EOFException e) {
            if (expired) {
                throw new ExchangeException(ErrorKind.TIMEOUT, false, "no response within the timeout");
            }
            // A keep-alive connection the server closed while idle fails before any byte arrives.
            throw new ExchangeException(ErrorKind.RESET, reused && nothingRead, "connection closed before the whole response");
        } catch (NumberFormatException e) {
            throw new ExchangeException(ErrorKind.UNPARSABLE, false, "malformed HTTP response: " + e.getMessage());
        } catch (IOException e) {
            if (expired || isTimeout(deadlineNanos)) {
                throw new ExchangeException(ErrorKind.TIMEOUT, false, "no response within the timeout");
            }
            throw new ExchangeException(ErrorKind.RESET, reused && nothingRead, "connection reset: " + e.getMessage());
        }
    }

    private static boolean isTimeout(long deadlineNanos) {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    private static int parseStatus(String line) throws IOException {
        if (!line.startsWith("HTTP/") || line.length() < 12) {
            throw new IOException("not an HTTP status line");
        }
        return Integer.parseInt(line.substring(9, 12));
    }

    private void readChunked(long deadlineNanos) throws IOException, ExchangeException {
        while (true) {
            String sizeLine = readLine(deadlineNanos);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(deadlineNanos).isEmpty()) {
                    // trailers are of no use here
                }
                return;
            }
            if (bodyLength + (long) size > MAX_BODY) {
                throw new ExchangeException(ErrorKind.UNPARSABLE, false, "response body over " + MAX_BODY + " bytes");
            }
            appendBody(size, deadlineNanos);
            readLine(deadlineNanos);
        }
    }

    private void readBody(int length, long deadlineNanos) throws IOException {
        appendBody(length, deadlineNanos);
    }

    private void appendBody(int length, long deadlineNanos) throws IOException {
        ensureBody(bodyLength + length);
        int remaining = length;
        while (remaining > 0) {
            if (pos == limit) {
                fill(deadlineNanos);
            }
            int n = Math.min(remaining, limit - pos);
            System.arraycopy(buffer, pos, body, bodyLength, n);
            pos += n;
            bodyLength += n;
            remaining -= n;
        }
    }

    private void readToEnd(long deadlineNanos) throws IOException, ExchangeException {
        while (true) {
            if (pos == limit) {
                try {
                    fill(deadlineNanos);
                } catch (EOFException e) {
                    return;
                }
            }
            int n = limit - pos;
            if (bodyLength + (long) n > MAX_BODY) {
                throw new ExchangeException(ErrorKind.UNPARSABLE, false, "response body over " + MAX_BODY + " bytes");
            }
            ensureBody(bodyLength + n);
            System.arraycopy(buffer, pos, body, bodyLength, n);
            bodyLength += n;
            pos = limit;
        }
    }

    private void ensureBody(int size) {
        if (size > body.length) {
            body = java.util.Arrays.copyOf(body, Math.max(size, body.length * 2));
        }
    }

    /** A header line without its CRLF (ISO-8859-1; HTTP header text is ASCII). */
    private String readLine(long deadlineNanos) throws IOException {
        StringBuilder line = null;
        while (true) {
            if (pos == limit) {
                fill(deadlineNanos);
            }
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > pos && buffer[i - 1] == '\r' ? i - 1 : i;
                    String part = new String(buffer, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    if (line == null) {
                        return part;
                    }
                    line.append(part);
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(new String(buffer, pos, limit - pos, StandardCharsets.ISO_8859_1));
            pos = limit;
            if (line.length() > 64 * 1024) {
                throw new IOException("header line over 64 KiB");
            }
        }
    }

    private void fill(long deadlineNanos) throws IOException {
        if (expired || System.nanoTime() - deadlineNanos >= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException();
        }
        pos = 0;
        limit = n;
    }

    private static int remainingMillis(long deadlineNanos) {
        long nanos = deadlineNanos - System.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000));
    }

    /** Exchanges made on the current connection (0 right after connecting). */
    int exchanges() {
        return exchanges;
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            closeQuietly(s);
        }
    }

    /** Closes the socket from another thread, to abort a blocked exchange when the run stops. */
    void abort() {
        Socket s = socket;
        if (s != null) {
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a failed connection: nothing left to do
        }
    }
}
