package io.jenkins.plugins.mlcicd.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dataset's profile document ({@code mlcicd profile --out}): stored with a build, it is the
 * reference of a later validation ({@code --reference-profile}) without the old data.
 *
 * @param schema    {@value #SCHEMA}
 * @param source    where the data was read from (no credentials)
 * @param createdAt ISO-8601
 * @param rows      rows in the dataset
 * @param columns   one profile per column
 */
public record DataProfile(String schema, String source, String createdAt, long rows, List<ColumnProfile> columns) {
    public static final String SCHEMA = "mlcicd/data-profile/v1";

    public DataProfile {
        columns = List.copyOf(columns);
    }

    public ColumnProfile column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise profile", e);
        }
    }

    /** Reads a profile file; anything else (a result document, a contract) is bad input. */
    public static DataProfile read(Path file) {
        DataProfile profile = StructuredFiles.read(file, DataProfile.class);
        if (!SCHEMA.equals(profile.schema())) {
            throw new BadInputException(file + ": not a data profile (schema must be '" + SCHEMA + "', was '"
                    + profile.schema() + "')");
        }
        for (ColumnProfile c : profile.columns()) {
            if (c == null || c.name() == null || c.type() == null) {
                throw new BadInputException(file + ": every column needs a name and a type");
            }
            if (c.histogram() != null && c.histogram().counts().length != c.histogram().edges().length + 1) {
                throw new BadInputException(file + ": column " + c.name() + ": histogram needs one count more than edges");
            }
            ColumnProfile.Distribution d = c.distribution();
            if (d != null && d.values() != null && (d.counts() == null || d.counts().length != d.values().length)) {
                throw new BadInputException(file + ": column " + c.name() + ": distribution needs one count per value");
            }
        }
        Objects.requireNonNull(profile.columns());
        return profile;
    }
}
