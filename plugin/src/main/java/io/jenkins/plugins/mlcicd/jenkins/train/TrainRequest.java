package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mlTrain}'s own parameters, converted and checked, as either front end received them.
 *
 * @param command  the training command line, run by a shell on the agent ({@code sh -c} / {@code cmd /c})
 * @param model    workspace path of the model file (or directory) the command writes
 * @param metrics  workspace path of the metrics file (JSON, or YAML) the command writes
 * @param data     workspace paths of training inputs to hash (files or directories)
 * @param dataIds  inputs identified by an external snapshot ID instead of hashing: name → ID
 * @param params   hyper-parameters to record, in the order given
 * @param registry where to register the model, or null not to
 * @param timeout  kill the command after this long; null for no limit
 * @param python   the interpreter described in the environment (version, pip freeze digest)
 */
public record TrainRequest(String command, String model, String metrics, List<String> data, Map<String, String> dataIds,
        Map<String, String> params, RegistryTarget registry, Duration timeout, String python) {
    public static final String DEFAULT_PYTHON = "python3";

    public TrainRequest {
        data = List.copyOf(data == null ? List.of() : data);
        dataIds = Collections.unmodifiableMap(new LinkedHashMap<>(dataIds == null ? Map.of() : dataIds));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        python = python == null || python.isBlank() ? DEFAULT_PYTHON : python.strip();
    }

    /** Checks what can be checked before anything runs; the message names the parameter. */
    public TrainRequest validated(String functionName) {
        require(functionName, "command", command, "the training command, e.g. 'python train.py'");
        require(functionName, "model", model, "workspace path of the model the command writes");
        require(functionName, "metrics", metrics, "workspace path of the metrics JSON the command writes");
        for (String path : data) {
            if (path.isBlank()) {
                throw new BadInputException(functionName + ": data: an empty path");
            }
        }
        for (String name : dataIds.keySet()) {
            if (data.contains(name)) {
                throw new BadInputException(functionName + ": dataIds: '" + name + "' is also in data; give it one way");
            }
        }
        return this;
    }

    private static void require(String functionName, String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BadInputException(functionName + ": " + field + ": required (" + what + ")");
        }
    }
}
