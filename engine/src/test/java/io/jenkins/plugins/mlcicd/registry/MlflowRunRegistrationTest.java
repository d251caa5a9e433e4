package io.jenkins.plugins.mlcicd.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration through a real MLflow tracking run (issue 16, defects 1, 4 and 5). */
class MlflowRunRegistrationTest {
    private static final String TOKEN = "t0ken";
    private static final String SHA = "c".repeat(64);

    @TempDir
    Path dir;

    private FakeMlflowServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMlflowServer(TOKEN, 50);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MlflowModelRegistry registry() {
        return new MlflowModelRegistry(server.uri(), MlflowAuth.bearer(() -> TOKEN), null, new RetryPolicy(3, Duration.ofMillis(1),
                Duration.ofMillis(5)), Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC(), d -> { });
    }

    private Path modelFile(String content) throws Exception {
        Path model = dir.resolve("out/model.bin");
        Files.createDirectories(model.getParent());
        Files.writeString(model, content);
        return model;
    }

    private static ObjectNode lineage(int dataFiles) {
        ObjectNode lineage = Json.mapper().createObjectNode();
        lineage.putObject("code").put("commit", "abc123");
        lineage.putObject("params").put("lr", "0.1").put("epochs", "150");
        var data = lineage.putArray("data");
        for (int i = 0; i < dataFiles; i++) {
            data.addObject().put("path", "/srv/data/partition-" + i + "/train-" + "x".repeat(120) + ".csv").put("id", "sha256:" + "d".repeat(64));
        }
        return lineage;
    }

    private static VersionDraft localDraft(Path model, ObjectNode lineage) {
        return new VersionDraft(new ModelReference(model.toString(), SHA, 5), Map.of("auc", 0.91, "loss", 0.2),
                "https://ci.example.com/job/fraud/7/", "jenkins", lineage, model);
    }

    @Test
    void theDefaultLocalModelIsUploadedToARunAndRegisteredFromThere() throws Exception {
        Path model = modelFile("MODEL");
        ModelVersion version = registry().register("fraud-model", localDraft(model, lineage(2)));

        // one experiment named after the model, one finished run with params, metrics and tags
        assertThat(server.experiments).containsOnlyKeys("fraud-model");
        assertThat(server.runs).hasSize(1);
        FakeMlflowServer.Run run = server.runs.values().iterator().next();
        String runId = run.info().path("run_id").asText();
        assertThat(run.info().path("status").asText()).isEqualTo("FINISHED");
        assertThat(run.info().path("start_time").asLong()).isPositive();
        assertThat(run.info().path("end_time").asLong()).isGreaterThanOrEqualTo(run.info().path("start_time").asLong());
        assertThat(run.params()).containsEntry("lr", "0.1").containsEntry("epochs", "150");
        assertThat(run.tags()).doesNotContainKey(MlflowRun.TAG_PARAMS_IN_LINEAGE);
        assertThat(run.metrics()).containsEntry("auc", 0.91).containsEntry("loss", 0.2);
        assertThat(run.tags()).containsEntry("mlflow.user", "jenkins")
                .containsEntry("mlcicd.build_url", "https://ci.example.com/job/fraud/7/")
                .containsEntry("mlcicd.model.sha256", SHA).containsKey("mlcicd.lineage");
        // the model bytes and the lineage went through the artifact proxy
        assertThat(server.artifacts.get("1/" + runId + "/artifacts/model/model.bin")).isEqualTo("MODEL".getBytes(StandardCharsets.UTF_8));
        assertThat(Json.mapper().readTree(server.artifacts.get("1/" + runId + "/artifacts/mlcicd/lineage.json")))
                .isEqualTo(lineage(2));
        // the version's source is the run's artifact, with its run_id, creator and build link
        ObjectNode stored = server.versions("fraud-model").get(0);
        assertThat(stored.path("source").asText()).isEqualTo("mlflow-artifacts:/1/" + runId + "/artifacts/model");
        assertThat(stored.path("run_id").asText()).isEqualTo(runId);
        assertThat(stored.path("run_link").asText()).isEqualTo("https://ci.example.com/job/fraud/7/");
        assertThat(version.createdBy()).isEqualTo("jenkins");
        assertThat(version.model().uri()).isEqualTo("mlflow-artifacts:/1/" + runId + "/artifacts/model");
        assertThat(version.links()).containsEntry("run", "runs:/" + runId)
                .containsEntry("lineage", "mlflow-artifacts:/1/" + runId + "/artifacts/mlcicd/lineage.json");
        assertThat(version.lineage().path("code").path("commit").asText()).isEqualTo("abc123");

        // the second training finds the experiment and makes a second run
        registry().register("fraud-model", localDraft(model, lineage(1)));
        assertThat(server.experiments).hasSize(1);
        assertThat(server.runs).hasSize(2);
        assertThat(server.count("POST", "experiments/create")).isEqualTo(1);
    }

