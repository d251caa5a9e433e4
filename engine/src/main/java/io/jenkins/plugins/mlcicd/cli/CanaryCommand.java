package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.canary.CanaryController;
import io.jenkins.plugins.mlcicd.canary.CanaryPlan;
import io.jenkins.plugins.mlcicd.canary.CanaryRun;
import io.jenkins.plugins.mlcicd.canary.LiveView;
import io.jenkins.plugins.mlcicd.canary.PlanReader;
import io.jenkins.plugins.mlcicd.canary.Schedule;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.jenkins.plugins.mlcicd.output.ShutdownCleanup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "canary", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Progressive rollout: move traffic to the canary stage by stage, watch guardrails on live"
                + " Prometheus metrics, roll back automatically on a breach.",
        footer = {"", "Exit codes: 0 promoted, 1 rolled back, aborted or rollback failed, 2 bad plan or usage."})
final class CanaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "FILE", description = "Rollout plan, YAML or JSON (.json). Required.")
    Path plan;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Durable controller state. An unfinished rollout recorded there is resumed; held under a lock while running.")
    Path state;

    @OutputOption
    @Option(names = "--progress", paramLabel = "FILE",
            description = "Rewrite the canary result document (verdict INCONCLUSIVE while running) after every change.")
    Path progress;

    @Option(names = "--on-resume", paramLabel = "continue|rollback", defaultValue = "continue",
            description = "What a resumed rollout in a stage does (default: ${DEFAULT-VALUE}).")
    CanaryController.OnResume onResume;

    @Option(names = "--abort", description = "Roll back the rollout recorded in --state now and record it as aborted.")
    boolean abort;

    @Option(names = "--dry-run", description = "Validate the plan and print the schedule; never call the router.")
    boolean dryRun;

    @Mixin
    ResultOutputOptions output;

    @Override
    public Integer call() throws Exception {
        // a signal ends this command with a complete result of its own, which must still be written
        ShutdownCleanup.interruptedRunsHaveResults();
        if (plan == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--plan=FILE'");
        }
        PrintWriter console = spec.commandLine().getOut();
        CanaryPlan canaryPlan = PlanReader.read(plan);
        if (dryRun) {
            console.print(Schedule.describe(canaryPlan));
            console.flush();
            return 0;
        }
        CanaryRun run = CanaryRun.of(canaryPlan, Secrets.fromEnvironment(), Path.of("").toAbsolutePath());
        // SIGINT/SIGTERM: the hook asks the rollout to roll back, waits until the results are written,
        // then ends the JVM with the rollout's exit code (1 unless it had just been promoted)
        CountDownLatch written = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(1);
        long waitMs = canaryPlan.rollbackWithin().toMillis() + canaryPlan.rollback().timeout().toMillis()
                * canaryPlan.rollback().attempts() + 60_000;
        Thread hook = new Thread(() -> {
            run.requestAbort("received a termination signal (SIGINT/SIGTERM)");
            try {
                written.await(waitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitCode.get());
        }, "mlcicd-canary-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            LiveView view = new LiveView(spec.commandLine().getErr(), System.console() != null, canaryPlan);
            ResultDocument result = run.execute(state, progress, onResume, abort, view);
            int code = output.finish(result, console);
            exitCode.set(code);
            return code;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and ends the JVM itself
            }
        }
    }
}
