package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.BuildOutcome;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.VerdictMapping;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Everything an ML step does with its result once the engine produced it, the same for every step
 * and both front ends: store the document with the build, attach the action, publish the pull request
 * check, log a summary, map the verdict to a build result (DESIGN.md §3) and stop the build when asked to.
 */
public final class ResultPublisher {
    private ResultPublisher() {
    }

    /**
     * Refuses a second invocation with the same id in one build: its files and URL would clash.
     * Call before doing any work.
     */
    public static void ensureIdUnused(Run<?, ?> run, Class<? extends MlResultAction> type, StepOptions options) {
        boolean used = run.getActions(type).stream().anyMatch(action -> action.getId().equals(options.id()));
        if (used) {
            throw new BadInputException(options.functionName() + ": id '" + options.id()
                    + "' is already used by an earlier " + options.functionName() + " in this build; give each call its own id");
        }
    }

    /**
     * @return the build outcome the verdict maps to
     * @throws AbortException when {@code stopBuild} is set and the outcome is FAILURE
     */
    public static BuildOutcome publish(BuildContext build, StepOptions options, ResultDocument document,
                                       VerdictMapping mapping, MlResultAction action, ResultHandler handler)
            throws IOException {
        RunStore.writeResult(RunStore.directory(build.run(), action.kind(), options.id()), document);
        build.run().addAction(action);
        ChecksPublication.completed(build, options, document, action);

        BuildOutcome outcome = mapping.outcomeOf(document.verdict());
        PrintStream log = build.listener().getLogger();
        String prefix = logPrefix(options);
        for (String line : ConsoleSummary.lines(document, outcome)) {
            log.println(prefix + line);
        }
        String message = options.functionName() + " '" + options.id() + "' " + document.verdict() + ": " + document.summary();
        if (outcome != BuildOutcome.SUCCESS) {
            handler.setResult(Outcomes.toResult(outcome), message);
        }
        if (options.stopBuild() && outcome == BuildOutcome.FAILURE) {
            throw new AbortException(message + " (stopBuild: true)");
        }
        return outcome;
    }

    /**
     * Keeps what an aborted run measured: the document with the build and its action on the build page,
     * with a summary in the log. The build result is left alone: the abort decides it.
     */
    public static void keepAborted(BuildContext build, StepOptions options, ResultDocument document, MlResultAction action)
            throws IOException {
        RunStore.writeResult(RunStore.directory(build.run(), action.kind(), options.id()), document);
        build.run().addAction(action);
        PrintStream log = build.listener().getLogger();
        String prefix = logPrefix(options);
        log.println(prefix + "aborted; kept what was measured until then: " + document.verdict() + ": " + document.summary());
        for (String line : ConsoleSummary.lines(document, BuildOutcome.SUCCESS)) {
            if (line.startsWith("  ")) {
                log.println(prefix + line);
            }
        }
    }

    /** {@code [mlGate gate] }: every log line of one invocation starts with it. */
    public static String logPrefix(StepOptions options) {
        return "[" + options.functionName() + " " + options.id() + "] ";
    }

    /** Bad input ends the step with one line and no stack trace, like the CLI's exit code 2. */
    public static AbortException badInput(StepOptions options, BadInputException e) {
        return new AbortException(options.functionName() + ": " + e.getMessage());
    }
}
