package io.jenkins.plugins.mlcicd.registry;

import io.jenkins.plugins.mlcicd.input.Printable;
import java.util.regex.Pattern;

/**
 * Names the registries accept. Model names become directory names in the file registry, so they
 * are restricted to a portable, traversal-free set; aliases follow MLflow's rule that {@code latest}
 * and {@code v<digits>} are reserved (they would shadow version references).
 */
public final class RegistryNames {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    private static final Pattern RESERVED_ALIAS = Pattern.compile("(?i)latest|v\\d+");

    private RegistryNames() {
    }

    public static String requireModelName(String name) {
        if (name == null || !MODEL.matcher(name).matches() || name.contains("..")) {
            throw new RegistryException(RegistryException.Kind.INVALID, "model name " + Printable.quote(name)
                    + " is invalid: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /**
     * A name MLflow's registry accepts and this adapter can address: any printable text (spaces and
     * non-ASCII letters included; it travels URL-encoded in queries and as JSON in bodies) up to 256
     * characters, without quotes or backslashes (they would break MLflow's search filter syntax), '/'
     * (a path separator in artifact URIs; MLflow's file-based store refuses it, and '%', as
     * mlflow/store/model_registry/file_store.py says) or control characters. Stricter than MLflow's SQL
     * store: the recorded 2.22 and 3.6 servers (sqlite) refuse only the empty name
     * (src/test/resources/mlflow/&lt;version&gt;/name-rules.jsonl). A name a server refuses beyond these
     * rules gets MLflow's own message (HTTP 400), never a silent failure.
     */
    public static String requireMlflowModelName(String name) {
        if (name == null || name.isBlank() || name.length() > 256 || !name.strip().equals(name)
                || name.chars().anyMatch(c -> c == '\'' || c == '"' || c == '\\' || c == '/' || Character.isISOControl(c))) {
            throw new RegistryException(RegistryException.Kind.INVALID, "model name '" + name
                    + "' is invalid for MLflow: use 1-256 characters without quotes, backslashes, '/', control characters or surrounding spaces");
        }
        return name;
    }

    public static String requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new RegistryException(RegistryException.Kind.INVALID, "alias " + Printable.quote(alias)
                    + " is invalid: use 1-64 letters, digits, '_' or '-', starting with a letter or '_'");
        }
        if (RESERVED_ALIAS.matcher(alias).matches()) {
            throw new RegistryException(RegistryException.Kind.INVALID, "alias '" + alias
                    + "' is reserved ('latest' and 'v<number>' refer to versions)");
        }
        return alias;
    }
}
