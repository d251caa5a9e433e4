package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a file through SHA-256: each byte is read once, through one reusable 1 MiB buffer,
 * so a file of any size costs constant memory. The JDK's SHA-256 uses the CPU's SHA extensions
 * (SHA-NI, via the {@code -XX:+UseSHA} intrinsics, on by default where the CPU has them), which
 * is what keeps this within reach of {@code sha256sum} (see {@code bench/hash}).
 *
 * <p>A heap buffer is used on purpose: {@link MessageDigest#update(ByteBuffer)} on a direct buffer
 * copies it into a heap array chunk by chunk anyway, while a heap buffer is digested in place.
 * Not thread-safe; create one per thread (it is cheap).
 */
public final class ContentHasher {
    static final int BUFFER_BYTES = 1 << 20;

    private final MessageDigest digest = newSha256();
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

    public FileDigest hash(Path file) {
        return hash(file, null);
    }

    /**
     * Like {@link #hash(Path)}, and feeds the same bytes to {@code companion} in the same pass (Jenkins
     * fingerprints files by MD5); the caller resets it before and reads it after.
     */
    public FileDigest hash(Path file, MessageDigest companion) {
        digest.reset();
        long total = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, read);
                if (companion != null) {
                    companion.update(buffer.array(), 0, read);
                }
                total += read;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return new FileDigest(HexFormat.of().formatHex(digest.digest()), total);
    }

    /** SHA-256 of bytes already in memory (manifests, small texts), as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
