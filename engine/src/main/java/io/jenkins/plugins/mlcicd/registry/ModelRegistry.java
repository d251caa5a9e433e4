package io.jenkins.plugins.mlcicd.registry;

import java.util.List;
import java.util.Map;

/**
 * The model registry port: immutable numbered versions per model name, and mutable aliases
 * ({@code champion}, {@code candidate}) whose every move is recorded with who and why.
 * Implementations: {@link FileModelRegistry} (embedded default) and {@link MlflowModelRegistry}.
 * Only metadata passes through a registry; model bytes stay where the user keeps them.
 * Every method throws {@link RegistryException} for failures the user can act on.
 */
public interface ModelRegistry {
    /** Registers a new version (creating the model on first use) and returns it with its number. */
    ModelVersion register(String name, VersionDraft draft);

    /** One version; {@link RegistryException.Kind#NOT_FOUND} when it does not exist. */
    ModelVersion get(String name, int version);

    /** All versions, oldest first; {@link RegistryException.Kind#NOT_FOUND} when the model does not exist. */
    List<ModelVersion> list(String name);

    /** Points {@code alias} at {@code version} (which must exist) and records the move. */
    AliasMove setAlias(String name, String alias, int version, Promotion why);

    /** Removes {@code alias} and records the removal; NOT_FOUND when it is not set. */
    AliasMove removeAlias(String name, String alias, Promotion why);

    /** Current aliases, alias → version, sorted by alias. */
    Map<String, Integer> aliases(String name);

    /** Every alias move, oldest first. */
    List<AliasMove> history(String name);

    /** Checks that {@code name} is a model name this registry accepts and returns it; INVALID otherwise. */
    default String requireName(String name) {
        return RegistryNames.requireModelName(name);
    }

    /** Where this registry is, for messages (a directory or a URL, never a credential). */
    String location();
}
