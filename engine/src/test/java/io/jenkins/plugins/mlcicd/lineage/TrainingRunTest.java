package io.jenkins.plugins.mlcicd.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelVersion;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with a scripted executor: no processes, so every outcome is exact and fast. */
class TrainingRunTest {
    @TempDir
    Path work;

    private static final CodeVersion CODE = new CodeVersion("0123456789abcdef0123456789abcdef01234567", "main", false,
            "https://git.example.com/fraud.git", "scm", null);

    private static final Map<String, String> PARAMS = new java.util.LinkedHashMap<>();

    static {
        PARAMS.put("lr", "0.1"); // insertion order is what the record must keep
        PARAMS.put("epochs", "10");
    }

    /** An executor that "trains" by writing the given files, prints a line, and exits with the given code. */
    private static CommandExecutor trainer(int exitCode, Map<String, String> writes) {
        return (command, out, err, tail) -> {
            writes.forEach((path, content) -> {
                try {
                    Path file = command.workDir().resolve(path);
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            tail.append(LogTail.STDOUT, "epoch 1 loss 0.5\n");
            tail.append(LogTail.STDERR, exitCode == 0 ? "" : "ValueError: bad column\n");
            return new CommandOutcome(exitCode, false, null, 1234, tail.lines());
        };
    }

    private TrainingRequest request(List<String> data, Map<String, String> dataIds) {
        return new TrainingRequest(new TrainingCommand("python3 train.py --out out", false, work, Map.of(), null),
                "out/model.bin", "out/metrics.json", data, dataIds, PARAMS, "/nonexistent/python", CODE);
    }

    private ResultDocument run(CommandExecutor executor, TrainingRequest request) throws InterruptedException {
        return new TrainingRun(executor).run(request, new StringWriter(), new StringWriter(), 50);
    }

    @Test
    void successfulRunRecordsTheWholeLineage() throws Exception {
        Files.writeString(work.resolve("train.csv"), "x,y\n1,0\n");
        ResultDocument doc = run(trainer(0, Map.of("out/model.bin", "MODEL", "out/metrics.json", "{\"auc\": 0.9, \"val\": {\"f1\": 0.7}}")),
                request(List.of("train.csv"), Map.of("features", "lakefs://repo/commit/abc123")));

        assertThat(doc.kind()).isEqualTo(ResultKind.TRAINING);
        assertThat(doc.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(doc.summary()).contains("out/model.bin").contains("0123456789ab").contains("auc=0.9");
        LineageRecord lineage = LineageDocuments.lineageOf(doc);
        assertThat(lineage.code()).isEqualTo(CODE);
        assertThat(lineage.data()).extracting(DataSnapshot::path, DataSnapshot::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("train.csv", "file"),
                        org.assertj.core.groups.Tuple.tuple("features", "external"));
        assertThat(lineage.data().get(0).snapshotId()).isEqualTo("sha256:" + ContentHasher.sha256Hex("x,y\n1,0\n".getBytes()));
        assertThat(lineage.data().get(1).snapshotId()).isEqualTo("lakefs://repo/commit/abc123");
        assertThat(lineage.params()).containsExactly(org.assertj.core.api.Assertions.entry("lr", "0.1"),
                org.assertj.core.api.Assertions.entry("epochs", "10"));
        assertThat(lineage.metrics()).containsEntry("auc", 0.9).containsEntry("val.f1", 0.7);
        assertThat(lineage.model().sha256()).isEqualTo(ContentHasher.sha256Hex("MODEL".getBytes()));
        assertThat(lineage.model().bytes()).isEqualTo(5);
        assertThat(lineage.exitCode()).isZero();
        assertThat(lineage.command()).isEqualTo("python3 train.py --out out");
        assertThat(lineage.environment().python()).isNull();
        assertThat(lineage.environment().pythonProblem()).contains("/nonexistent/python");
        assertThat(lineage.environment().cpus()).isPositive();
        assertThat(doc.fields().has("logTail")).isFalse();

        // survives the JSON round trip the CLI and Jenkins use
        ResultDocument reread = ResultDocumentJson.fromJson(Path.of("lineage.json"), ResultDocumentJson.toJson(doc));
        assertThat(LineageDocuments.lineageOf(reread)).isEqualTo(lineage);
    }

    @Test
    void startAndFinishSplitTheRunForACallerThatLaunchesTheCommandItself() throws Exception {
        Files.writeString(work.resolve("train.csv"), "x,y\n1,0\n");
        TrainingRequest request = request(List.of("train.csv"), Map.of());
        TrainingRun training = new TrainingRun((command, out, err, tail) -> {
            throw new AssertionError("the caller launches the command");
        });
        TrainingRun.Started started = training.start(request);
        assertThat(started.code()).isEqualTo(CODE);
        // the caller's launcher "runs" the command
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/model.bin"), "MODEL");
        Files.writeString(work.resolve("out/metrics.json"), "{\"auc\": 0.9}");
        List<String> md5s = new java.util.ArrayList<>();
        ResultDocument doc = training.finish(request, started, new CommandOutcome(0, false, null, 10, List.of()),
                new DataSnapshots((path, digest, md5) -> md5s.add(path + " " + md5)));

        assertThat(doc.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(doc.startedAt()).isEqualTo(started.startedAt());
        assertThat(LineageDocuments.lineageOf(doc).model().sha256()).isEqualTo(ContentHasher.sha256Hex("MODEL".getBytes()));
        assertThat(md5s).containsExactly("train.csv " + md5Hex("x,y\n1,0\n"),
                "out/model.bin " + md5Hex("MODEL"));
    }

    private static String md5Hex(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes()));
    }

    @Test
    void nonZeroExitIsFailedWithTheTailOfTheLog() throws Exception {
        ResultDocument doc = run(trainer(3, Map.of()), request(List.of(), Map.of()));
        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(doc.summary()).contains("exited with 3");
        assertThat(check(doc, "command").value()).isEqualTo(3.0);
        ObjectNode fields = doc.fields();
        assertThat(fields.get("exitCode").asInt()).isEqualTo(3);
        assertThat(fields.get("logTail").toString()).contains("ValueError: bad column");
        assertThat(fields.get("timedOut").asBoolean()).isFalse();
        assertThat(fields.has("model")).isFalse();
    }

    @Test
    void missingModelAfterSuccessIsAFailedCheckThatSaysWhere() throws Exception {
        ResultDocument doc = run(trainer(0, Map.of("out/metrics.json", "{\"auc\": 0.9}")), request(List.of(), Map.of()));
        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "model").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "model").message()).contains("wrote no model at out/model.bin");
        assertThat(check(doc, "metrics").verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void missingEmptyOrMalformedMetricsAreFailedChecks() throws Exception {
        ResultDocument missing = run(trainer(0, Map.of("out/model.bin", "M")), request(List.of(), Map.of()));
        assertThat(check(missing, "metrics").message()).contains("wrote no metrics file at out/metrics.json");

        ResultDocument empty = run(trainer(0, Map.of("out/model.bin", "M", "out/metrics.json", "{\"model\": \"lr\"}")), request(List.of(), Map.of()));
        assertThat(check(empty, "metrics").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(empty, "metrics").message()).contains("no numeric metric").contains("model");

        ResultDocument malformed = run(trainer(0, Map.of("out/model.bin", "M", "out/metrics.json", "{auc")), request(List.of(), Map.of()));
        assertThat(check(malformed, "metrics").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(malformed, "metrics").message()).contains("out/metrics.json");
    }

    @Test
    void missingDataIsAFailedCheckButTheRunIsStillRecorded() throws Exception {
        ResultDocument doc = run(trainer(0, Map.of("out/model.bin", "M", "out/metrics.json", "{\"auc\": 1}")),
                request(List.of("nope.csv"), Map.of()));
        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "data:nope.csv").message()).contains("nope.csv: data not found");
        assertThat(LineageDocuments.lineageOf(doc).model()).isNotNull();
    }

