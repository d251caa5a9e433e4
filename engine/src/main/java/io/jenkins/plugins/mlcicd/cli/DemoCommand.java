package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.cli.demo.DemoCanary;
import io.jenkins.plugins.mlcicd.cli.demo.DemoIndex;
import io.jenkins.plugins.mlcicd.cli.demo.DemoProcesses;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.registry.FileModelRegistry;
import io.jenkins.plugins.mlcicd.registry.ModelVersion;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the example of {@code examples/fraud} through the three loops of ML delivery with the real
 * commands, in the order its Jenkinsfile does:
 * <ol>
 *   <li>CI: validate the training data, and a new serving batch against it (drift);</li>
 *   <li>CT: train the production model and a candidate with lineage into a file registry, evaluate
 *       both on the same rows, gate the candidate against production;</li>
 *   <li>CD: serve both models on loopback, replay a production request log to both (shadow, with
 *       the delayed labels), then roll the candidate out through nginx with Prometheus watching its
 *       guardrails (canary), and promote it to {@code production} only when the rollout completes.</li>
 * </ol>
 * A loop that fails stops the pipeline there, as Jenkins would. Each step prints the command it runs
 * and its verdict line, so the demo also teaches the CLI; {@code index.html} links every report. The
 * variants {@code --inject-drift}, {@code --bad-candidate} and {@code --bad-canary} show each loop
 * stopping a bad change. Servers are stopped by PID at the end and on Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the example through CI, CT and CD: validate data, train with lineage, evaluate, gate, "
                + "shadow, canary, promote.",
            "Needs python3; the canary also needs nginx and Prometheus (installed with apt when run as root, else skipped)."})
final class DemoCommand implements Callable<Integer> {
    /** Marks a directory as the demo's own, so a second run may clear it and nothing else. */
    static final String MARKER = ".mlcicd-demo";
    static final String MODEL = "fraud-model";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory of the demo (default: mlcicd-demo). Cleared first if a demo made it.")
    Path dir = Path.of("mlcicd-demo");

    @Option(names = "--example", paramLabel = "DIR",
            description = "The example project to copy (default: examples/fraud here or next to the mlcicd jar).")
    Path example;

    @Option(names = "--python", paramLabel = "EXE", description = "Python 3 interpreter for the example's scripts (default: python3).")
    String python = "python3";

    @Option(names = "--inject-drift", description = "The serving batch drifts (larger amounts): the pipeline stops at data validation.")
    boolean injectDrift;

    @Option(names = "--bad-candidate", description = "Train a poor candidate: the gate refuses it.")
    boolean badCandidate;

    @Option(names = "--bad-canary", description = "The canary slows down mid-rollout: its latency guardrail rolls it back.")
    boolean badCanary;

    @Option(names = "--no-cd", description = "Stop after the gate (no model servers, shadow or canary).")
    boolean noCd;

    @Option(names = "--requests", paramLabel = "N", description = "Requests in the replayed production log (default: ${DEFAULT-VALUE}).")
    int requests = 2000;

    /** One command of the pipeline; its result document is where its {@code --out} says. */
    private record Step(String loop, String title, List<String> args) {
        Path document(Path work) {
            return work.resolve(args.get(args.indexOf("--out") + 1));
        }

        String report() {
            int html = args.indexOf("--html");
            return html < 0 ? null : args.get(html + 1);
        }
    }

    /** What the demo ran so far, for the summary and the index page. */
    private final List<DemoIndex.Entry> entries = new ArrayList<>();
    private final List<Verdict> verdicts = new ArrayList<>();
    private int number;

    @Override
    public Integer call() {
        if (requests < 10 || requests > 1_000_000) {
            throw new BadInputException("--requests: " + requests + " is out of range (10 to 1000000)");
        }
        PrintWriter console = spec.commandLine().getOut();
        Path source = exampleDirectory();
        Path work = prepare(dir.toAbsolutePath().normalize(), source);
        console.println("mlcicd demo: example " + source + " copied to " + work);
        String outcome;
        try (DemoProcesses processes = new DemoProcesses()) {
            outcome = pipeline(work, processes, console);
            if (!processes.runningPids().isEmpty()) {
                console.println("mlcicd demo: stopping servers " + processes.runningPids());
            }
        }
        writeIndex(work, outcome);
        console.printf("%nmlcicd demo: %s%n", outcome);
        for (DemoIndex.Entry entry : entries) {
            console.printf("  %-12s %-4s %s%n", entry.verdict() == null ? "SKIPPED" : entry.verdict(), entry.loop(), entry.title());
        }
        console.println("Open " + work.resolve("index.html") + " for every report, the lineage and the registry's history.");
        console.println("Next, see a loop stop a bad change: ./mlcicd demo --inject-drift | --bad-candidate | --bad-canary");
        return verdicts.isEmpty() ? Main.EXIT_BAD_INPUT : Verdict.worstOf(verdicts).exitCode();
    }

