package io.jenkins.plugins.mlcicd.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Bytes written by a nested command, passed on to the outer command's console writer. */
final class ConsoleOutputStream extends OutputStream {
    private final PrintWriter target;

    ConsoleOutputStream(PrintWriter target) {
        this.target = target;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        target.flush();
    }
}
