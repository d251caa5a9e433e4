package io.jenkins.plugins.mlcicd.shadow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking keep-alive HTTP/1.1 connection of a model's event loop, driven by the loop's
 * thread only: it sends one request at a time, reads the response as it arrives and turns it into
 * an {@link Answer}; after a failure, {@code Connection: close} or a body delimited by the close it
 * opens a fresh connection for the next request.
 *
 * <p>Hand-written rather than {@code java.net.http.HttpClient} because a load test needs what that
 * client hides: which failure happened (connect, reset, timeout), a deadline for the whole
 * exchange, and no per-request allocation or thread hand-off. The request is written into a reused
 * direct buffer; the loop's one direct read buffer is shared by its connections, since the parser
 * copies out what it keeps.
 */
final class Http1Channel {
    /** Requests larger than this are written from a heap buffer made for them, not kept per connection. */
    private static final int MAX_KEPT_REQUEST = 64 * 1024;
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private enum State { IDLE, CONNECTING, SENDING, RECEIVING }

    private final Endpoint endpoint;
    private final byte[] head;
    private final long timeoutNanos;
    private final ScoreExtractor extractor;
    private final Selector selector;
    private final ByteBuffer in;
    private final byte[] bytes;
    private final Http1ResponseParser parser = new Http1ResponseParser();
    private ByteBuffer out = ByteBuffer.allocateDirect(1024);
    private ByteBuffer request;
    private SocketChannel channel;
    private SelectionKey key;
    private State state = State.IDLE;
    private int exchanges;
    private PendingPair pair;
    private long startNanos;
    private long deadlineNanos;
    private boolean reused;
    private boolean retried;

    /**
     * @param head the request line and headers up to the Content-Length value
     * @param in    the loop's read buffer, shared by its connections
     * @param bytes the loop's array as large as {@code in}, what the parser reads
     */
    Http1Channel(Endpoint endpoint, byte[] head, long timeoutNanos, ScoreExtractor extractor, Selector selector,
            ByteBuffer in, byte[] bytes) {
        this.endpoint = endpoint;
        this.head = head;
        this.timeoutNanos = timeoutNanos;
        this.extractor = extractor;
        this.selector = selector;
        this.in = in;
        this.bytes = bytes;
    }

    boolean busy() {
        return state != State.IDLE;
    }

    /** The request in flight, or null. */
    PendingPair pair() {
        return pair;
    }

    /** When the request in flight times out. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /**
     * Starts sending {@code pair}'s body; its latency counts from {@code startNanos}, its deadline
     * from {@code nowNanos}. Returns the answer when the exchange already ended (a refused
     * connection), else null: the loop calls {@link #ready} when the connection is.
     */
    Answer send(PendingPair pair, long startNanos, long nowNanos) {
        this.pair = pair;
        this.startNanos = startNanos;
        this.deadlineNanos = nowNanos + timeoutNanos;
        this.retried = false;
        fillRequest(pair.request.body());
        parser.reset();
        if (channel == null) {
            return connect();
        }
        reused = exchanges > 0;
        return write();
    }

    private void fillRequest(byte[] body) {
        int size = head.length + 10 + CRLF_CRLF.length + body.length;
        ByteBuffer buffer;
        if (size <= out.capacity()) {
            buffer = out;
        } else if (size <= MAX_KEPT_REQUEST) {
            out = ByteBuffer.allocateDirect(Integer.highestOneBit(size - 1) << 1);
            buffer = out;
        } else {
            buffer = ByteBuffer.allocate(size);
        }
        buffer.clear();
        buffer.put(head);
        putDecimal(buffer, body.length);
        buffer.put(CRLF_CRLF).put(body).flip();
        request = buffer;
    }

