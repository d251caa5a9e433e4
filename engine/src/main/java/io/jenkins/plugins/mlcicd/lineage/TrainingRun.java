package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.report.Numbers;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a training command and records its lineage: the engine facade of {@code mlcicd train} and
 * of Jenkins' {@code mlTrain}. The code version and environment are taken before the command runs
 * (what was checked out is what ran); data, model and metrics after it ends (so a command that
 * fetches its own data, {@code dvc pull && python train.py}, is covered). The result is a
 * {@code training} result document whose kind-specific fields are a {@link LineageRecord}, plus
 * {@code logTail} and {@code timedOut} when the command failed.
 */
public final class TrainingRun {
    private final CommandExecutor executor;
    private final Clock clock;

    public TrainingRun(CommandExecutor executor) {
        this(executor, Clock.systemUTC());
    }

    public TrainingRun(CommandExecutor executor, Clock clock) {
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Runs the request. Problems of the run itself (non-zero exit, timeout, missing model or
     * metrics) are FAILED checks in the returned document; only unusable requests throw.
     *
     * @throws BadInputException    when the request cannot be run (e.g. the working directory does not exist)
     * @throws InterruptedException when interrupted; the command's process tree is killed first
     */
    public ResultDocument run(TrainingRequest request, Writer out, Writer err, int tailLines) throws InterruptedException {
        Started started = start(request);
        CommandOutcome outcome = executor.execute(request.command(), out, err, new LogTail(tailLines));
        return finish(request, started, outcome, new DataSnapshots());
    }

    /**
     * What is recorded before the command runs.
     *
     * @param startedAt   when the run started
     * @param code        the code version (the request's, or probed from git)
     * @param environment machine, runtimes and packages
     */
    public record Started(Instant startedAt, CodeVersion code, RuntimeEnvironment environment) {
    }

    /**
     * The first half of {@link #run}, for a CI system that launches the command itself (Jenkins runs
     * it through its {@code Launcher}): checks the request and records code and environment. Call it
     * on the machine where the command will run, then {@link #finish} there once it has ended.
     *
     * @throws BadInputException when the request cannot be run (e.g. the working directory does not exist)
     */
    public Started start(TrainingRequest request) {
        return start(request, null);
    }

    /**
     * {@link #start(TrainingRequest)} with the environment probed by the caller, e.g. by asking the
     * interpreter inside the container the command will run in ({@link EnvironmentProbe#probe(String, EnvironmentProbe.Asker)}).
     *
     * @param environment the environment to record; null to probe it here
     */
    public Started start(TrainingRequest request, RuntimeEnvironment environment) {
        Path workDir = request.command().workDir();
        if (!Files.isDirectory(workDir)) {
            throw new BadInputException("workdir: " + workDir + " is not a directory");
        }
        request.command().argv(); // a malformed command line is bad input, before anything runs
        Instant startedAt = clock.instant();
        CodeVersion code = request.code() != null ? request.code() : GitProbe.probe(workDir);
        RuntimeEnvironment probed = environment != null ? environment : EnvironmentProbe.probe(request.python(), workDir);
        return new Started(startedAt, code, probed);
    }

    /**
     * The second half of {@link #run}: snapshots data, model and metrics after the command ended and
     * assembles the training document. The duration runs from {@link Started#startedAt} on this
     * run's clock.
     *
     * @param snapshots hashes data and model; one with a {@link DataSnapshots.FileListener} also reports each file
     */
    public ResultDocument finish(TrainingRequest request, Started started, CommandOutcome outcome, DataSnapshots snapshots) {
        CodeVersion code = started.code();
        List<Check> checks = new ArrayList<>();
        checks.add(commandCheck(outcome));
        checks.add(codeCheck(code));
        List<DataSnapshot> data = snapshotData(request, checks, snapshots);
        ModelArtifact model = null;
        MetricsFile metrics = null;
        if (outcome.succeeded()) {
            model = model(request, checks, snapshots);
            metrics = metrics(request, checks);
        }
        LineageRecord lineage = new LineageRecord(code, data, request.params(), started.environment(),
                metrics == null ? Map.of() : metrics.values(), model, request.command().line(), outcome.exitCode());
        var fields = LineageDocuments.toFields(lineage);
        if (!outcome.succeeded()) {
            fields.put("timedOut", outcome.timedOut());
            if (outcome.aborted()) {
                fields.put("aborted", true);
            }
            var tail = fields.putArray("logTail");
            outcome.logTail().forEach(tail::add);
        }
        Verdict verdict = Verdict.worstOf(checks.stream().map(Check::verdict).toList());
        long durationMs = Math.max(0, Duration.between(started.startedAt(), clock.instant()).toMillis());
        return new ResultDocument(ResultKind.TRAINING, verdict, summary(verdict, checks, lineage), started.startedAt(), durationMs, checks, fields);
    }

    private static Check commandCheck(CommandOutcome outcome) {
        String seconds = Numbers.format(outcome.durationMs() / 1000.0) + " s";
        if (outcome.startError() != null) {
            return Check.of("command", Verdict.FAILED, null, "exit code 0", "the command did not start: " + outcome.startError());
        }
        if (outcome.aborted()) {
            return Check.of("command", Verdict.FAILED, outcome.exitCode() == null ? null : outcome.exitCode().doubleValue(), "exit code 0",
                    "the command was aborted (stopped from outside) after " + seconds + "; no model or metrics recorded");
        }
        if (outcome.timedOut()) {
            return Check.of("command", Verdict.FAILED, outcome.exitCode() == null ? null : outcome.exitCode().doubleValue(), "exit code 0",
                    "the command was killed after its timeout (" + seconds + "); see logTail");
        }
        if (outcome.exitCode() != 0) {
            return Check.of("command", Verdict.FAILED, outcome.exitCode().doubleValue(), "exit code 0",
                    "the command exited with " + outcome.exitCode() + " after " + seconds + "; see logTail");
        }
        return Check.of("command", Verdict.PASSED, 0.0, "exit code 0", "the command succeeded in " + seconds);
    }

    private static Check codeCheck(CodeVersion code) {
        if (!code.isPresent()) {
            return Check.of("code", Verdict.PASSED, null, null, "no code commit recorded: " + code.absentReason());
        }
        String where = code.branch() == null ? "" : " on " + code.branch();
        String dirty = Boolean.TRUE.equals(code.dirty()) ? ", with uncommitted changes to tracked files" : "";
        return Check.of("code", Verdict.PASSED, null, null, "commit " + code.commit() + where + dirty);
    }

    private static List<DataSnapshot> snapshotData(TrainingRequest request, List<Check> checks, DataSnapshots snapshots) {
        List<DataSnapshot> data = new ArrayList<>();
        for (String path : request.data()) {
            try {
                DataSnapshot snapshot = snapshots.snapshot(request.resolve(path), path);
                data.add(snapshot);
                checks.add(Check.of("data:" + path, Verdict.PASSED, (double) snapshot.bytes(), null,
                        snapshot.snapshotId() + " (" + snapshot.files() + " file" + (snapshot.files() == 1 ? "" : "s")
                                + ", " + snapshot.bytes() + " bytes)"));
            } catch (BadInputException e) {
                checks.add(Check.of("data:" + path, Verdict.FAILED, null, null, e.getMessage()));
            }
        }
        request.dataIds().forEach((name, id) -> {
            data.add(DataSnapshot.external(name, id));
            checks.add(Check.of("data:" + name, Verdict.PASSED, null, null, id + " (external snapshot ID, not hashed)"));
        });
        return data;
    }

    private static ModelArtifact model(TrainingRequest request, List<Check> checks, DataSnapshots snapshots) {
        Path path = request.resolve(request.model());
        if (!Files.exists(path)) {
            checks.add(Check.of("model", Verdict.FAILED, null, null,
                    "the command succeeded but wrote no model at " + request.model() + " (looked in " + path + ")"));
            return null;
        }
        try {
            DataSnapshot digest = snapshots.snapshot(path, request.model());
            ModelArtifact model = new ModelArtifact(request.model(), digest.sha256(), digest.bytes(), digest.files());
            checks.add(Check.of("model", Verdict.PASSED, (double) model.bytes(), null,
                    request.model() + ": sha256 " + model.sha256() + ", " + model.bytes() + " bytes"));
            return model;
        } catch (BadInputException e) {
            checks.add(Check.of("model", Verdict.FAILED, null, null, e.getMessage()));
            return null;
        }
    }

    private static MetricsFile metrics(TrainingRequest request, List<Check> checks) {
        Path path = request.resolve(request.metrics());
        if (!Files.exists(path)) {
            checks.add(Check.of("metrics", Verdict.FAILED, null, null,
                    "the command succeeded but wrote no metrics file at " + request.metrics() + " (looked in " + path + ")"));
            return null;
        }
        try {
            MetricsFile metrics = MetricsFile.read(path, request.metrics());
            if (metrics.values().isEmpty()) {
                checks.add(Check.of("metrics", Verdict.FAILED, 0.0, "≥ 1", request.metrics() + " holds no numeric metric"
                        + (metrics.skipped().isEmpty() ? "" : " (skipped non-numeric: " + String.join(", ", metrics.skipped()) + ")")));
                return metrics;
            }
            String skipped = metrics.skipped().isEmpty() ? "" : "; skipped non-numeric " + String.join(", ", metrics.skipped());
            checks.add(Check.of("metrics", Verdict.PASSED, (double) metrics.values().size(), "≥ 1",
                    metrics.values().size() + " metrics from " + request.metrics() + skipped));
            return metrics;
        } catch (BadInputException e) {
            checks.add(Check.of("metrics", Verdict.FAILED, null, null, "the metrics file is unusable: " + e.getMessage()));
            return null;
        }
    }

    private static String summary(Verdict verdict, List<Check> checks, LineageRecord lineage) {
        if (verdict != Verdict.PASSED) {
            return checks.stream().filter(c -> c.verdict() == verdict).findFirst().map(c -> c.name() + ": " + c.message()).orElse("training failed");
        }
        Map<String, Double> shown = new LinkedHashMap<>();
        lineage.metrics().entrySet().stream().limit(3).forEach(e -> shown.put(e.getKey(), e.getValue()));
        String metrics = shown.entrySet().stream().map(e -> e.getKey() + "=" + Numbers.format(e.getValue())).collect(Collectors.joining(", "));
        String commit = lineage.code().isPresent() ? " from commit " + lineage.code().commit().substring(0, Math.min(12, lineage.code().commit().length())) : "";
        return "trained " + lineage.model().path() + " (sha256 " + lineage.model().sha256().substring(0, 12) + "…)" + commit
                + (metrics.isEmpty() ? "" : "; " + metrics);
    }
}
