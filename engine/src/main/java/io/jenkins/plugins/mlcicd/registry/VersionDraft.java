package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to register as a new version; the registry adds the number and the time.
 *
 * @param model     the model's location and digest
 * @param metrics   its metrics (flattened names)
 * @param sourceUrl the build (or run) that produced it, e.g. Jenkins' {@code BUILD_URL}; may be null
 * @param createdBy who registered it (user or CI identity); may be null
 * @param lineage   the lineage record (code, data, params, environment); may be empty
 * @param localModel the model file or directory on this machine, for registries that keep the bytes
 *                   themselves (MLflow uploads it as a run artifact when {@code model.uri()} is not remote); may be null
 */
public record VersionDraft(ModelReference model, Map<String, Double> metrics, String sourceUrl, String createdBy, ObjectNode lineage,
        java.nio.file.Path localModel) {
    public VersionDraft(ModelReference model, Map<String, Double> metrics, String sourceUrl, String createdBy, ObjectNode lineage) {
        this(model, metrics, sourceUrl, createdBy, lineage, null);
    }

    public VersionDraft {
        Objects.requireNonNull(model, "model");
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        lineage = lineage == null ? null : lineage.deepCopy();
    }

    @Override
    public ObjectNode lineage() {
        return lineage == null ? null : lineage.deepCopy();
    }
}
