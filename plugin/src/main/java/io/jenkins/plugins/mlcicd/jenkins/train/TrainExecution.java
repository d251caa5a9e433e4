package io.jenkins.plugins.mlcicd.jenkins.train;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.DurableScript;
import io.jenkins.plugins.mlcicd.jenkins.common.LogMasker;
import io.jenkins.plugins.mlcicd.jenkins.common.PolledExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultMaps;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.ShellScript;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import io.jenkins.plugins.mlcicd.lineage.LogTail;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.durabletask.Controller;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The asynchronous execution of {@code mlTrain} on a Unix agent: the training command runs as a durable
 * task ({@link DurableScript}, as {@code sh} runs its script), so it belongs to the agent and goes on
 * while the controller restarts; the serializable {@link Controller} is all this execution needs to
 * find it again ({@link #onResume}). No executor thread waits for it: a {@link Timer} task polls every
 * {@value #POLL_SECONDS} s, copies its output to the build log and collects the lineage's log tail;
 * when it has ended, the lineage is recorded ({@link TrainRunner#finish}) and the step returns it.
 *
 * <p>The timeout and an aborted build stop the command's process tree ({@link Controller#stop}); an
 * abort's lineage is recorded as aborted ({@link CommandOutcome#aborted}) and the step then fails with
 * the abort's cause. The decisions are {@link TrainControl}'s.
 */
public final class TrainExecution extends PolledExecution {
    /** What keeps running on the agent while the controller cannot reach it. */
    private static final String GOES_ON = "the training command there goes on";
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(TrainExecution.class.getName());
    static final long POLL_SECONDS = 2;

    private final String functionName;
    private final String id;
    private final boolean stopBuild;
    private final boolean unstableOnly;
    private final String checksName;
    private final boolean skipPublishingChecks;
    private final String command;
    private final String model;
    private final RegistryTarget registry;
    private final TrainControl control;
    private final LineTail tail = new LineTail(LogTail.DEFAULT_LINES);

    private TrainRunner.Prepared prepared;
    /** Who the registry records; decided in {@link #start()}, on the build's thread (the timer threads run as SYSTEM). */
    private String actor;
    private Controller controller;
    /** Wall clock at launch, 0 before; volatile: {@link #getStatus} reads it without the lock a poll may hold for long. */
    private volatile long launchedAtMs;
    private Throwable stopCause;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only the training's own output: starts again after a restart")
    private transient LogMasker lines;
    /** The request, only until the command is launched; a restart before that fails the step. */
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "not needed once launched")
    private final transient TrainRequest request;

    TrainExecution(StepContext context, StepOptions options, TrainRequest request) {
        super(context);
        this.functionName = options.functionName();
        this.id = options.id();
        this.stopBuild = options.stopBuild();
        this.unstableOnly = options.unstableOnly();
        this.checksName = options.checksName();
        this.skipPublishingChecks = options.skipPublishingChecks();
        this.command = request.command();
        this.model = request.model();
        this.registry = request.registry();
        this.control = new TrainControl(request.timeout() == null ? null : request.timeout().toMillis());
        this.request = request;
    }

    private StepOptions options() {
        return new StepOptions(functionName, id, stopBuild, unstableOnly, checksName, skipPublishingChecks);
    }

    private String prefix() {
        return ResultPublisher.logPrefix(options());
    }

    @Override
    public boolean start() throws Exception {
        // before the training starts: a registration that moves an alias needs the user's permission
        actor = TrainRunner.actor(getContext().get(Run.class), options(), registry);
        // the preparation asks the agent (git, the interpreter): not on the CPS thread
        schedule(this::begin, 0);
        return false;
    }

    private synchronized void begin() {
        if (control.phase() != TrainControl.Phase.RUNNING) {
            return; // stopped before it was launched
        }
        try {
            BuildContext build = build();
            prepared = TrainRunner.prepare(build, options(), request);
            if (control.phase() != TrainControl.Phase.RUNNING) {
                return;
            }
            EnvVars env = new EnvVars();
            env.putAll(build.env());
            // exec: the shell that runs the command line is the durable task's process; as `sh -c` in the foreground
            controller = DurableScript.launch(build, ShellScript.exec(LaunchedCommand.argv(true, command)), env);
            launchedAtMs = System.currentTimeMillis();
            lines = new LogMasker(List.of());
            getContext().saveState();
            schedule(this::poll, POLL_SECONDS);
        } catch (IOException | RuntimeException e) {
            end(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(e);
        }
    }

    private synchronized void poll() {
        if (control.phase() == TrainControl.Phase.FINISHED) {
            return;
        }
        BuildContext build;
        Integer exit;
        try {
            build = build();
            copyLog(build, false);
            exit = controller.exitStatus(build.workspace(), build.launcher(), build.listener());
            agentReachable();
        } catch (IOException e) {
            // typically the agent's channel is closed: the command there goes on; look again later
            agentUnreachable(prefix(), GOES_ON, e);
            schedule(this::poll, POLL_SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            schedule(this::poll, POLL_SECONDS);
            return;
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "mlTrain poll failed", e);
            end(e);
            return;
        }
        act(build, control.onPoll(exit, elapsedMs()), exit);
    }

    private void act(BuildContext build, TrainControl.Action action, Integer exit) {
        switch (action) {
            case POLL -> schedule(this::poll, POLL_SECONDS);
            case STOP -> {
                build.listener().getLogger().println(prefix() + (control.reason() == TrainControl.Reason.TIMEOUT
                        ? "the training command exceeded its timeout; stopping it" : "stopping the training command"));
                stopProcess(build);
                schedule(this::poll, POLL_SECONDS);
            }
            case FINISH -> finish(build, exit);
            case NOTHING -> {
                // ended already, or a stop is under way
            }
        }
    }

    /** Records the lineage of the ended (or stopped) command and ends the step. */
    private void finish(BuildContext build, Integer exit) {
        long durationMs = elapsedMs();
        try {
            copyLog(build, true);
        } catch (IOException | InterruptedException e) {
            build.listener().getLogger().println(prefix() + "the rest of the command's output cannot be read: " + e.getMessage());
        }
        if (exit == null) {
            build.listener().getLogger().println(prefix() + "the stopped command did not report its end within "
                    + TrainControl.STOP_GRACE_MS / 1000 + " s; recording its lineage without an exit code");
        }
        CommandOutcome outcome = control.outcome(exit, durationMs, tail.lines());
        try {
            ResultDocument document = TrainRunner.finish(build, options(), model, registry, prepared, outcome, handler(build), actor);
            cleanup(build);
            if (stopCause != null) {
                getContext().onFailure(stopCause);
            } else {
                getContext().onSuccess(ResultMaps.toMap(document));
            }
        } catch (IOException | RuntimeException e) {
            cleanup(build);
            getContext().onFailure(stopCause != null ? stopCause : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanup(build);
            getContext().onFailure(stopCause != null ? stopCause : e);
        }
    }

    @Override
    public synchronized void stop(@NonNull Throwable cause) {
        if (stopCause == null) {
            stopCause = cause;
        }
        if (controller == null) {
            // not launched yet: nothing runs, nothing to record
            control.finished();
            cancel();
            getContext().onFailure(cause);
            return;
        }
        if (control.onStop(elapsedMs()) == TrainControl.Action.STOP) {
            cancel();
            // at once, not at the next poll: the process tree must die promptly
            schedule(() -> {
                synchronized (this) {
                    try {
                        act(build(), TrainControl.Action.STOP, null);
                    } catch (IOException e) {
                        agentUnreachable(prefix(), GOES_ON, e);
                        schedule(this::poll, POLL_SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        schedule(this::poll, POLL_SECONDS);
                    }
                }
            }, 0);
        }
    }

    /** Kills the command's process tree (the durable task finds it by its cookie, on the agent). */
    private void stopProcess(BuildContext build) {
        try {
            controller.stop(build.workspace(), build.launcher());
        } catch (IOException e) {
            build.listener().getLogger().println(prefix() + "could not stop the training command (" + e.getMessage() + "); trying again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onResume() {
        schedule(this::resume, 0);
    }

    private synchronized void resume() {
        if (controller == null) {
            control.finished();
            getContext().onFailure(new AbortException(functionName + " '" + id
                    + "': the controller restarted before the training command was launched; run the build again"));
            return;
        }
        BuildContext build;
        try {
            build = build();
        } catch (IOException e) {
            agentUnreachable(prefix(), GOES_ON, e);
            schedule(this::resume, POLL_SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            schedule(this::resume, POLL_SECONDS);
            return;
        }
        lines = new LogMasker(List.of());
        TrainControl.Action action = control.onResume(elapsedMs());
        if (action != TrainControl.Action.NOTHING) {
            build.listener().getLogger().println(prefix() + "the controller restarted; the training command ran on in the meantime;"
                    + " reconnecting to it");
        }
        act(build, action, null);
    }

    @Override
    public String getStatus() {
        return functionName + " '" + id + "': " + control + (launchedAtMs == 0 ? ", not launched yet"
                : ", running for " + elapsedMs() / 1000 + " s");
    }

    // ---- plumbing ----

    private long elapsedMs() {
        return launchedAtMs == 0 ? 0 : Math.max(0, System.currentTimeMillis() - launchedAtMs);
    }

    private void copyLog(BuildContext build, boolean ended) throws IOException, InterruptedException {
        if (lines == null) {
            lines = new LogMasker(List.of());
        }
        DurableScript.Copied copied = DurableScript.copyLog(build.workspace(), controller, lines, build.listener().getLogger(), ended);
        tail.accept(copied.text());
        if (copied.wrote()) {
            // the controller counts what it copied, and the tail grew: keep both across a restart
            getContext().saveState();
        }
    }

    private void cleanup(BuildContext build) {
        control.finished();
        try {
            controller.cleanup(build.workspace());
        } catch (IOException e) {
            build.listener().getLogger().println(prefix() + "could not clean up the training command's task: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void end(Throwable failure) {
        control.finished();
        cancel();
        getContext().onFailure(failure);
    }
}
