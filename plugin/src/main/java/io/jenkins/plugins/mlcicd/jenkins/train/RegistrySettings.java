package io.jenkins.plugins.mlcicd.jenkins.train;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.MlflowAuth;
import io.jenkins.plugins.mlcicd.registry.MlflowModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The model registry as the global configuration describes it, checked and opened without Jenkins
 * types: the form validation and the build use the same checks.
 *
 * @param type          {@link #NONE}, {@link #FILE} or {@link #MLFLOW}
 * @param filePath      the file registry's directory on the controller
 * @param mlflowUrl     the MLflow tracking server
 * @param credentialsId the credential for MLflow: secret text (bearer token) or username/password (HTTP Basic); blank for none
 */
public record RegistrySettings(String type, String filePath, String mlflowUrl, String credentialsId) {
    public static final String NONE = "none";
    public static final String FILE = "file";
    public static final String MLFLOW = "mlflow";

    public RegistrySettings {
        type = type == null || type.isBlank() ? NONE : type.strip().toLowerCase(Locale.ROOT);
        filePath = blankToNull(filePath);
        mlflowUrl = blankToNull(mlflowUrl);
        credentialsId = blankToNull(credentialsId);
    }

    public boolean isConfigured() {
        return !NONE.equals(type);
    }

    /** Why the file path is unusable, or null. */
    public static String filePathProblem(String value) {
        if (value == null || value.isBlank()) {
            return "the registry's directory on the controller is required";
        }
        try {
            if (!toPath(value.strip()).isAbsolute()) {
                return "an absolute path on the controller, e.g. /var/lib/jenkins/ml-registry";
            }
        } catch (InvalidPathException e) {
            return "not a valid path: " + e.getMessage();
        }
        return null;
    }

    /** Why the MLflow URL is unusable, or null. */
    public static String mlflowUrlProblem(String value) {
        if (value == null || value.isBlank()) {
            return "the MLflow tracking server's URL is required, e.g. https://mlflow.example.com";
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https") || uri.getHost() == null) {
                return "an http(s) URL with a host, e.g. https://mlflow.example.com";
            }
            if (uri.getRawUserInfo() != null) {
                return "put no credentials in the URL; choose a secret-text or username/password credential instead";
            }
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
        return null;
    }

    /**
     * Opens the configured registry.
     *
     * @param token MLflow's bearer token when {@link #credentialsId} is set (resolved by the caller, which knows Jenkins' credentials)
     * @throws BadInputException when no registry is configured or the configuration is unusable
     */
    public ModelRegistry open(Supplier<String> token) {
        return openWith(MlflowAuth.bearer(token == null ? () -> null : token));
    }

    /**
     * Opens the configured registry.
     *
     * @param auth how to authenticate to MLflow (resolved by the caller from Jenkins' credentials); ignored for a file registry
     * @throws BadInputException when no registry is configured or the configuration is unusable
     */
    public ModelRegistry openWith(MlflowAuth auth) {
        return switch (type) {
            case FILE -> {
                String problem = filePathProblem(filePath);
                if (problem != null) {
                    throw new BadInputException("registry: file registry path: " + problem);
                }
                yield new FileModelRegistry(toPath(filePath));
            }
            case MLFLOW -> {
                String problem = mlflowUrlProblem(mlflowUrl);
                if (problem != null) {
                    throw new BadInputException("registry: MLflow URL: " + problem);
                }
                yield new MlflowModelRegistry(URI.create(mlflowUrl), auth == null ? MlflowAuth.none() : auth);
            }
            case NONE -> throw new BadInputException("registry: no model registry is configured; an administrator sets one under "
                    + "Manage Jenkins → System → ML CI/CD model registry");
            default -> throw new BadInputException("registry: unknown registry type '" + type + "'; use file or mlflow");
        };
    }

    /** An administrator's configured directory on the controller. */
    private static Path toPath(String value) {
        return Path.of(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
