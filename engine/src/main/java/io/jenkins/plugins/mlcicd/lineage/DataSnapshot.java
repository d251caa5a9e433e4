package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The identity of one training input: a digest of its content (never of names or times), or an
 * ID the user's data-versioning system gave it (lakeFS commit, Delta version, DVC md5).
 *
 * @param path       the path as the user gave it (for an external ID: the name given to it)
 * @param snapshotId {@code sha256:<hex>} for hashed content, or the external ID as given
 * @param sha256     hex digest: of the file's bytes, or of a directory's manifest (see {@link DataSnapshots}); absent for external IDs
 * @param bytes      total size of the content hashed; absent for external IDs
 * @param files      number of files hashed (1 for a file); absent for external IDs
 * @param source     {@code file}, {@code directory} or {@code external}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSnapshot(String path, String snapshotId, String sha256, Long bytes, Integer files, String source) {
    public static final String FILE = "file";
    public static final String DIRECTORY = "directory";
    public static final String EXTERNAL = "external";

    public DataSnapshot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(source, "source");
    }

    public static DataSnapshot external(String name, String id) {
        return new DataSnapshot(name, id, null, null, null, EXTERNAL);
    }
}