    private static void putDecimal(ByteBuffer buffer, int value) {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10) {
            digits++;
        }
        int at = buffer.position() + digits;
        for (int v = value, i = at - 1; i >= buffer.position(); i--, v /= 10) {
            buffer.put(i, (byte) ('0' + v % 10));
        }
        buffer.position(at);
    }

    private Answer connect() {
        reused = false;
        exchanges = 0;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            // resolved per connection, as a browser does; the JVM caches the lookup
            boolean connected = channel.connect(new InetSocketAddress(endpoint.host(), endpoint.port()));
            key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (connected) {
                return write();
            }
            state = State.CONNECTING;
            return null;
        } catch (IOException | RuntimeException e) {
            // refused, unreachable, unresolved host (UnresolvedAddressException), no file descriptors left
            return failed(ErrorKind.CONNECT, false);
        }
    }

    /** The selector says the connection is ready for {@code readyOps}. */
    Answer ready(int readyOps) {
        switch (state) {
            case IDLE -> {
                // bytes or the end on a connection without a request: the server closed it or
                // broke the protocol; either way it is not reused
                closeChannel();
                return null;
            }
            case CONNECTING -> {
                if ((readyOps & SelectionKey.OP_CONNECT) == 0) {
                    return null;
                }
                try {
                    if (!channel.finishConnect()) {
                        return null;
                    }
                } catch (IOException e) {
                    return failed(ErrorKind.CONNECT, false);
                }
                key.interestOps(SelectionKey.OP_READ);
                return write();
            }
            default -> {
                if ((readyOps & SelectionKey.OP_READ) != 0) {
                    Answer answer = read();
                    if (answer != null || state == State.IDLE || (readyOps & SelectionKey.OP_WRITE) == 0) {
                        return answer;
                    }
                }
                return (readyOps & SelectionKey.OP_WRITE) != 0 && state == State.SENDING ? write() : null;
            }
        }
    }

    private Answer write() {
        try {
            channel.write(request);
        } catch (IOException e) {
            // a keep-alive connection the server closed while idle fails here: once more on a fresh one
            return failed(ErrorKind.RESET, reused);
        }
        if (request.hasRemaining()) {
            state = State.SENDING;
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            if (state == State.SENDING) {
                key.interestOps(SelectionKey.OP_READ);
            }
            state = State.RECEIVING;
        }
        return null;
    }

    private Answer read() {
        while (true) {
            int n;
            try {
                n = channel.read(in);
            } catch (IOException e) {
                return failed(ErrorKind.RESET, reused && !parser.started());
            }
            if (n < 0) {
                if (parser.endOfInput()) {
                    return answered(false);
                }
                // a keep-alive connection the server closed while idle ends before any byte arrives
                return failed(ErrorKind.RESET, reused && !parser.started());
            }
            if (n == 0) {
                return null;
            }
            // one bulk copy out of the direct buffer, then the parser works on a plain array
            in.flip();
            in.get(bytes, 0, n);
            in.clear();
            int end;
            try {
                end = parser.feed(bytes, 0, n);
            } catch (Http1ResponseParser.MalformedResponseException e) {
                return failed(ErrorKind.UNPARSABLE, false);
            }
            // bytes after the response were not asked for (no pipelining): the framing cannot be trusted
            boolean clean = end == n;
            boolean filled = n == in.capacity();
            if (parser.complete()) {
                return answered(clean && state == State.RECEIVING);
            }
            if (!filled) {
                // the rest comes with the next readiness; a read now would only return 0
                return null;
            }
        }
    }

    private Answer answered(boolean reusable) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        int status = parser.status();
        Answer answer = status / 100 != 2 ? Answer.failed(ErrorKind.ofStatus(status), micros)
                : extractor.read(parser.body(), parser.bodyLength(), micros);
        if (reusable && parser.keepAlive()) {
            exchanges++;
        } else {
            closeChannel();
        }
        return finish(answer);
    }

    private Answer failed(ErrorKind kind, boolean retryable) {
        closeChannel();
        if (retryable && !retried && System.nanoTime() - deadlineNanos < 0) {
            retried = true;
            request.rewind();
            parser.reset();
            return connect();
        }
        return finish(Answer.failed(kind, (System.nanoTime() - startNanos) / 1000));
    }

    /** Ends the exchange as a timeout (a connect timeout while connecting) when past its deadline. */
    Answer expire(long nowNanos) {
        if (state == State.IDLE || nowNanos - deadlineNanos < 0) {
            return null;
        }
        ErrorKind kind = state == State.CONNECTING ? ErrorKind.CONNECT : ErrorKind.TIMEOUT;
        closeChannel();
        return finish(Answer.failed(kind, (System.nanoTime() - startNanos) / 1000));
    }

    private Answer finish(Answer answer) {
        state = State.IDLE;
        pair = null;
        request = null;
        return answer;
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a failed connection: nothing left to do
            }
            channel = null;
        }
        state = State.IDLE;
    }

    /** Closes the connection (the run ends). */
    void close() {
        closeChannel();
        pair = null;
    }
}
