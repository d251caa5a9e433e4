package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.cli.MainAccess;
import io.jenkins.plugins.mlcicd.input.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The first documented {@code mlcicd train … --mlflow URL --name NAME} works with the default --model-uri (issue 16, defect 1). */
@DisabledOnOs(OS.WINDOWS)
class MlflowTrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainWithTheDefaultModelUriRegistersFromARunAndSaysWhereEverythingIs() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(null, 100)) {
            Path out = dir.resolve("result.json");
            MainAccess.Run run = MainAccess.run("train", "--workdir", dir.toString(), "--shell",
                    "--command", "mkdir -p out && printf MODEL > out/model.bin && printf '{\"auc\": 0.93}' > out/metrics.json",
                    "--model", "out/model.bin", "--metrics", "out/metrics.json", "--param", "lr=0.1", "--python", "/bin/false",
                    "--mlflow", server.uri().toString(), "--token-env", "MLCICD_TEST_SURELY_UNSET_TOKEN", "--name", "fraud model",
                    "--alias", "candidate", "--source-url", "https://ci.example.com/job/fraud/3/", "--out", out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode registry = Json.mapper().readTree(Files.readString(out)).path("registry");
            String runId = server.runs.keySet().iterator().next();
            assertThat(registry.path("version").asInt()).isEqualTo(1);
            assertThat(registry.path("modelUri").asText()).isEqualTo("mlflow-artifacts:/1/" + runId + "/artifacts/model");
            assertThat(registry.path("links").path("run").asText()).isEqualTo("runs:/" + runId);
            assertThat(registry.path("links").path("lineage").asText()).endsWith("/artifacts/mlcicd/lineage.json");
            assertThat(server.artifacts).containsKey("1/" + runId + "/artifacts/model/model.bin");
            assertThat(server.runs.get(runId).params()).containsEntry("lr", "0.1");
            assertThat(server.runs.get(runId).metrics()).containsEntry("auc", 0.93);
            assertThat(server.model("fraud model").path("aliases").get(0).path("alias").asText()).isEqualTo("candidate");
        }
    }
}
