package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.lineage.LogTail;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The training command's output as it arrives from the launcher: passed on to the build log as it
 * is, and kept line by line (decoded as UTF-8) in a {@link LogTail} so that a failed run's lineage
 * shows why. A line longer than {@link #MAX_LINE_BYTES} is handed over in pieces, so output without
 * newlines cannot fill the heap.
 */
final class OutputTail extends OutputStream {
    static final int MAX_LINE_BYTES = 16 * 1024;

    private final OutputStream log;
    private final LogTail tail;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    OutputTail(OutputStream log, LogTail tail) {
        this.log = log;
        this.tail = tail;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        log.write(b);
        keep(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        log.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            keep(bytes[i]);
        }
    }

    private void keep(int b) {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE_BYTES) {
            drain();
        }
    }

    private void drain() {
        if (line.size() > 0) {
            tail.append(LogTail.STDOUT, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        log.flush();
    }

    /** Hands over an unfinished last line; call once the command has ended. */
    synchronized void finish() {
        drain();
    }
}