    /** The three loops; returns the one-line outcome. A step that cannot run at all throws. */
    private String pipeline(Path work, DemoProcesses processes, PrintWriter console) {
        // CI: the data
        ResultDocument trainingData = run(work, console, new Step("CI", "validate the training data: contract, and drift against the validation data",
                List.of("validate", "--contract", "contract.yaml", "--data", "data/train.csv", "--reference", "data/valid.csv",
                        "--out", "reports/validate.json", "--html", "reports/validate.html")));
        List<String> makeServing = new ArrayList<>(List.of(python, "make_data.py", "--serving", "--out", "serving"));
        if (injectDrift) {
            makeServing.add("--inject-drift");
        }
        script(work, console, makeServing);
        ResultDocument serving = run(work, console, new Step("CI", "validate the new serving batch against the training data (drift)",
                List.of("validate", "--contract", "contract.yaml", "--data", "serving/serving.csv", "--reference", "data/train.csv",
                        "--out", "reports/serving-validate.json", "--html", "reports/serving-validate.html")));
        if (failed(trainingData) || failed(serving)) {
            return "the pipeline stopped at data validation: " + (failed(serving) ? serving : trainingData).summary();
        }

        // CT: the model
        run(work, console, new Step("CT", "train the production model (strongly regularised) with lineage, register it as 'production'",
                trainArgs(python + " train.py --out out/production --l2 0.3", "out/production", "production", "reports/production-lineage")));
        run(work, console, new Step("CT", "evaluate the production model on the validation rows (bootstrap, paired by row id)",
                evaluateArgs("out/production", "reports/production-eval")));
        String candidateCommand = python + " train.py --out out/candidate" + (badCandidate ? " --epochs 5 --lr 0.05" : "");
        run(work, console, new Step("CT", "train the candidate" + (badCandidate ? " (badly: 5 epochs)" : "") + " with lineage, register it as 'candidate'",
                trainArgs(candidateCommand, "out/candidate", "candidate", "reports/candidate-lineage")));
        run(work, console, new Step("CT", "evaluate the candidate on the same rows", evaluateArgs("out/candidate", "reports/candidate-eval")));
        ResultDocument gate = run(work, console, new Step("CT", "gate the candidate against production",
                List.of("gate", "--policy", "gate.yaml", "--candidate", "reports/candidate-eval.json",
                        "--baseline", "reports/production-eval.json", "--out", "reports/gate.json",
                        "--html", "reports/gate.html", "--junit", "reports/gate.xml")));
        if (failed(gate)) {
            return "the gate refused the candidate: " + gate.summary();
        }
        if (noCd) {
            return "the candidate passed the gate; CD skipped (--no-cd)";
        }

        // CD: the candidate beside production, then in front of users
        script(work, console, List.of(python, "make_requests.py", "--out", "logs", "--count", Integer.toString(requests)));
        int productionPort = DemoProcesses.freePort();
        int candidatePort = DemoProcesses.freePort();
        DemoProcesses.Started production = serve(work, processes, console, "out/production/model.bin", productionPort, "baseline");
        DemoProcesses.Started candidate = serve(work, processes, console, "out/candidate/model.bin", candidatePort, "canary");
        ResultDocument shadow = run(work, console, new Step("CD", "shadow: replay " + requests + " logged requests to production and candidate, "
                + "join the delayed labels", List.of("shadow", "--requests", "logs/requests.jsonl",
                        "--baseline-url", "http://127.0.0.1:" + productionPort + "/predict",
                        "--candidate-url", "http://127.0.0.1:" + candidatePort + "/predict",
                        "--score-pointer", "/score", "--id-field", "id", "--concurrency", "8", "--threshold", "0.3",
                        "--labels", "logs/outcomes.csv", "--key", "request_id", "--label", "is_fraud",
                        "--policy", "shadow-gate.yaml", "--slice", "country",
                        "--out", "reports/shadow.json", "--html", "reports/shadow.html")));
        if (failed(shadow)) {
            return "shadow evaluation stopped the candidate: " + shadow.summary();
        }

        DemoCanary.Tools tools = DemoCanary.tools(console);
        if (tools == null) {
            entries.add(new DemoIndex.Entry("CD", "canary: skipped (needs nginx and Prometheus)", null,
                    "install them with: sudo apt-get install nginx prometheus", null));
            promote(work, console, "shadow passed; canary skipped (no nginx/Prometheus)");
            return "the candidate passed shadow evaluation and was promoted; the canary was skipped: " + DemoCanary.HOW_TO_GET;
        }
        DemoCanary canary = new DemoCanary(work, processes, tools, production, productionPort, candidate, candidatePort, console);
        Path plan = canary.start();
        if (badCanary) {
            canary.slowDownCanaryAfter(Duration.ofSeconds(5));
        }
        ResultDocument rollout;
        try {
            rollout = run(work, console, new Step("CD", "canary: " + DemoCanary.SCHEDULE + " through nginx, guardrails from Prometheus"
                    + (badCanary ? " (the canary slows down after 5 s)" : ""),
                    List.of("canary", "--plan", work.relativize(plan).toString(), "--state", "canary/state.json",
                            "--out", "reports/canary.json", "--html", "reports/canary.html")));
        } finally {
            canary.stopTraffic();
        }
        if (failed(rollout)) {
            String timing = canary.rollbackTiming(rollout);
            if (timing != null) {
                console.println("mlcicd demo: " + timing);
            }
            return "the canary was rolled back: " + rollout.summary() + (timing == null ? "" : " (" + timing + ")");
        }
        promote(work, console, "canary promoted: " + rollout.summary());
        return "the candidate passed every loop and is now 'production'";
    }

