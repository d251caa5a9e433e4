package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.MlflowAuth;
import io.jenkins.plugins.mlcicd.registry.MlflowModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which registry to use: {@code --registry DIR} (file registry) or {@code --mlflow URL}. MLflow
 * credentials are read as MLflow's own clients read them, through {@link Secrets} (the engine's
 * secrets file, then the environment), never from an argument (arguments show in {@code ps}): a bearer
 * token ({@code MLFLOW_TRACKING_TOKEN}) or HTTP Basic ({@code MLFLOW_TRACKING_USERNAME} and
 * {@code MLFLOW_TRACKING_PASSWORD}, for {@code mlflow server --app-name basic-auth}).
 */
final class RegistryOptions {
    static final String DEFAULT_TOKEN_ENV = "MLFLOW_TRACKING_TOKEN";
    static final String USERNAME_ENV = "MLFLOW_TRACKING_USERNAME";
    static final String PASSWORD_ENV = "MLFLOW_TRACKING_PASSWORD";

    static final class Location {
        @Option(names = "--registry", paramLabel = "DIR", description = "File registry directory (local or shared).")
        Path directory;

        @Option(names = "--mlflow", paramLabel = "URL", description = "MLflow tracking server, e.g. https://mlflow.example.com.")
        String mlflow;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Location location;

    @Option(names = "--token-env", paramLabel = "VAR", defaultValue = DEFAULT_TOKEN_ENV,
            description = "Environment variable holding the MLflow bearer token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--mlflow-experiment", paramLabel = "NAME",
            description = "MLflow experiment for training runs (default: the registered model's name).")
    String experiment;

    boolean isSet() {
        return location != null;
    }

    ModelRegistry open() {
        if (location == null) {
            throw new RegistryException(RegistryException.Kind.INVALID, "no registry: give --registry DIR or --mlflow URL");
        }
        if (location.directory != null) {
            return new FileModelRegistry(location.directory);
        }
        URI uri;
        try {
            uri = new URI(location.mlflow);
        } catch (URISyntaxException e) {
            throw new RegistryException(RegistryException.Kind.INVALID, "--mlflow: '" + location.mlflow + "' is not a URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new RegistryException(RegistryException.Kind.INVALID, "--mlflow: '" + location.mlflow + "' is not an http(s) URL");
        }
        return new MlflowModelRegistry(uri, auth(Secrets.fromEnvironment())).inExperiment(experiment);
    }

    /** Token when set, else user name and password when set, else none (read lazily, at each request). */
    MlflowAuth auth(Secrets secrets) {
        if (secrets.find(tokenEnv).filter(t -> !t.isBlank()).isPresent()) {
            String variable = tokenEnv;
            return MlflowAuth.bearer(() -> secrets.find(variable).orElse(null));
        }
        if (secrets.find(USERNAME_ENV).filter(u -> !u.isBlank()).isPresent()) {
            return MlflowAuth.basic(() -> secrets.find(USERNAME_ENV).orElse(null), () -> secrets.find(PASSWORD_ENV).orElse(null));
        }
        return MlflowAuth.none();
    }

    /**
     * For a file registry that will be written (train --name): it must be a directory (or not exist yet
     * below a writable one) that this process can write — checked before an hour of training, not after.
     */
    void requireWritableDirectory() {
        if (location == null || location.directory == null) {
            return;
        }
        java.nio.file.Path dir = location.directory.toAbsolutePath().normalize();
        java.nio.file.Path existing = dir;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !java.nio.file.Files.isDirectory(existing)) {
            throw new RegistryException(RegistryException.Kind.INVALID, "--registry " + location.directory + ": "
                    + (existing == null ? "no existing directory above it" : existing + " is not a directory"));
        }
        if (!java.nio.file.Files.isWritable(existing)) {
            throw new RegistryException(RegistryException.Kind.INVALID, "--registry " + location.directory + ": cannot write "
                    + existing + ": permission denied");
        }
    }

    /** Prints a registry failure as one line (with a hint for authentication) and returns exit code 2. */
    int fail(PrintWriter err, RegistryException e) {
        String hint = "";
        if (e.kind() == RegistryException.Kind.AUTH && location != null && location.mlflow != null) {
            Secrets secrets = Secrets.fromEnvironment();
            if (secrets.find(tokenEnv).isPresent()) {
                hint = " (the token is read from $" + tokenEnv + ")";
            } else if (secrets.find(USERNAME_ENV).isPresent()) {
                hint = " (the user name and password are read from $" + USERNAME_ENV + " and $" + PASSWORD_ENV + ")";
            } else {
                hint = " (the token is read from $" + tokenEnv + ", which is not set; for HTTP Basic set $" + USERNAME_ENV
                        + " and $" + PASSWORD_ENV + ")";
            }
        }
        err.println("mlcicd: " + e.getMessage() + hint);
        err.flush();
        return Main.EXIT_BAD_INPUT;
    }

    static String defaultActor() {
        String user = System.getenv("BUILD_USER_ID");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name", "unknown");
        }
        return user;
    }
}
