package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A training run to execute and record. Paths are as the user wrote them, relative to the
 * command's working directory (that is how they are recorded, so lineage does not depend on
 * where a workspace happens to live).
 *
 * @param command the training command
 * @param model   the model file (or directory) the command writes
 * @param metrics the metrics file (JSON, or YAML) the command writes
 * @param data    training inputs to hash (files or directories)
 * @param dataIds inputs identified by an external snapshot ID instead of hashing: name → ID
 * @param params  hyper-parameters to record, in the order given
 * @param python  the Python interpreter to describe in the environment (null: {@code python3})
 * @param code    the code version as the CI system knows it (SCM data); null to ask git in the working directory
 */
public record TrainingRequest(
        TrainingCommand command,
        String model,
        String metrics,
        List<String> data,
        Map<String, String> dataIds,
        Map<String, String> params,
        String python,
        CodeVersion code) {

    public TrainingRequest {
        Objects.requireNonNull(command, "command");
        requireText("model", model);
        requireText("metrics", metrics);
        data = List.copyOf(data == null ? List.of() : data);
        dataIds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dataIds == null ? Map.of() : dataIds));
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        python = python == null || python.isBlank() ? "python3" : python;
        for (String name : dataIds.keySet()) {
            if (data.contains(name)) {
                throw new BadInputException("data-id: '" + name + "' is also given as --data; give it one way");
            }
        }
    }

    Path resolve(String path) {
        return command.workDir().resolve(path).normalize();
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(field + ": required");
        }
    }
}
