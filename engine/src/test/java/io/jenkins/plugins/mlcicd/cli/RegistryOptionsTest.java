package io.jenkins.plugins.mlcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MLflow credentials are read as MLflow's own clients read them. */
class RegistryOptionsTest {
    private static RegistryOptions options() {
        RegistryOptions options = new RegistryOptions();
        options.tokenEnv = RegistryOptions.DEFAULT_TOKEN_ENV;
        return options;
    }

    private static Secrets env(Map<String, String> vars) {
        return Secrets.of(vars::get);
    }

    @Test
    void aTokenIsABearerHeader() {
        assertThat(options().auth(env(Map.of("MLFLOW_TRACKING_TOKEN", "tok", "MLFLOW_TRACKING_USERNAME", "u"))).header())
                .isEqualTo("Bearer tok");
    }

    @Test
    void userNameAndPasswordAreHttpBasic() {
        String header = options().auth(env(Map.of("MLFLOW_TRACKING_USERNAME", "alice", "MLFLOW_TRACKING_PASSWORD", "s3cret"))).header();
        assertThat(header).isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nothingSetSendsNoHeader() {
        assertThat(options().auth(env(Map.of())).header()).isNull();
        assertThat(options().auth(env(Map.of("MLFLOW_TRACKING_TOKEN", " "))).header()).isNull();
    }
}
