package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.registry.RegistryNames;

/**
 * {@code registry: [name: 'fraud-model', alias: 'candidate', modelUri: 's3://...']}: the registered
 * model the trained version is added to.
 *
 * @param name     registered model name
 * @param alias    alias to point at the new version (e.g. {@code candidate}), or null
 * @param modelUri where the model's bytes are kept; null: the build's artifact URL of the model path
 */
public record RegistryTarget(String name, String alias, String modelUri) implements java.io.Serializable {
    public RegistryTarget {
        try {
            RegistryNames.requireModelName(name);
            if (alias != null) {
                RegistryNames.requireAlias(alias);
            }
        } catch (RegistryException e) {
            throw new BadInputException("registry: " + e.getMessage(), e);
        }
        if (modelUri != null && modelUri.isBlank()) {
            modelUri = null;
        }
    }

    /**
     * Where the registry says the model's bytes are: the given URI, else the model as an artifact of
     * the build ({@code <build url>artifact/<model path>}: archive it with {@code archiveArtifacts}).
     */
    public String modelUriFor(String buildUrl, String modelPath) {
        if (modelUri != null) {
            return modelUri;
        }
        String base = buildUrl.endsWith("/") ? buildUrl : buildUrl + "/";
        String path = modelPath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return base + "artifact/" + path;
    }
}
