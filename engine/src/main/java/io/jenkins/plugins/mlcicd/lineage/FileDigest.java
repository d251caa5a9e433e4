package io.jenkins.plugins.mlcicd.lineage;

import java.util.Objects;

/**
 * The SHA-256 of one file's bytes and how many bytes it has.
 *
 * @param sha256 lower-case hex digest of the content, as {@code sha256sum} prints it
 * @param bytes  the file's size
 */
public record FileDigest(String sha256, long bytes) {
    public FileDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
    }
}
