package io.jenkins.plugins.mlcicd.canary;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Secrets;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * One engine run of a rollout from files: builds the router and the metric source from the plan
 * (credentials resolved before any traffic moves), holds the state file's lock so that two engines
 * never drive one rollout, resumes a recorded rollout, and writes the state and the progress document
 * after every change. A second engine waits for the lock and then resumes from (or reports) the state.
 * {@code --abort} while another engine holds the lock leaves a request file that the holder picks up.
 */
public final class CanaryRun {
    private final CanaryPlan plan;
    private final TrafficRouter router;
    private final TrafficRouter rollbackRouter;
    private final MetricSource metrics;
    private final RolloutClock clock;
    private volatile CanaryController controller;

    public CanaryRun(CanaryPlan plan, TrafficRouter router, TrafficRouter rollbackRouter, MetricSource metrics, RolloutClock clock) {
        this.plan = plan;
        this.router = router;
        this.rollbackRouter = rollbackRouter;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The production wiring: command or HTTP routers, Prometheus; secrets named by credentialsId resolved now. */
    public static CanaryRun of(CanaryPlan plan, Secrets secrets, Path workDir) {
        PrometheusSpec p = plan.prometheus();
        String auth = p.credentialsId() == null ? null : secrets.require(p.credentialsId(), "metrics.prometheus.credentialsId");
        MetricSource metrics = new PrometheusClient(p.url(), auth, p.timeout(), secrets::masked);
        return new CanaryRun(plan, router(plan.router(), "router", secrets, workDir),
                router(plan.rollback(), "rollback", secrets, workDir), metrics, RolloutClock.SYSTEM);
    }

    private static TrafficRouter router(RouterSpec spec, String key, Secrets secrets, Path workDir) {
        if (spec.command() != null) {
            return new CommandRouter(spec.command(), workDir, spec.timeout(), secrets::masked);
        }
        String auth = spec.http().credentialsId() == null ? null
                : secrets.require(spec.http().credentialsId(), key + ".http.credentialsId");
        return new HttpRouter(spec.http(), auth, spec.timeout());
    }

    /**
     * Runs (or resumes, or aborts) the rollout.
     *
     * @param stateFile the durable state, or null to keep it in memory only
     * @param progress  the progress document rewritten after every change, or null
     * @param view      the live view, told after the files are written
     */
    public ResultDocument execute(Path stateFile, Path progress, CanaryController.OnResume onResume, boolean abort,
                                  RolloutListener view) {
        if (stateFile == null) {
            if (abort) {
                throw new BadInputException("--abort needs --state: the state file records the rollout to roll back");
            }
            return drive(new RolloutState(), null, progress, onResume, false, view);
        }
        Path lockFile = sibling(stateFile, ".lock");
        Path abortFile = sibling(stateFile, ".abort");
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    if (abort) {
                        Files.writeString(abortFile, "abort requested\n");
                    }
                    System.err.println("mlcicd canary: another engine drives " + stateFile + "; waiting for it");
                    lock = channel.lock();
                }
                try {
                    RolloutState state = Files.exists(stateFile) ? RolloutState.read(stateFile) : new RolloutState();
                    if (state.planDigest != null && !state.planDigest.equals(plan.digest()) && !abort) {
                        throw new BadInputException(stateFile + ": records a rollout of another plan (digest "
                                + state.planDigest.substring(0, 12) + "…, this plan " + plan.digest().substring(0, 12)
                                + "…): finish or --abort it, or use another --state file");
                    }
                    return drive(state, stateFile, progress, onResume, abort, view);
                } finally {
                    Files.deleteIfExists(abortFile);
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private ResultDocument drive(RolloutState state, Path stateFile, Path progress, CanaryController.OnResume onResume,
                                 boolean abort, RolloutListener view) {
        Consumer<RolloutState> persist = s -> {
            if (stateFile != null) {
                ResultDocumentJson.writeAtomically(stateFile, s.toJson());
            }
            if (progress != null) {
                ResultDocumentJson.write(CanaryReport.document(plan, s, clock.now()), progress);
            }
        };
        CanaryController c = new CanaryController(plan, state, clock, router, rollbackRouter, metrics, s -> {
            persist.accept(s);
            view.changed(s);
        });
        controller = c;
        Thread watcher = stateFile == null ? null : watchAbortFile(sibling(stateFile, ".abort"), c);
        try {
            if (abort) {
                c.abort("requested by --abort");
            } else {
                c.run(onResume);
            }
        } finally {
            if (watcher != null) {
                watcher.interrupt();
            }
        }
        persist.accept(state);
        return CanaryReport.document(plan, state, clock.now());
    }

    /**
     * Asks the running rollout to roll back now (a signal): thread-safe, returns at once. The
     * controller polls for it at least every 200 ms between calls; the run's thread is not interrupted,
     * because an interrupt closes the file channel that may be writing the state at that moment.
     */
    public void requestAbort(String reason) {
        CanaryController c = controller;
        if (c != null) {
            c.requestAbort(reason);
        }
    }

    private static Thread watchAbortFile(Path abortFile, CanaryController c) {
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (Files.exists(abortFile)) {
                        c.requestAbort("requested by --abort from another process");
                        return;
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "mlcicd-canary-abort-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    static Path sibling(Path file, String suffix) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }
}