    @Test
    void aRemoteModelUriIsRegisteredAsGivenWithoutUpload() {
        ModelVersion version = registry().register("fraud", FileModelRegistryTest.draft("a".repeat(64)));
        assertThat(version.model().uri()).isEqualTo("s3://models/m.bin");
        assertThat(server.artifacts.keySet()).allMatch(path -> path.endsWith("mlcicd/lineage.json"));
        assertThat(server.versions("fraud").get(0).path("run_id").asText()).isNotEmpty();
    }

    @Test
    void aLocalPathWithoutAFileIsRefusedBeforeAnythingIsCreated() {
        VersionDraft draft = new VersionDraft(new ModelReference("/nowhere/model.bin", SHA, 5), Map.of(), null, "ci", null);
        assertThatThrownBy(() -> registry().register("fraud", draft))
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.INVALID))
                .hasMessageContaining("local path").hasMessageContaining("remote URI");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void aRefusedVersionLeavesNoEmptyRegisteredModelBehind() throws Exception {
        Path model = modelFile("M");
        server.fail("model-versions/create", 400, FakeMlflowServer.error("INVALID_PARAMETER_VALUE", "source refused"), 1);
        assertThatThrownBy(() -> registry().register("fraud", localDraft(model, lineage(1))))
                .hasMessageContaining("source refused").hasMessageContaining("was deleted again");
        assertThat(server.model("fraud")).isNull();

        // a model that existed before keeps existing (with its versions)
        registry().register("fraud", localDraft(model, lineage(1)));
        server.fail("model-versions/create", 400, FakeMlflowServer.error("INVALID_PARAMETER_VALUE", "source refused"), 1);
        assertThatThrownBy(() -> registry().register("fraud", localDraft(model, lineage(1))))
                .hasMessageContaining("source refused").hasMessageNotContaining("deleted");
        assertThat(server.versions("fraud")).hasSize(1);
    }

    @Test
    void aFailedUploadMarksTheRunFailedAndRegistersNothing() throws Exception {
        Path model = modelFile("M");
        server.fail("artifacts", 403, FakeMlflowServer.error("PERMISSION_DENIED", "no write"), 1);
        assertThatThrownBy(() -> registry().register("fraud", localDraft(model, lineage(1))))
                .hasMessageContaining("no write").hasMessageContaining("marked FAILED; nothing registered");
        assertThat(server.runs.values().iterator().next().info().path("status").asText()).isEqualTo("FAILED");
        assertThat(server.model("fraud")).isNull();
    }

    @Test
    void aVersionCreatedBeforeAServerErrorIsFoundByItsRunNotReportedMissing() throws Exception {
        Path model = modelFile("M");
        server.failAfter("model-versions/create", 500, FakeMlflowServer.error("INTERNAL_ERROR", "timeout after insert"), 1);
        ModelVersion version = registry().register("fraud", localDraft(model, lineage(1)));
        assertThat(version.version()).isEqualTo(1);
        assertThat(server.count("POST", "model-versions/create")).isEqualTo(1); // not repeated: that would make version 2
        assertThat(server.versions("fraud")).hasSize(1);
        assertThat(server.requests).anySatisfy(r -> assertThat(r.query()).containsEntry("filter",
                "run_id='" + server.runs.keySet().iterator().next() + "'"));
    }

    @Test
    void aServerErrorBeforeCreatingIsReportedAndTheEmptyModelRemoved() throws Exception {
        Path model = modelFile("M");
        server.fail("model-versions/create", 500, FakeMlflowServer.error("INTERNAL_ERROR", "db down"), 1);
        assertThatThrownBy(() -> registry().register("fraud", localDraft(model, lineage(1))))
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.UNAVAILABLE))
                .hasMessageContaining("db down");
        assertThat(server.model("fraud")).isNull();
    }

    @Test
    void lineageTooLargeForATagGoesToTheRunArtifactAndTheVersionSaysWhere() throws Exception {
        Path model = modelFile("M");
        ObjectNode big = lineage(40); // ~9,000 characters: over MLflow's 5,000-character tag limit
        ((ObjectNode) big.get("params")).put("features", "f,".repeat(3500)); // over MLflow's 6,000-character param limit
        assertThat(big.toString().length()).isGreaterThan(MlflowModelRegistry.MAX_TAG_VALUE);
        ModelVersion version = registry().register("fraud", localDraft(model, big));

        ObjectNode stored = server.versions("fraud").get(0);
        Map<String, String> tags = new LinkedHashMap<>();
        stored.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        assertThat(tags).doesNotContainKey(MlflowModelRegistry.TAG_LINEAGE).containsKey(MlflowModelRegistry.TAG_LINEAGE_URI);
        String where = version.links().get("lineage");
        assertThat(tags.get(MlflowModelRegistry.TAG_LINEAGE_URI)).isEqualTo(where);
        String path = where.substring("mlflow-artifacts:/".length());
        assertThat(Json.mapper().readTree(server.artifacts.get(path))).isEqualTo(big);
        assertThat(server.runs.values().iterator().next().tags()).doesNotContainKey("mlcicd.lineage")
                .containsEntry(MlflowModelRegistry.TAG_LINEAGE_URI, where);
        // the param too long for MLflow is not logged, and the run says it is only in the lineage artifact
        assertThat(server.runs.values().iterator().next().params()).containsKey("lr").doesNotContainKey("features");
        assertThat(server.runs.values().iterator().next().tags()).containsEntry(MlflowRun.TAG_PARAMS_IN_LINEAGE, "features");
    }

    @Test
    void aServerWithoutArtifactServingIsAClearErrorNamingTheWayOut() throws Exception {
        server.artifactRoot = "s3://team-bucket/mlruns"; // mlflow server --no-serve-artifacts --default-artifact-root s3://…
        Path model = modelFile("M");
        assertThatThrownBy(() -> registry().register("fraud", new VersionDraft(new ModelReference(model.toString(), SHA, 1),
                Map.of(), null, "ci", null, model)))
                .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.INVALID))
                .hasMessageContaining("s3://team-bucket/mlruns").hasMessageContaining("--serve-artifacts").hasMessageContaining("--model-uri");
        assertThat(server.runs.values().iterator().next().info().path("status").asText()).isEqualTo("FAILED");
        assertThat(server.model("fraud")).isNull();
        // a remote URI needs no upload and works on such a server
        assertThat(registry().register("fraud", new VersionDraft(new ModelReference("s3://team-bucket/m.bin", SHA, 1),
                Map.of(), null, "ci", null, model)).version()).isEqualTo(1);
    }

    @Test
    void whatIsRemoteAndWhatIsALocalPath() {
        assertThat(MlflowModelRegistry.isRemote("s3://b/m")).isTrue();
        assertThat(MlflowModelRegistry.isRemote("runs:/abc/model")).isTrue();
        assertThat(MlflowModelRegistry.isRemote("/srv/models/m.bin")).isFalse();
        assertThat(MlflowModelRegistry.isRemote("out/model.bin")).isFalse();
        assertThat(MlflowModelRegistry.isRemote("file:///tmp/m")).isFalse();
        assertThat(MlflowModelRegistry.isRemote("C:\\models\\m.bin")).isFalse();
    }
}
