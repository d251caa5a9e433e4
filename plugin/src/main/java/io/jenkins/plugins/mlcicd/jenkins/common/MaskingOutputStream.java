package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * Passes a child process's output on with every secret value replaced by {@value #MASK}, line by line,
 * as {@code withCredentials} masks a build log: a secret split over two writes is still found, because
 * a line is held until its end (or until it grows too long, see below) before it is searched.
 *
 * <p>Matching is on bytes, in the charset the values are encoded with (the engine writes UTF-8), so a
 * line is never decoded and a broken character cannot hide a value. The longest value is tried first
 * at each position, so a value that contains another is masked whole. Values shorter than
 * {@value #MIN_LENGTH} characters are not masked: they would mask ordinary text and so tell what they
 * are (the engine's own {@code Secrets.masked} draws the same line).
 *
 * <p>A line longer than {@value #MAX_LINE} bytes is passed on in parts; only the last
 * {@code longest value - 1} bytes are held back, which is where a value can still be incomplete.
 * {@link #flush()} passes on nothing that is still held; {@link #close()} passes on the rest and
 * flushes, but does not close the wrapped stream (it is the build log).
 */
public final class MaskingOutputStream extends OutputStream {
    public static final String MASK = "****";
    static final int MIN_LENGTH = 3;
    static final int MAX_LINE = 64 * 1024;

    private final OutputStream out;
    private final byte[][] secrets;
    private final byte[] mask;
    private final int longest;
    private final int maxLine;
    private byte[] line = new byte[256];
    private int count;

    /**
     * @param out     where the masked output goes
     * @param values  the secret values (nulls and values shorter than {@value #MIN_LENGTH} are ignored)
     * @param charset how the process encodes its output
     */
    public MaskingOutputStream(OutputStream out, Collection<String> values, Charset charset) {
        this(out, values, charset, MAX_LINE);
    }

    MaskingOutputStream(OutputStream out, Collection<String> values, Charset charset, int maxLine) {
        this.out = Objects.requireNonNull(out, "out");
        this.secrets = values.stream()
                .filter(Objects::nonNull)
                .filter(value -> value.length() >= MIN_LENGTH)
                .distinct()
                .map(value -> value.getBytes(charset))
                .sorted(Comparator.comparingInt((byte[] bytes) -> bytes.length).reversed())
                .toArray(byte[][]::new);
        this.mask = MASK.getBytes(charset);
        this.longest = secrets.length == 0 ? 0 : secrets[0].length;
        this.maxLine = Math.max(maxLine, 2 * longest);
    }

    /** Whether anything is masked at all (no values: the output passes unchanged). */
    public boolean masks() {
        return secrets.length > 0;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        append((byte) b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        for (int i = 0; i < length; i++) {
            append(bytes[offset + i]);
        }
    }

    private void append(byte b) throws IOException {
        if (secrets.length == 0) {
            out.write(b);
            return;
        }
        if (count == line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, 256), maxLine + 1));
        }
        line[count++] = b;
        if (b == '\n') {
            emit(count);
        } else if (count > maxLine) {
            emit(count - (longest - 1));
        }
    }

    /**
     * Masks and passes on the held bytes before {@code cut} (and a value that starts before it, whole),
     * keeping the rest. Every decision before {@code cut} is final: a value that would start there and
     * end after the held bytes would be longer than the longest value.
     */
    private void emit(int cut) throws IOException {
        int i = 0;
        int plainFrom = 0;
        while (i < cut) {
            byte[] found = matchAt(i);
            if (found == null) {
                i++;
            } else {
                out.write(line, plainFrom, i - plainFrom);
                out.write(mask);
                i += found.length;
                plainFrom = i;
            }
        }
        out.write(line, plainFrom, i - plainFrom);
        System.arraycopy(line, i, line, 0, count - i);
        count -= i;
    }

    private byte[] matchAt(int position) {
        for (byte[] secret : secrets) {
            if (position + secret.length <= count && Arrays.equals(line, position, position + secret.length, secret, 0, secret.length)) {
                return secret;
            }
        }
        return null;
    }

    /** Flushes the wrapped stream; a line still being written stays held (it may hold half a secret). */
    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Passes on what is held (a last line without a line break), masked, and flushes; the wrapped stream stays open. */
    @Override
    public synchronized void close() throws IOException {
        if (count > 0) {
            emit(count);
        }
        out.flush();
    }
}
