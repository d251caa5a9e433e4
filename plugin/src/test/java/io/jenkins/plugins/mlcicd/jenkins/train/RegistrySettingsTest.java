package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.MlflowModelRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySettingsTest {
    @TempDir
    Path dir;

    @Test
    void filePathMustBeAbsolute() {
        assertThat(RegistrySettings.filePathProblem(dir.toString())).isNull();
        assertThat(RegistrySettings.filePathProblem("registry")).startsWith("an absolute path on the controller");
        assertThat(RegistrySettings.filePathProblem(" ")).isEqualTo("the registry's directory on the controller is required");
    }

    @Test
    void mlflowUrlIsHttpWithoutCredentials() {
        assertThat(RegistrySettings.mlflowUrlProblem("https://mlflow.example.com")).isNull();
        assertThat(RegistrySettings.mlflowUrlProblem("http://127.0.0.1:5000/")).isNull();
        assertThat(RegistrySettings.mlflowUrlProblem("ftp://mlflow")).startsWith("an http(s) URL");
        assertThat(RegistrySettings.mlflowUrlProblem("https://u:p@mlflow.example.com")).startsWith("put no credentials in the URL");
        assertThat(RegistrySettings.mlflowUrlProblem("https://exa mple")).startsWith("not a URL");
    }

    @Test
    void opensTheConfiguredRegistry() {
        assertThat(new RegistrySettings("file", dir.toString(), null, null).open(null)).isInstanceOf(FileModelRegistry.class);
        assertThat(new RegistrySettings("MLflow", null, "https://mlflow.example.com", null).open(() -> "t"))
                .isInstanceOf(MlflowModelRegistry.class);
        assertThat(new RegistrySettings("mlflow", null, "https://mlflow.example.com", "id")
                .openWith(io.jenkins.plugins.mlcicd.registry.MlflowAuth.basic(() -> "u", () -> "p"))).isInstanceOf(MlflowModelRegistry.class);
        assertThat(new RegistrySettings(null, null, null, null).isConfigured()).isFalse();
        assertThatThrownBy(() -> new RegistrySettings("none", null, null, null).open(null))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("registry: no model registry is configured");
        assertThatThrownBy(() -> new RegistrySettings("file", "rel/dir", null, null).open(null))
                .hasMessageStartingWith("registry: file registry path: an absolute path");
    }
}
