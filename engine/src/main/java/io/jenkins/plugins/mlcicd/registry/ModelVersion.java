package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable registered version of a model.
 *
 * @param name      the registered model's name
 * @param version   1, 2, 3, … without gaps
 * @param createdAt ISO-8601 instant of registration
 * @param createdBy who registered it, or null
 * @param sourceUrl the build that produced it, or null
 * @param model     where the bytes are and their digest
 * @param metrics   metrics at registration
 * @param lineage   lineage record, or null when the registry does not keep one
 * @param links     where the registry keeps more about the version, e.g. {@code run} → {@code runs:/<id>} and
 *                  {@code lineage} → the lineage artifact's URI in MLflow; null when there is nothing to point at
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersion(String name, int version, String createdAt, String createdBy, String sourceUrl,
        ModelReference model, Map<String, Double> metrics, ObjectNode lineage, Map<String, String> links) {
    public ModelVersion(String name, int version, String createdAt, String createdBy, String sourceUrl,
            ModelReference model, Map<String, Double> metrics, ObjectNode lineage) {
        this(name, version, createdAt, createdBy, sourceUrl, model, metrics, lineage, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public ModelVersion {
        links = links == null || links.isEmpty() ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(links));
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(model, "model");
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        lineage = lineage == null ? null : lineage.deepCopy();
    }

    @Override
    public ObjectNode lineage() {
        return lineage == null ? null : lineage.deepCopy();
    }
}
