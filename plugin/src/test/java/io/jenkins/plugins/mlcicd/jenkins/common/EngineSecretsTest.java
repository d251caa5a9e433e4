package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSecretsTest {
    @TempDir
    Path dir;

    @Test
    void theAgentSideCreatesTheFileOwnerOnlyAndTheEngineReadsIt() throws IOException {
        Path file = dir.resolve(EngineSecrets.FILE);
        new EngineSecrets.CreatePrivate("{\"TOKEN\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8)).invoke(file.toFile(), null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Secrets secrets = Secrets.of(Map.of(Secrets.FILE_ENV, file.toString())::get);
        assertThat(secrets.find("TOKEN")).contains("s3cret");
    }

    @Test
    void neverWritesThroughAnExistingFileOrLink() throws IOException {
        Path target = Files.writeString(dir.resolve("elsewhere"), "keep");
        Path file = dir.resolve(EngineSecrets.FILE);
        Files.createSymbolicLink(file, target);
        assertThatThrownBy(() -> new EngineSecrets.CreatePrivate(new byte[] {'{', '}'}).invoke(file.toFile(), null))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("keep");
    }

    @Test
    void computedValuesAndMaskedPartsAreReadOnlyWhenAsked() throws IOException {
        int[] calls = {0};
        EngineSecrets secrets = new EngineSecrets()
                .put("MLCICD_BASELINE_AUTHORIZATION", () -> {
                    calls[0]++;
                    return "Bearer t0ken-value";
                })
                .mask(() -> "t0ken-value");
        assertThat(calls[0]).isZero();
        assertThat(secrets.names()).containsExactly("MLCICD_BASELINE_AUTHORIZATION");
        assertThat(secrets.toString()).doesNotContain("t0ken");

        assertThat(Json.mapper().readTree(secrets.json()))
                .isEqualTo(Json.mapper().createObjectNode().put("MLCICD_BASELINE_AUTHORIZATION", "Bearer t0ken-value"));
        assertThat(secrets.maskedValues()).containsExactly("Bearer t0ken-value", "t0ken-value");
        assertThat(calls[0]).isEqualTo(2);
    }
}
