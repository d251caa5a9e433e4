package io.jenkins.plugins.mlcicd.jenkins.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.lineage.CodeVersion;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import io.jenkins.plugins.mlcicd.lineage.LineageDocuments;
import io.jenkins.plugins.mlcicd.lineage.LineageRecord;
import io.jenkins.plugins.mlcicd.lineage.TrainingRun;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's two halves called as FilePath.act would call them on the agent (invoke on the
 * workspace directory), with the launcher's part played by the test: the lineage assembly and
 * the fingerprints are the engine's, checked end to end.
 */
class AgentTrainingTest {
    private static final CodeVersion SCM = new CodeVersion("0123456789abcdef0123456789abcdef01234567", "main", null,
            "https://github.com/acme/fraud.git", "scm", null);

    @TempDir
    Path workspace;

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private AgentSpec spec(List<String> data) {
        TrainRequest request = new TrainRequest("python train.py --out out", "out/model.bin", "out/metrics.json", data,
                Map.of("features", "lakefs://repo/commit/8a1f"), Map.of("lr", "0.1"), null, null, "/nonexistent/python");
        return new AgentSpec(request, SCM);
    }

    @Test
    void startThenFinishGivesTheLineageAndTheFingerprints() throws Exception {
        byte[] train = "x,y\n1,0\n".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("data/valid"));
        Files.write(workspace.resolve("data/train.csv"), train);
        Files.writeString(workspace.resolve("data/valid/part-0.csv"), "x,y\n0,1\n");
        AgentSpec spec = spec(List.of("data/train.csv", "data/valid"));

        AgentTraining.Started started = new AgentTraining.Start(spec).invoke(workspace.toFile(), null);
        assertThat(started.badInput()).isNull();
        TrainingRun.Started parsed = AgentSpec.startedFromJson(started.startedJson());
        assertThat(parsed.code()).isEqualTo(SCM);
        assertThat(parsed.environment().pythonProblem()).contains("/nonexistent/python");

