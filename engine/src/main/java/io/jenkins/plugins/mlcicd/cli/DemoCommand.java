package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.input.BadInputException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the example pipeline of {@code examples/fraud} with the real commands, in the order a
 * Jenkinsfile would: validate the data, train a champion and a candidate with lineage into a
 * file registry, evaluate both on the validation rows, gate the candidate against the champion,
 * and promote it when the gate lets it. Each step prints the command it runs, so the demo also
 * teaches the CLI.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the example pipeline end to end: validate data, train with lineage, evaluate, gate, promote.")
final class DemoCommand implements Callable<Integer> {
    /** Marks a directory as the demo's own, so a second run may clear it and nothing else. */
    static final String MARKER = ".mlcicd-demo";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory of the demo (default: mlcicd-demo). Cleared first if a demo made it.")
    Path dir = Path.of("mlcicd-demo");

    @Option(names = "--example", paramLabel = "DIR",
            description = "The example project to copy (default: examples/fraud here or next to the mlcicd jar).")
    Path example;

    @Option(names = "--python", paramLabel = "EXE", description = "Python 3 interpreter for the example trainer (default: python3).")
    String python = "python3";

    /** One command of the pipeline; its result document is where its {@code --out} says. */
    private record Step(String title, List<String> args) {
        Path document(Path work) {
            return work.resolve(args.get(args.indexOf("--out") + 1));
        }
    }

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Path source = exampleDirectory();
        Path work = prepare(dir.toAbsolutePath().normalize(), source);
        console.println("mlcicd demo: example " + source + " copied to " + work);

        String champion = python + " train.py --out out/champion --l2 0.3";
        String candidate = python + " train.py --out out/candidate";
        List<Step> steps = List.of(
                new Step("validate the training data: contract, and drift against the validation data",
                        List.of("validate", "--contract", "contract.yaml", "--data", "data/train.csv",
                                "--reference", "data/valid.csv", "--out", "reports/validate.json", "--html", "reports/validate.html")),
                new Step("train the champion (strongly regularised) with lineage, register it as 'champion'",
                        trainArgs(champion, "out/champion", "champion", "reports/champion-lineage")),
                new Step("evaluate the champion on the validation rows (bootstrap, paired by row id)",
                        evaluateArgs("out/champion", "reports/champion-eval")),
                new Step("train the candidate with lineage, register it as 'candidate'",
                        trainArgs(candidate, "out/candidate", "candidate", "reports/candidate-lineage")),
                new Step("evaluate the candidate on the same rows",
                        evaluateArgs("out/candidate", "reports/candidate-eval")),
                new Step("gate the candidate against the champion",
                        List.of("gate", "--policy", "gate.yaml", "--candidate", "reports/candidate-eval.json",
                                "--baseline", "reports/champion-eval.json", "--out", "reports/gate.json",
                                "--html", "reports/gate.html", "--junit", "reports/gate.xml")));

        List<ResultDocument> results = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            console.printf("%n== %d/%d %s%n$ mlcicd %s%n", i + 1, steps.size() + 1, step.title(), String.join(" ", quoted(step.args())));
            console.flush();
            int exit = runInside(work, step.args());
            Path document = step.document(work);
            if (exit == Main.EXIT_BAD_INPUT || !Files.exists(document)) {
                console.println("mlcicd demo: step " + (i + 1) + " could not run (exit " + exit + "); stopping");
                return Main.EXIT_BAD_INPUT;
            }
            results.add(ResultDocumentJson.read(document));
        }

        ResultDocument gate = results.get(results.size() - 1);
        List<String> promote = List.of("registry", "promote", "--registry", "registry", "--name", "fraud-model",
                "--from-alias", "candidate", "--alias", "champion", "--gate", "reports/gate.json",
                "--reason", "demo: gate " + gate.verdict());
        console.printf("%n== %d/%d promote the candidate to champion if the gate allows it%n$ mlcicd %s%n",
                steps.size() + 1, steps.size() + 1, String.join(" ", quoted(promote)));
        console.flush();
        int promoted = runInside(work, promote);

        console.printf("%nmlcicd demo: done. Results in %s%n", work.resolve("reports"));
        for (int i = 0; i < results.size(); i++) {
            console.printf("  %-12s %s%n", results.get(i).verdict(), steps.get(i).title());
        }
        console.printf("  %-12s %s%n", promoted == 0 ? "PROMOTED" : "NOT PROMOTED", "registry alias 'champion'");
        console.println("Open reports/*.html in a browser; registry/fraud-model holds the versions and the alias history.");
        return Verdict.worstOf(results.stream().map(ResultDocument::verdict).toList()).exitCode();
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
            "--junit", "--predictions", "--policy", "--candidate", "--baseline", "--registry", "--gate");
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
