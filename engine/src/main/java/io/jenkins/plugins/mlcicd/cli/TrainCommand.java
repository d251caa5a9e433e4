package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.lineage.LogTail;
import io.jenkins.plugins.mlcicd.lineage.ProcessCommandExecutor;
import io.jenkins.plugins.mlcicd.lineage.TrainingCommand;
import io.jenkins.plugins.mlcicd.lineage.TrainingRegistration;
import io.jenkins.plugins.mlcicd.lineage.TrainingRequest;
import io.jenkins.plugins.mlcicd.lineage.TrainingRun;
import io.jenkins.plugins.mlcicd.output.ShutdownCleanup;
import io.jenkins.plugins.mlcicd.registry.ModelRegistry;
import io.jenkins.plugins.mlcicd.registry.RegistryException;
import io.jenkins.plugins.mlcicd.registry.RegistryNames;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a training command and record its lineage: code commit, data snapshot IDs, parameters,",
            "environment, metrics and model digest; optionally register the model as a new registry version."},
        footer = {"", "Example:",
            "  mlcicd train --command \"python3 train.py --out out/\" --model out/model.bin --metrics out/metrics.json \\",
            "    --data data/train.csv --param lr=0.1 --registry /srv/registry --name fraud-model --out lineage.json"})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--command", required = true, paramLabel = "CMD",
            description = "The training command. Split into words like a POSIX shell would (quotes, backslashes), but not run by one.")
    String command;

    @Option(names = "--shell", description = "Run the command through /bin/sh -c (cmd /c on Windows): pipes, &&, $VARS, globs.")
    boolean shell;

    @Option(names = "--workdir", paramLabel = "DIR", defaultValue = ".", description = "Directory to run in; relative paths are resolved against it (default: current).")
    Path workDir;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill the command and its child processes after this long (90s, 30m, 2h, 1h30m, PT2H). Default: no limit.")
    Duration timeout;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "Model file (or directory) the command writes.")
    String model;

    @Option(names = "--metrics", required = true, paramLabel = "FILE", description = "Metrics file (JSON object; YAML for other extensions) the command writes.")
    String metrics;

    @Option(names = "--data", paramLabel = "PATH", description = "Training input to hash into a snapshot ID (file or directory; repeatable).")
    List<String> data = new ArrayList<>();

    @Option(names = "--data-id", paramLabel = "NAME=ID", description = "Training input with an external snapshot ID (lakeFS commit, Delta version, DVC md5) instead of hashing (repeatable).")
    Map<String, String> dataIds = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Hyper-parameter to record (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3", description = "Python interpreter whose version and pip freeze are recorded (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--tail-lines", paramLabel = "N", defaultValue = "" + LogTail.DEFAULT_LINES, description = "Log lines kept in the result of a failed run (default: ${DEFAULT-VALUE}).")
    int tailLines;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--name", paramLabel = "NAME", description = "Register the model under this name (needs --registry or --mlflow).")
    String name;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "After registering, point this alias (e.g. candidate) at the new version.")
    String alias;

    @Option(names = "--model-uri", paramLabel = "URI", description = {"Where the model's bytes are kept, recorded in the registry (default: the model's absolute path;",
                "with --mlflow the model is then uploaded as an artifact of the training's MLflow run and registered from there)."})
    String modelUri;

    @Option(names = "--source-url", paramLabel = "URL", defaultValue = "${env:BUILD_URL}", description = "The build that trains, recorded in the registry (default: $BUILD_URL).")
    String sourceUrl;

    @Option(names = "--actor", paramLabel = "WHO", description = "Who registers (default: $BUILD_USER_ID or the OS user).")
    String actor;

    @Mixin
    ResultOutputOptions output;

    @Override
    public Integer call() throws InterruptedException {
        if (name != null && !registry.isSet()) {
            throw new ParameterException(spec.commandLine(), "--name needs --registry DIR or --mlflow URL");
        }
        if (registry.isSet() && name == null) {
            throw new ParameterException(spec.commandLine(), "--registry/--mlflow needs --name");
        }
        if (alias != null && name == null) {
            throw new ParameterException(spec.commandLine(), "--alias needs --name and a registry");
        }
        if (tailLines < 1 || tailLines > 100_000) {
            throw new ParameterException(spec.commandLine(), "--tail-lines must be between 1 and 100000");
        }
        ModelRegistry target = null;
        if (name != null) { // before training: a wrong name or registry must not cost a training run
            try {
                target = registry.open();
                target.requireName(name);
                if (alias != null) {
                    RegistryNames.requireAlias(alias);
                }
                registry.requireWritableDirectory();
            } catch (RegistryException e) {
                return registry.fail(spec.commandLine().getErr(), e);
            }
        }
        Path dir = workDir.toAbsolutePath().normalize();
        TrainingRequest request = new TrainingRequest(new TrainingCommand(command, shell, dir, Map.of(), timeout),
                model, metrics, data, dataIds, params, python, null);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // SIGINT/SIGTERM: the executor's cleanup stops the command's process tree and the run ends as an aborted
        // lineage (aborted: true, no model or metrics, never registered), which is written as this command's result
        ShutdownCleanup.interruptedRunsHaveResults();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                done.await(ABORT_WRITE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlcicd-train-abort");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            // signalled already: the executor starts no command and the aborted lineage is written without waiting
        }
        try {
            ResultDocument document = new TrainingRun(new ProcessCommandExecutor()).run(request, out, err, tailLines);
            if (target != null) {
                Path modelFile = dir.resolve(model).normalize();
                String uri = modelUri != null ? modelUri : modelFile.toString();
                document = TrainingRegistration.register(document, target, new TrainingRegistration.Target(
                        name, uri, blankToNull(sourceUrl), actor != null ? actor : RegistryOptions.defaultActor(), alias, modelFile));
            }
            return output.finish(document, out);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running (or was never added): it returns now that the lineage is written
            }
        }
    }

    /** How long a signalled JVM waits for the aborted run's lineage to be written (the data is hashed first). */
    static final Duration ABORT_WRITE_GRACE = Duration.ofSeconds(30);

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