        // the launcher ran the command
        byte[] model = "MODEL BYTES".getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("out"));
        Files.write(workspace.resolve("out/model.bin"), model);
        Files.writeString(workspace.resolve("out/metrics.json"), "{\"auc\": 0.91, \"val\": {\"f1\": 0.7}}");
        AgentTraining.Finished finished = new AgentTraining.Finish(spec, started.startedJson(),
                new CommandOutcome(0, false, null, 1500, List.of("done"))).invoke(workspace.toFile(), null);

        assertThat(finished.badInput()).isNull();
        ResultDocument document = ResultDocumentJson.fromJson(Path.of("x"), Json.mapper().readTree(finished.documentJson()));
        assertThat(document.verdict()).isEqualTo(Verdict.PASSED);
        LineageRecord lineage = LineageDocuments.lineageOf(document);
        assertThat(lineage.model().sha256()).isEqualTo(hex("SHA-256", model));
        assertThat(lineage.data()).hasSize(3);
        assertThat(lineage.data().get(0).snapshotId()).isEqualTo("sha256:" + hex("SHA-256", train));
        assertThat(lineage.metrics()).containsEntry("val.f1", 0.7);
        assertThat(lineage.params()).containsEntry("lr", "0.1");
        assertThat(lineage.command()).isEqualTo("python train.py --out out");
        assertThat(finished.files()).containsExactlyInAnyOrder(
                new FileFingerprint("data/train.csv", hex("MD5", train), false),
                new FileFingerprint("data/valid/part-0.csv", hex("MD5", "x,y\n0,1\n".getBytes(StandardCharsets.UTF_8)), false),
                new FileFingerprint("out/model.bin", hex("MD5", model), true));
    }

    @Test
    void aFailedCommandIsRecordedWithItsTailAndNoModel() throws Exception {
        AgentSpec spec = spec(List.of());
        AgentTraining.Started started = new AgentTraining.Start(spec).invoke(workspace.toFile(), null);
        AgentTraining.Finished finished = new AgentTraining.Finish(spec, started.startedJson(),
                new CommandOutcome(1, false, null, 10, List.of("Traceback", "ValueError: bad column"))).invoke(workspace.toFile(), null);
        ResultDocument document = ResultDocumentJson.fromJson(Path.of("x"), Json.mapper().readTree(finished.documentJson()));
        assertThat(document.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(document.fields().path("logTail").toString()).contains("ValueError: bad column");
        assertThat(finished.files()).isEmpty();
    }

    @Test
    void badInputOnTheAgentComesBackAsAMessage() {
        TrainRequest request = new TrainRequest("python 'unterminated", "m", "x.json", null, null, null, null, null, null);
        AgentTraining.Started started = new AgentTraining.Start(new AgentSpec(request, SCM)).invoke(workspace.resolve("gone").toFile(), null);
        assertThat(started.startedJson()).isNull();
        assertThat(started.badInput()).startsWith("workdir: ").endsWith("is not a directory");
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void whatCrossesTheChannelIsSerializable() throws Exception {
        AgentSpec spec = spec(List.of("a.csv"));
        AgentSpec copy = (AgentSpec) roundTrip(spec);
        assertThat(copy.toRequest(workspace)).isEqualTo(spec.toRequest(workspace));
        assertThat(roundTrip(new AgentTraining.Start(spec))).isInstanceOf(AgentTraining.Start.class);
        assertThat(roundTrip(new AgentTraining.Finish(spec, "{}", new CommandOutcome(0, false, null, 1, List.of("x")))))
                .isInstanceOf(AgentTraining.Finish.class);
        AgentTraining.Finished finished = new AgentTraining.Finished("{}",
                new java.util.ArrayList<>(List.of(new FileFingerprint("a", "b", true))), null);
        assertThat(roundTrip(finished)).isEqualTo(finished);
        assertThat(roundTrip(new AgentTraining.Started("{}", null))).isEqualTo(new AgentTraining.Started("{}", null));
    }

    @Test
    void fingerprintFileNamesAndModelDirectories() {
        assertThat(new FileFingerprint("data/valid/part-0.csv", "x", false).fileName()).isEqualTo("part-0.csv");
        assertThat(new FileFingerprint("model.bin", "x", true).fileName()).isEqualTo("model.bin");
        assertThat(FileFingerprint.isUnder("out/model/weights.bin", "out/model")).isTrue();
        assertThat(FileFingerprint.isUnder("out/model/weights.bin", "out/model/")).isTrue();
        assertThat(FileFingerprint.isUnder("out/model.bin", "out/model.bin")).isTrue();
        assertThat(FileFingerprint.isUnder("out/model.bin.bak", "out/model.bin")).isFalse();
    }

    @Test
    void pythonIsFoundOnTheBuildsPath() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.pathSeparatorChar == ':', "POSIX executables");
        Path bin = Files.createDirectories(workspace.resolve("venv/bin"));
        Path python = Files.writeString(bin.resolve("python3"), "#!/bin/sh\necho Python 3.99.0\n");
        python.toFile().setExecutable(true);
        Files.writeString(Files.createDirectories(workspace.resolve("other")).resolve("python3"), "not executable");
        String path = workspace.resolve("missing") + ":" + workspace.resolve("other") + ":" + bin;
        // the lookup itself is the engine's (lineage.ExecutablesTest); here: the agent uses the build's PATH
        TrainRequest request = new TrainRequest("true", "m", "x.json", null, null, null, null, null, null);
        AgentTraining.Started started = new AgentTraining.Start(new AgentSpec(request, SCM, path)).invoke(workspace.toFile(), null);
        assertThat(AgentSpec.startedFromJson(started.startedJson()).environment().python()).isEqualTo("Python 3.99.0");
    }

    @Test
    void theEnvironmentIsWhatTheLaunchersInterpreterAnsweredNotTheAgents() {
        // the spec names an interpreter the agent lacks; the launcher (a container) had one
        ProbeAnswers answers = ProbeAnswers.record("/nonexistent/python", argv -> argv.contains("freeze")
                ? new io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe.Answer(0, "torch==2.3.0\n".getBytes(StandardCharsets.UTF_8), null)
                : new io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe.Answer(0, "Python 3.11.9\n".getBytes(StandardCharsets.UTF_8), null));
        AgentTraining.Started started = new AgentTraining.Start(spec(List.of()), answers).invoke(workspace.toFile(), null);
        assertThat(started.badInput()).isNull();
        TrainingRun.Started parsed = AgentSpec.startedFromJson(started.startedJson());
        assertThat(parsed.environment().python()).isEqualTo("Python 3.11.9");
        assertThat(parsed.environment().pythonProblem()).isNull();
        assertThat(parsed.environment().cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void anAbortedOutcomeCrossesToTheAgentAndIsRecorded() throws Exception {
        AgentSpec spec = spec(List.of());
        AgentTraining.Started started = new AgentTraining.Start(spec).invoke(workspace.toFile(), null);
        AgentTraining.Finished finished = new AgentTraining.Finish(spec, started.startedJson(),
                CommandOutcome.aborted(null, 1500, List.of("epoch 1"))).invoke(workspace.toFile(), null);
        ResultDocument document = ResultDocumentJson.fromJson(Path.of("t"), Json.mapper().readTree(finished.documentJson()));
        assertThat(document.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(document.fields().path("aborted").asBoolean()).isTrue();
        assertThat(document.summary()).contains("aborted");
    }
}