    @Test
    void notStartedCommandIsFailedWithTheReason() throws Exception {
        CommandExecutor cannotStart = (command, out, err, tail) -> CommandOutcome.notStarted("cannot start 'pyhton3': No such file");
        ResultDocument doc = run(cannotStart, request(List.of(), Map.of()));
        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "command").message()).contains("did not start").contains("pyhton3");
        assertThat(doc.fields().has("exitCode")).isFalse();
    }

    @Test
    void unusableRequestsAreBadInputBeforeAnythingRuns() {
        CommandExecutor mustNotRun = (command, out, err, tail) -> {
            throw new AssertionError("ran");
        };
        TrainingRequest badQuote = new TrainingRequest(new TrainingCommand("python3 'train.py", false, work, Map.of(), null),
                "m", "x.json", List.of(), Map.of(), Map.of(), null, CODE);
        assertThatThrownBy(() -> run(mustNotRun, badQuote)).isInstanceOf(BadInputException.class).hasMessageContaining("unterminated");
        TrainingRequest noDir = new TrainingRequest(new TrainingCommand("true", false, work.resolve("missing"), Map.of(), null),
                "m", "x.json", List.of(), Map.of(), Map.of(), null, CODE);
        assertThatThrownBy(() -> run(mustNotRun, noDir)).isInstanceOf(BadInputException.class).hasMessageContaining("not a directory");
        assertThatThrownBy(() -> request(List.of("a.csv"), Map.of("a.csv", "id"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("give it one way");
    }

    @Test
    void registrationAddsTheVersionAndAliasAndSkipsFailedRuns() throws Exception {
        ModelRegistry registry = new FileModelRegistry(work.resolve("registry"));
        ResultDocument trained = run(trainer(0, Map.of("out/model.bin", "M", "out/metrics.json", "{\"auc\": 0.8}")), request(List.of(), Map.of()));
        TrainingRegistration.Target target = new TrainingRegistration.Target("fraud", "s3://models/fraud/1/model.bin",
                "https://ci.example.com/job/fraud/7/", "jenkins", "candidate");
        ResultDocument registered = TrainingRegistration.register(trained, registry, target);

        assertThat(registered.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(registered.fields().get("registry").get("version").asInt()).isEqualTo(1);
        assertThat(registered.fields().get("registry").get("aliasMoves").get(0).get("alias").asText()).isEqualTo("candidate");
        ModelVersion version = registry.get("fraud", 1);
        assertThat(version.model().uri()).isEqualTo("s3://models/fraud/1/model.bin");
        assertThat(version.model().sha256()).isEqualTo(ContentHasher.sha256Hex("M".getBytes()));
        assertThat(version.metrics()).containsEntry("auc", 0.8);
        assertThat(version.sourceUrl()).isEqualTo("https://ci.example.com/job/fraud/7/");
        assertThat(version.lineage().get("code").get("commit").asText()).isEqualTo(CODE.commit());
        assertThat(registry.aliases("fraud")).containsEntry("candidate", 1);

        ResultDocument failed = run(trainer(1, Map.of()), request(List.of(), Map.of()));
        ResultDocument notRegistered = TrainingRegistration.register(failed, registry, target);
        assertThat(notRegistered.fields().get("registry").get("skipped").asText()).contains("failed");
        assertThat(registry.list("fraud")).hasSize(1);
    }

    private static Check check(ResultDocument doc, String name) {
        return doc.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void anAbortedCommandIsRecordedAsAbortedWithoutModelOrMetrics() throws Exception {
        Files.writeString(work.resolve("train.csv"), "x,y\n1,0\n");
        TrainingRequest request = request(List.of("train.csv"), Map.of());
        TrainingRun training = new TrainingRun((command, out, err, tail) -> {
            throw new AssertionError("the caller launches the command");
        });
        TrainingRun.Started started = training.start(request);
        // a model half-written before the abort must not be recorded as the model
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/model.bin"), "PARTIAL");
        Files.writeString(work.resolve("out/metrics.json"), "{\"auc\": 0.9}");
        ResultDocument doc = training.finish(request, started, CommandOutcome.aborted(143, 2500, List.of("epoch 3")), new DataSnapshots());

        assertThat(doc.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "command").message()).contains("aborted").contains("2.5 s");
        assertThat(doc.fields().get("aborted").asBoolean()).isTrue();
        assertThat(doc.fields().get("timedOut").asBoolean()).isFalse();
        assertThat(doc.fields().get("logTail").toString()).contains("epoch 3");
        LineageRecord lineage = LineageDocuments.lineageOf(ResultDocumentJson.fromJson(Path.of("t.json"),
                com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(ResultDocumentJson.toJsonString(doc))));
        assertThat(lineage.model()).isNull();
        assertThat(lineage.metrics()).isEmpty();
        assertThat(lineage.exitCode()).isEqualTo(143);
        assertThat(lineage.data()).hasSize(1);
    }

    @Test
    void anAbortWhoseEndWasNotObservedHasNoExitCode() throws Exception {
        TrainingRequest request = request(List.of(), Map.of());
        TrainingRun training = new TrainingRun((command, out, err, tail) -> {
            throw new AssertionError("the caller launches the command");
        });
        ResultDocument doc = training.finish(request, training.start(request), CommandOutcome.aborted(null, 10, List.of()), new DataSnapshots());
        assertThat(check(doc, "command").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(check(doc, "command").value()).isNull();
        assertThat(doc.summary()).startsWith("command: the command was aborted");
    }

    @Test
    void theEnvironmentIsAskedThroughTheGivenAsker() {
        List<List<String>> asked = new java.util.ArrayList<>();
        RuntimeEnvironment environment = EnvironmentProbe.probe("venv/bin/python", argv -> {
            asked.add(argv);
            return argv.contains("freeze") ? new EnvironmentProbe.Answer(0, "numpy==2.0\n".getBytes(), null)
                    : new EnvironmentProbe.Answer(0, "Python 3.12.1\n".getBytes(), null);
        });
        assertThat(asked).containsExactly(List.of("venv/bin/python", "--version"), List.of("venv/bin/python", "-m", "pip", "freeze", "--all"));
        assertThat(environment.python()).isEqualTo("Python 3.12.1");
        assertThat(environment.pipFreezeSha256()).isEqualTo(ContentHasher.sha256Hex("numpy==2.0\n".getBytes()));

        RuntimeEnvironment missing = EnvironmentProbe.probe("python3", argv -> new EnvironmentProbe.Answer(127, new byte[0], "python3: not found"));
        assertThat(missing.python()).isNull();
        assertThat(missing.pythonProblem()).isEqualTo("python3: not found");
    }

    @Test
    void aStartWithAGivenEnvironmentDoesNotProbe() {
        RuntimeEnvironment given = new RuntimeEnvironment("Linux 6", "amd64", "17", "Python 3.11.0", "abc", null, 4);
        TrainingRun.Started started = new TrainingRun((command, out, err, tail) -> {
            throw new AssertionError("not run");
        }).start(request(List.of(), Map.of()), given);
        assertThat(started.environment()).isSameAs(given);
    }
}
