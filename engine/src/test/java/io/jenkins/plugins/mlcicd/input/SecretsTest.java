package io.jenkins.plugins.mlcicd.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
    @TempDir
    Path dir;

    @Test
    void theFileWinsOverTheEnvironmentAndTheEnvironmentFillsIn() throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"TOKEN\": \"from-file\"}");
        Map<String, String> env = Map.of(Secrets.FILE_ENV, file.toString(), "TOKEN", "from-env", "OTHER", "other-value");
        Secrets secrets = Secrets.of(env::get);
        assertThat(secrets.find("TOKEN")).contains("from-file");
        assertThat(secrets.find("OTHER")).contains("other-value");
        assertThat(secrets.find("NONE")).isEmpty();
        assertThat(secrets.fileNames()).containsExactly("TOKEN");
    }

    @Test
    void masksFileValuesAndValuesHandedOut() throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"A\": \"hunter22\", \"B\": \"x\"}");
        Map<String, String> env = Map.of(Secrets.FILE_ENV, file.toString(), "C", "envsecret");
        Secrets secrets = Secrets.of(env::get);
        assertThat(secrets.masked("login hunter22 failed with envsecret")).isEqualTo("login **** failed with envsecret");
        secrets.require("C", "test");
        assertThat(secrets.masked("login hunter22 failed with envsecret x")).isEqualTo("login **** failed with **** x");
    }

    @Test
    void anAuthorizationValueIsMaskedInTheFormsAServerRepeatsItIn() throws IOException {
        String basic = java.util.Base64.getEncoder().encodeToString("ops:pa55word".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = Files.writeString(dir.resolve("s.json"), "{\"PROM\": \"Bearer tok123\", \"ROUTER\": \"Basic " + basic + "\"}");
        Secrets secrets = Secrets.of(Map.of(Secrets.FILE_ENV, file.toString())::get);
        assertThat(secrets.masked("token tok123 expired; Bearer tok123")).isEqualTo("token **** expired; ****");
        assertThat(secrets.masked("denied " + basic + " for ops:pa55word, pa55word")).isEqualTo("denied **** for ****, ****");
    }

    @Test
    void aMissingSecretOrABadFileIsAOneLineErrorThatNeverQuotesTheContent() throws IOException {
        assertThatThrownBy(() -> Secrets.of(Map.<String, String>of()::get).require("TOKEN", "--header Authorization"))
                .isInstanceOf(BadInputException.class).hasMessage("--header Authorization: no secret 'TOKEN' in the environment");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"A\": \"p4ssw0rd\"");
        assertThatThrownBy(() -> Secrets.of(Map.of(Secrets.FILE_ENV, bad.toString())::get))
                .isInstanceOf(BadInputException.class).hasMessageNotContaining("p4ssw0rd").hasMessageContaining("bad.json");
        Path notString = Files.writeString(dir.resolve("n.json"), "{\"A\": 5}");
        assertThatThrownBy(() -> Secrets.of(Map.of(Secrets.FILE_ENV, notString.toString())::get))
                .hasMessageContaining("secret 'A' is not a string");
    }
}