    private void promote(Path work, PrintWriter console, String reason) {
        List<String> promote = List.of("registry", "promote", "--registry", "registry", "--name", MODEL,
                "--from-alias", "candidate", "--alias", "production", "--gate", "reports/gate.json", "--reason", reason);
        number++;
        console.printf("%n== %d. CD promote the candidate to 'production'%n$ mlcicd %s%n", number, String.join(" ", quoted(promote)));
        console.flush();
        int exit = runInside(work, promote);
        Verdict verdict = exit == 0 ? Verdict.PASSED : Verdict.FAILED;
        verdicts.add(verdict);
        entries.add(new DemoIndex.Entry("CD", "promote the candidate to 'production'", verdict,
                exit == 0 ? "alias 'production' moved to the candidate" : "not promoted (exit " + exit + ")", null));
    }

    private DemoProcesses.Started serve(Path work, DemoProcesses processes, PrintWriter console, String model, int port, String variant) {
        List<String> command = List.of(python, "serve.py", "--model", model, "--port", Integer.toString(port), "--variant", variant);
        console.printf("$ %s &%n", String.join(" ", command));
        Path log = work.resolve("logs/serve-" + variant + ".log");
        DemoProcesses.Started server = processes.start("model server '" + variant + "'", command, work, log);
        DemoProcesses.awaitReady(server, "http://127.0.0.1:" + port + "/healthz", Duration.ofSeconds(20), log);
        return server;
    }

    private static boolean failed(ResultDocument document) {
        return document.verdict() == Verdict.FAILED;
    }

    /** Runs one mlcicd command of the pipeline and records it; bad input stops the demo. */
    private ResultDocument run(Path work, PrintWriter console, Step step) {
        number++;
        console.printf("%n== %d. %s %s%n$ mlcicd %s%n", number, step.loop(), step.title(), String.join(" ", quoted(step.args())));
        console.flush();
        int exit = runInside(work, step.args());
        Path document = step.document(work);
        if (exit == Main.EXIT_BAD_INPUT || !Files.exists(document)) {
            throw new BadInputException("demo step " + number + " (" + step.args().get(0) + ") could not run (exit " + exit + "); see above");
        }
        ResultDocument result = ResultDocumentJson.read(document);
        verdicts.add(result.verdict());
        entries.add(new DemoIndex.Entry(step.loop(), step.title(), result.verdict(), result.summary(), step.report()));
        return result;
    }

    /** Runs one of the example's Python scripts in the demo directory. */
    private void script(Path work, PrintWriter console, List<String> command) {
        console.printf("$ %s%n", String.join(" ", quoted(command)));
        console.flush();
        try {
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BadInputException(String.join(" ", command) + " failed with exit code " + exit + ": " + output.strip());
            }
        } catch (IOException e) {
            throw new BadInputException("cannot run " + command.get(0) + ": " + e.getMessage() + " (set --python)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException("interrupted while running " + String.join(" ", command), e);
        }
    }

