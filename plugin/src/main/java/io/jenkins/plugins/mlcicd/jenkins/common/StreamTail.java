package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a child process's output on (to the build log) and keeps its last bytes, so that the step
 * can quote the engine's one-line error. Closing it flushes but does not close the log.
 */
public final class StreamTail extends OutputStream {
    private final OutputStream log;
    private final byte[] ring;
    private long written;

    public StreamTail(OutputStream log, int keep) {
        if (keep <= 0) {
            throw new IllegalArgumentException("keep must be positive");
        }
        this.log = log;
        this.ring = new byte[keep];
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        ring[(int) (written++ % ring.length)] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        log.write(bytes, offset, length);
        for (int i = 0; i < length; i++) {
            ring[(int) (written++ % ring.length)] = bytes[offset + i];
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The last bytes written (at most the size given), as UTF-8; a character cut at the start is replaced. */
    public synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] tail = new byte[kept];
        int start = (int) ((written - kept) % ring.length);
        for (int i = 0; i < kept; i++) {
            tail[i] = ring[(start + i) % ring.length];
        }
        return new String(tail, StandardCharsets.UTF_8);
    }
}
