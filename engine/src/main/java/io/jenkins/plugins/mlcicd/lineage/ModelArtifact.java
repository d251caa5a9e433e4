package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The trained model's bytes, identified by digest. Its bytes stay where the user keeps them
 * (workspace, build artifacts, object storage); lineage and registry only hold this record.
 *
 * @param path   the path as given (relative to the working directory)
 * @param sha256 SHA-256 of the file (equal to {@code sha256sum}); for a model directory, of its manifest as for data
 * @param bytes  total size
 * @param files  number of files (1 for a single file)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelArtifact(String path, String sha256, long bytes, int files) {
    public ModelArtifact {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