    private void writeIndex(Path work, String outcome) {
        Map<Integer, String> lineage = new java.util.HashMap<>();
        FileModelRegistry registry = new FileModelRegistry(work.resolve("registry"));
        List<ModelVersion> versions;
        try {
            versions = registry.list(MODEL);
        } catch (RuntimeException e) {
            versions = List.of();
        }
        // the registry's versions in training order: production first, then the candidate
        String[] reports = {"reports/production-lineage.html", "reports/candidate-lineage.html"};
        for (int i = 0; i < versions.size() && i < reports.length; i++) {
            lineage.put(versions.get(i).version(), reports[i]);
        }
        String html = DemoIndex.page("mlcicd demo", outcome, entries, versions.isEmpty() ? null : registry, MODEL, lineage);
        ResultDocumentJson.writeAtomically(work.resolve("index.html"), html);
    }

    private List<String> trainArgs(String command, String out, String alias, String report) {
        return List.of("train", "--command", command, "--model", out + "/model.bin", "--metrics", out + "/metrics.json",
                "--data", "data/train.csv", "--data", "data/valid.csv", "--python", python,
                "--registry", "registry", "--name", "fraud-model", "--alias", alias,
                "--out", report + ".json", "--html", report + ".html");
    }

    private static List<String> evaluateArgs(String out, String report) {
        return List.of("evaluate", "--predictions", out + "/predictions.csv", "--label", "is_fraud", "--score", "score",
                "--threshold", "0.3", "--slice", "foreign", "--id", "row_id", "--bootstrap", "200", "--seed", "7",
                "--out", report + ".json", "--html", report + ".html");
    }

    /** Runs one CLI command on files of the demo directory, its output going to this command's console. */
    private int runInside(Path work, List<String> args) {
        PrintStream out = new PrintStream(new ConsoleOutputStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ConsoleOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        int exit = Main.run(inDirectory(work, args).toArray(String[]::new), out, err);
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * The JVM resolves relative paths against the directory it started in, so the demo's paths are
     * made absolute; {@code train} instead runs in the demo directory ({@code --workdir}) and keeps
     * its paths relative, as a user's lineage record would have them.
     */
    static List<String> inDirectory(Path work, List<String> args) {
        boolean train = "train".equals(args.get(0));
        List<String> absolute = new ArrayList<>(args.size() + 2);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            absolute.add(arg);
            boolean relativeToWorkdir = train && TRAIN_WORKDIR_OPTIONS.contains(arg);
            if (i + 1 < args.size() && PATH_OPTIONS.contains(arg) && !relativeToWorkdir) {
                absolute.add(work.resolve(args.get(++i)).toString());
            }
        }
        if (train) {
            absolute.add("--workdir");
            absolute.add(work.toString());
        }
        return absolute;
    }

    private static final List<String> PATH_OPTIONS = List.of("--contract", "--data", "--reference", "--out", "--html",
            "--junit", "--predictions", "--policy", "--candidate", "--baseline", "--registry", "--gate",
            "--requests", "--labels", "--plan", "--state");
    private static final List<String> TRAIN_WORKDIR_OPTIONS = List.of("--data");

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.isEmpty() || a.matches(".*[\\s'\"$].*") ? "'" + a.replace("'", "'\\''") + "'" : a).toList();
    }

    private Path exampleDirectory() {
        if (example != null) {
            if (!Files.isRegularFile(example.resolve("train.py"))) {
                throw new BadInputException(example + ": not the example project (no train.py)");
            }
            return example.toAbsolutePath().normalize();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("examples", "fraud"));
        jarDirectory().ifPresent(jarDir -> candidates.add(jarDir.resolve("../../examples/fraud")));
        return candidates.stream()
                .filter(c -> Files.isRegularFile(c.resolve("train.py")))
                .findFirst()
                .map(c -> c.toAbsolutePath().normalize())
                .orElseThrow(() -> new BadInputException(
                        "examples/fraud not found here or next to the mlcicd jar; run from the repository root or pass --example DIR"));
    }

    private static java.util.Optional<Path> jarDirectory() {
        try {
            Path location = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return java.util.Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** A fresh copy of the example (without its out/), in a directory that is empty or was the demo's. */
    static Path prepare(Path work, Path source) {
        try {
            if (Files.exists(work)) {
                boolean empty;
                try (Stream<Path> entries = Files.list(work)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!empty && !Files.exists(work.resolve(MARKER))) {
                    throw new BadInputException(work + ": exists and was not made by mlcicd demo; choose another --dir");
                }
                deleteTree(work);
            }
            Files.createDirectories(work.resolve("reports"));
            Files.writeString(work.resolve(MARKER), "made by mlcicd demo; deleted by the next run\n");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path relative = source.relativize(file);
                    if (relative.startsWith("out") || relative.toString().isEmpty()) {
                        continue;
                    }
                    Path target = work.resolve(relative.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
