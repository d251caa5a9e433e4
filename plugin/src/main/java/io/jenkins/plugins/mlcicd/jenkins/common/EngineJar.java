package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One jar of the engine's class path, named by its content; what the agent learns about it.
 *
 * @param fileName the name it has on the agent (the controller's file name, e.g. {@code picocli-4.7.7.jar})
 * @param sha256   lower-case hex SHA-256 of its bytes: its directory in the agent's cache
 * @param size     its length in bytes
 */
public record EngineJar(String fileName, String sha256, long size) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*\\.jar");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public EngineJar {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        // Both become path segments on the agent: nothing that could climb out of the cache directory.
        if (!SAFE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a plain jar file name: " + fileName);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }

    /** {@code <sha256>/<fileName>}, relative to the agent's cache directory. */
    public String cachePath() {
        return sha256 + "/" + fileName;
    }
}
