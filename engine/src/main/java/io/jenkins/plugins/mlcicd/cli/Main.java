package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code mlcicd}: maps every failure to a one-line message and an exit code (DESIGN.md §3). */
public final class Main {
    /** Bad input or usage. */
    public static final int EXIT_BAD_INPUT = 2;
    /** The machine ran out of memory or disk: neither a verdict nor bad input (DESIGN.md §3 has 0-4). */
    public static final int EXIT_RESOURCES = 5;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ResourceExhaustion.watchHeap();
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new MlcicdCommand());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, ignored) -> {
            err.println("mlcicd: " + e.getMessage());
            CommandLine failing = e.getCommandLine();
            err.println("Run '" + failing.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, ignored, parseResult) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            String exhausted = ResourceExhaustion.describe(e);
            if (exhausted != null) {
                err.println("mlcicd: " + exhausted);
                return EXIT_RESOURCES;
            }
            err.println("mlcicd: " + describe(e));
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionStrategy(parsed -> {
            if (!helpRequested(parsed)) {
                try {
                    OutputChecks.check(parsed); // before any work: a long run must not fail at its last step
                } catch (RuntimeException e) {
                    throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), e.getMessage(), e);
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Errors are not Exceptions: picocli lets them through; they still get one line, no stack trace
            err.println("mlcicd: " + ResourceExhaustion.describe(e));
            return EXIT_RESOURCES;
        }
    }

    private static boolean helpRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        if (e instanceof BadInputException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return io.getMessage();
        }
        String message = e.getMessage();
        return "internal error: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message)
                + " (run with --debug for details)";
    }
}
