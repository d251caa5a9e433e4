package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to say where a model came from: the kind-specific fields of a
 * {@code training} result document.
 *
 * @param code        the code commit, or why there is none
 * @param data        snapshot of every input, in the order given
 * @param params      hyper-parameters as the user passed them
 * @param environment machine, runtimes and packages
 * @param metrics     the trainer's metrics, flattened; empty when the run produced none
 * @param model       the model's digest; null when the run produced no model
 * @param command     the command line as given
 * @param exitCode    the command's exit code; null when it could not be started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineageRecord(
        CodeVersion code,
        List<DataSnapshot> data,
        Map<String, String> params,
        RuntimeEnvironment environment,
        Map<String, Double> metrics,
        ModelArtifact model,
        String command,
        Integer exitCode) {

    public LineageRecord {
        data = List.copyOf(data);
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
