package io.jenkins.plugins.mlcicd.registry;

import java.util.Objects;

/**
 * Where a model's bytes are and what they are. The registry holds this reference, never the bytes.
 *
 * @param uri    location as the user keeps it: a path, a build-artifact URL, {@code s3://...}
 * @param sha256 SHA-256 of the model (hex), so whoever fetches it can verify it
 * @param bytes  size of the model
 */
public record ModelReference(String uri, String sha256, long bytes) {
    public ModelReference {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sha256, "sha256");
    }
}
