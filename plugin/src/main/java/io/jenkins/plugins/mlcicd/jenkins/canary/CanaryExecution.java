package io.jenkins.plugins.mlcicd.jenkins.canary;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.jenkins.common.AgentEngine;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.jenkins.common.DurableScript;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineExit;
import io.jenkins.plugins.mlcicd.jenkins.common.EngineResults;
import io.jenkins.plugins.mlcicd.jenkins.common.LogMasker;
import io.jenkins.plugins.mlcicd.jenkins.common.ChecksPublication;
import io.jenkins.plugins.mlcicd.jenkins.common.PolledExecution;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultMaps;
import io.jenkins.plugins.mlcicd.jenkins.common.ResultPublisher;
import io.jenkins.plugins.mlcicd.jenkins.common.RunStore;
import io.jenkins.plugins.mlcicd.jenkins.common.ShellScript;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import io.jenkins.plugins.mlcicd.jenkins.common.WorkspaceFiles;
import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.durabletask.Controller;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The asynchronous execution of {@code mlCanary}: a rollout takes hours, and no executor thread may wait
 * for it, and neither a controller restart nor an aborted build may leave traffic on a canary nobody watches.
 *
 * <p>Why a durable task: the rollout is run by the engine ({@code mlcicd canary}) on the agent as a
 * durable task ({@link DurableScript}, as the {@code sh} step runs its script), not by the
 * controller. The process belongs to the agent, so it goes on guarding the traffic (analysing every
 * interval, rolling back on a breach) while the controller restarts; its {@link Controller} is
 * serializable and is all the execution needs to find it again. The alternative, a state machine on the
 * controller calling the router through the agent's channel, would stop guarding the traffic for the
 * length of every restart; and the engine already is that state machine, with its state in a file.
 *
 * <p>How: {@link #start} returns at once; a {@link Timer} task prepares and launches the engine, then
 * polls every {@value #POLL_SECONDS} s: copies new engine output to the build log (masked:
 * {@link LogMasker}), reads the {@code --progress} document into the live build action, copies the
 * engine's state file to the build directory (so a relaunch on an agent that lost its workspace can
 * resume), and when the process has ended, reads its {@code --out} result. What to do on each
 * observation is decided by {@link RolloutControl} (serialized with this execution):
 * <ul>
 *   <li>{@link #onResume} after a controller restart: poll the same process again (its time in the stage
 *       counted all along), or, with {@code onResume: 'rollback'}, stop it and roll back; a process that
 *       died meanwhile is relaunched on the same {@code --state}, and the engine resumes from it.</li>
 *   <li>{@link #stop} (build aborted): the engine is stopped (SIGTERM: it starts rolling back) and
 *       {@code mlcicd canary --abort} runs on the same state (it waits for the first one's lock and
 *       finishes the rollback); the step fails with the abort's cause only once that has ended.</li>
 * </ul>
 * Credentials reach the engine in its 0600 secrets file in the work directory ({@link CanaryRunner});
 * after a restart they are resolved again for masking and for a relaunch, never stored here.
 */
public final class CanaryExecution extends PolledExecution {
    /** What keeps running on the agent while the controller cannot reach it. */
    private static final String GOES_ON = "the engine there goes on guarding the rollout";
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CanaryExecution.class.getName());
    /** How often the engine's log, progress and exit status are read. */
    static final long POLL_SECONDS = 3;
    /** How much of the engine's log is kept to quote a refused plan's message. */
    private static final int TAIL_CHARS = 16 * 1024;
    /** The controller's copy of the engine's state, in the step's directory of the build. */
    static final String STATE_COPY = "canary-state.json";

    private final CanaryRequest request;
    private final String functionName;
    private final String id;
    private final boolean stopBuild;
    private final boolean unstableOnly;
    private final RolloutControl control = new RolloutControl();

    private String workDir;
    /** Who the registry records as having moved an alias; decided in {@link #start()}, on the build's thread. */
    private String actor;
    private CanaryFiles files;
    private ArrayList<String> credentialIds = new ArrayList<>();
    private Controller controller;
    private ArrayList<Controller> stopped = new ArrayList<>();
    private Throwable stopCause;
    private long progressStamp;
    private long stateStamp;
    /** The --abort engine has been launched (a restart between the decision to abort and the launch must still launch it). */
    private boolean abortLaunched;

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "rebuilt from the credentials on resume")
    private transient LogMasker masker;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "a log tail for messages; starts empty after a restart")
    private transient StringBuilder tail;
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "the last status line; read again from the progress")
    private transient volatile String lastStatusLine;

    CanaryExecution(StepContext context, StepOptions options, CanaryRequest request) {
        super(context);
        this.request = request;
        this.functionName = options.functionName();
        this.id = options.id();
        this.stopBuild = options.stopBuild();
        this.unstableOnly = options.unstableOnly();
    }

    private StepOptions options() {
        return new StepOptions(functionName, id, stopBuild, unstableOnly);
    }

    private String prefix() {
        return ResultPublisher.logPrefix(options());
    }

    @Override
    public boolean start() throws Exception {
        // the permission to move registry aliases is the build's user's: asked here, where the step runs
        // with the build's authentication (the timer threads below run as SYSTEM), before any traffic moves
        try {
            actor = CanaryRunner.authorize(getContext().get(Run.class), options(), request);
        } catch (BadInputException e) {
            throw ResultPublisher.badInput(options(), e);
        }
        // preparing copies the engine's jars to the agent: not on the CPS thread
        schedule(this::begin, 0);
        return false;
    }

    private synchronized void begin() {
        if (control.mode() == RolloutControl.Mode.FINISHED) {
            return;
        }
        try {
            BuildContext build = build();
            CanaryRunner.Prepared prepared = CanaryRunner.prepare(build, options(), request);
            workDir = prepared.workDir().getRemote();
            files = prepared.files();
            credentialIds = new ArrayList<>(prepared.credentialIds());
            masker = new LogMasker(prepared.masks());
            if (!build.launcher().isUnix()) {
                throw new BadInputException(functionName + " runs the engine as a durable shell task and needs a Unix agent");
            }
            launch(build, CanaryArguments.rollout(files, request.onResume(), true));
            schedule(this::poll, POLL_SECONDS);
        } catch (BadInputException e) {
            end(ResultPublisher.badInput(options(), e));
        } catch (Exception e) {
            end(e);
        }
    }

    /** Launches the engine as a durable task in the workspace, the secrets file named in its environment. */
    private void launch(BuildContext build, List<String> arguments) throws IOException, InterruptedException {
        PrintStream log = build.listener().getLogger();
        AgentEngine.Provisioned engine = AgentEngine.provision(build.workspace(), AgentEngine.runsInAContainer(build.launcher()), log, prefix());
        List<String> command = engine.command(build.env(), workDir, arguments);
        EnvVars env = new EnvVars();
        env.putAll(build.env());
        if (!credentialIds.isEmpty()) {
            env.override(io.jenkins.plugins.mlcicd.input.Secrets.FILE_ENV, workDir(build).child(
                    io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets.FILE).getRemote());
        }
        log.println(prefix() + "mlcicd " + String.join(" ", arguments) + " (" + control + ")");
        controller = DurableScript.launch(build, ShellScript.exec(command), env);
        getContext().saveState();
    }

    private synchronized void poll() {
        if (control.mode() == RolloutControl.Mode.FINISHED) {
            return;
        }
        BuildContext build;
        Integer exit;
        try {
            build = build();
            copyLog(build, false);
            refreshProgress(build);
            keepState(build);
            exit = controller.exitStatus(build.workspace(), build.launcher(), build.listener());
            agentReachable();
            if (exit != null) {
                copyLog(build, true);
                refreshProgress(build);
            }
        } catch (IOException e) {
            // typically the agent's channel is closed: the engine there goes on; look again later
            agentUnreachable(prefix(), GOES_ON, e);
            schedule(this::poll, POLL_SECONDS);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            schedule(this::poll, POLL_SECONDS);
            return;
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "mlCanary poll failed", e);
            end(e);
            return;
        }
        if (exit == null) {
            schedule(this::poll, POLL_SECONDS);
            return;
        }
        try {
            act(build, control.onExit(exit), exit);
        } catch (IOException | RuntimeException e) {
            end(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(e);
        }
    }

    private void act(BuildContext build, RolloutControl.Action action, int exit) throws IOException, InterruptedException {
        PrintStream log = build.listener().getLogger();
        switch (action) {
            case READ_RESULT -> {
                ResultDocument document = readResult(build, exit);
                CanaryAction live = liveAction(build.run(), document);
                build.run().removeAction(live);
                try {
                    CanaryRunner.publish(build, options(), request, document, live, handler(build), actor);
                    cleanup(build, true);
                    getContext().onSuccess(ResultMaps.toMap(document));
                } catch (AbortException e) {
                    cleanup(build, true);
                    getContext().onFailure(e);
                }
            }
            case READ_ABORT_RESULT -> {
                try {
                    ResultDocument document = readResult(build, exit);
                    CanaryAction live = liveAction(build.run(), document);
                    build.run().removeAction(live);
                    CanaryRunner.publish(build, options(), request, document, live, handler(build), actor);
                } catch (IOException | RuntimeException e) {
                    log.println(prefix() + "the rollback's result cannot be shown: " + e.getMessage());
                }
                log.println(prefix() + "rolled back: " + describeLastStatus());
                cleanup(build, true);
                getContext().onFailure(stopCause);
            }
            case FAIL_BAD_PLAN -> {
                cleanup(build, true);
                getContext().onFailure(new AbortException(functionName + ": "
                        + EngineExit.badInputMessage(tail == null ? "" : tail.toString())));
            }
            case RELAUNCH -> {
                log.println(prefix() + "the engine ended with exit code " + exit + " (killed, or its agent restarted) while "
                        + (control.mode() == RolloutControl.Mode.ABORTING ? "rolling back" : "the rollout was under way")
                        + "; launching it again on the same state, from which it resumes");
                relaunch(build);
                schedule(this::poll, POLL_SECONDS);
            }
            case GIVE_UP -> {
                cleanup(build, false);
                // the state stays for a manual --abort; the credentials do not
                workDir(build).child(io.jenkins.plugins.mlcicd.jenkins.common.EngineSecrets.FILE).delete();
                getContext().onFailure(new AbortException(functionName + ": the engine ended with exit code " + exit + " "
                        + RolloutControl.MAX_LAUNCHES + " times; traffic may still be on the canary (last known: "
                        + describeLastStatus() + "). To roll back by hand, run on the agent: mlcicd canary --plan="
                        + files.plan() + " --state=" + files.state() + " --abort"));
            }
            case STOP_AND_ABORT, POLL -> schedule(this::poll, POLL_SECONDS);
            case NOTHING -> {
                // ended already
            }
        }
    }

    /** The same command on the same state; the work directory is restored when the agent lost it. */
    private void relaunch(BuildContext build) throws IOException, InterruptedException {
        FilePath work = workDir(build);
        work.mkdirs();
        if (request.inline() && !work.child(CanaryFiles.INLINE_PLAN).exists()) {
            work.child(CanaryFiles.INLINE_PLAN).write(request.planYaml(), StandardCharsets.UTF_8.name());
        }
        Path copy = stepDirectory(build.run()).resolve(STATE_COPY);
        if (!work.child(CanaryFiles.STATE).exists() && Files.exists(copy)) {
            work.child(CanaryFiles.STATE).write(RunStore.readText(copy), StandardCharsets.UTF_8.name());
            build.listener().getLogger().println(prefix() + "the agent had lost the engine's state; restored the copy kept with the build");
        }
        masker = new LogMasker(CanaryRunner.writeSecrets(build.run(), work, credentialIds, options(),
                build.listener().getLogger(), prefix()));
        if (controller != null) {
            stopped.add(controller);
        }
        launch(build, control.mode() == RolloutControl.Mode.ABORTING
                ? CanaryArguments.abort(files, true) : CanaryArguments.rollout(files, request.onResume(), true));
    }

    @Override
    public synchronized void stop(@NonNull Throwable cause) {
        if (stopCause == null) {
            stopCause = cause;
        }
        if (controller == null) {
            // not launched yet: no traffic moved
            control.finished();
            cancel();
            getContext().onFailure(cause);
            return;
        }
        RolloutControl.Action action = control.onStop();
        if (action == RolloutControl.Action.STOP_AND_ABORT) {
            cancel();
            schedule(this::abort, 0);
        }
    }

    /** Stops the rollout's engine (SIGTERM: it starts rolling back) and runs {@code --abort} on its state. */
    private synchronized void abort() {
        try {
            BuildContext build = build();
            PrintStream log = build.listener().getLogger();
            log.println(prefix() + "rolling back: " + (stopCause == null ? "stopped" : stopCause) + "; stopping the engine and running"
                    + " mlcicd canary --abort on its state");
            try {
                controller.stop(build.workspace(), build.launcher());
            } catch (IOException e) {
                log.println(prefix() + "could not stop the engine (" + e.getMessage() + "); --abort waits for its lock");
            }
            copyLog(build, true);
            stopped.add(controller);
            launch(build, CanaryArguments.abort(files, true));
            abortLaunched = true;
            getContext().saveState();
            schedule(this::poll, POLL_SECONDS);
        } catch (IOException e) {
            // the agent is not reachable: the engine there keeps guarding the traffic; try again
            agentUnreachable(prefix(), GOES_ON, e);
            schedule(this::abort, POLL_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            schedule(this::abort, POLL_SECONDS);
        } catch (RuntimeException e) {
            end(new AbortException(functionName + ": could not roll back (" + e.getMessage() + "); traffic may still be on the canary ("
                    + describeLastStatus() + ")"));
        }
    }

    @Override
    public void onResume() {
        schedule(this::resume, 0);
    }

    private synchronized void resume() {
        if (controller == null) {
            end(new AbortException(functionName + ": the controller restarted before the engine was launched; no traffic moved"));
            return;
        }
        BuildContext build;
        try {
            build = build();
        } catch (IOException | InterruptedException e) {
            agentUnreachable(prefix(), GOES_ON, e);
            schedule(this::resume, POLL_SECONDS);
            return;
        }
        PrintStream log = build.listener().getLogger();
        try {
            masker = new LogMasker(CanaryCredentials.resolve(build.run(), credentialIds, functionName).masks());
        } catch (BadInputException e) {
            // a credential is gone: the engine still has its secrets file; go on, without masking those values
            masker = new LogMasker(List.of());
            log.println(prefix() + "after the restart: " + e.getMessage() + "; its value is not masked in the copied log");
        }
        RolloutControl.Action action = control.onResume(request.onResume());
        if (action == RolloutControl.Action.STOP_AND_ABORT) {
            log.println(prefix() + "the controller restarted during the rollout; onResume is 'rollback': rolling back");
            stopCause = new AbortException(functionName + " '" + id + "': rolled back because the controller restarted"
                    + " during the rollout (onResume: 'rollback')");
            schedule(this::abort, 0);
        } else if (control.mode() == RolloutControl.Mode.ABORTING && !abortLaunched) {
            // the build was aborted just before the restart: the rollback was decided but not launched yet
            schedule(this::abort, 0);
        } else if (action == RolloutControl.Action.POLL) {
            log.println(prefix() + "the controller restarted; the engine ran on in the meantime; continuing");
            schedule(this::poll, 0);
        }
    }

    @Override
    public String getStatus() {
        return "mlCanary '" + id + "': " + control + (lastStatusLine == null ? "" : "; " + lastStatusLine);
    }

    // ---- observations ----

    private void copyLog(BuildContext build, boolean ended) throws IOException, InterruptedException {
        if (controller == null) {
            return;
        }
        if (masker == null) {
            masker = new LogMasker(List.of());
        }
        DurableScript.Copied copied = DurableScript.copyLog(build.workspace(), controller, masker, build.listener().getLogger(), ended);
        String text = copied.text();
        if (!text.isEmpty()) {
            if (tail == null) {
                tail = new StringBuilder();
            }
            tail.append(text);
            if (tail.length() > TAIL_CHARS) {
                tail.delete(0, tail.length() - TAIL_CHARS);
            }
        }
        if (copied.wrote()) {
            // the controller counts what it copied; keep that across a restart
            getContext().saveState();
        }
    }

    /** The --progress document into the live action, when it changed. */
    private void refreshProgress(BuildContext build) throws IOException, InterruptedException {
        FilePath progress = workDir(build).child(CanaryFiles.PROGRESS);
        long stamp = progress.exists() ? progress.lastModified() : 0;
        if (stamp == 0 || stamp == progressStamp) {
            return;
        }
        progressStamp = stamp;
        ResultDocument document;
        try {
            String text = WorkspaceFiles.readText(workDir(build), CanaryFiles.PROGRESS, "canary progress");
            document = ResultDocumentJson.fromJson(Path.of(CanaryFiles.PROGRESS), StructuredFiles.parseTree(CanaryFiles.PROGRESS, text));
        } catch (BadInputException | IllegalArgumentException e) {
            LOGGER.log(Level.FINE, "unreadable canary progress", e);
            return;
        }
        if (document.kind() != ResultKind.CANARY) {
            return;
        }
        RunStore.writeResult(stepDirectory(build.run()), document);
        CanaryAction live = liveAction(build.run(), document);
        live.update(document, true);
        String line = live.getStatus().describe();
        if (!line.equals(lastStatusLine)) {
            lastStatusLine = line;
            build.listener().getLogger().println(prefix() + line);
            // the pull request shows the rollout's stage and weight as they change
            ChecksPublication.inProgress(build.run(), build.listener(), options(), document, live);
        }
    }

    /** The engine's state file, copied to the build directory whenever it changed. */
    private void keepState(BuildContext build) throws IOException, InterruptedException {
        FilePath state = workDir(build).child(CanaryFiles.STATE);
        long stamp = state.exists() ? state.lastModified() : 0;
        if (stamp == 0 || stamp == stateStamp) {
            return;
        }
        stateStamp = stamp;
        String text = WorkspaceFiles.readText(workDir(build), CanaryFiles.STATE, "canary state");
        Path directory = stepDirectory(build.run());
        Files.createDirectories(directory);
        RunStore.writeText(directory.resolve(STATE_COPY), text);
    }

    private ResultDocument readResult(BuildContext build, int exit) throws IOException, InterruptedException {
        FilePath work = workDir(build);
        if (!work.child(CanaryFiles.OUT).exists()) {
            throw new AbortException(functionName + ": the engine ended with exit code " + exit + " but wrote no result; see the build log");
        }
        String text = WorkspaceFiles.readText(work, CanaryFiles.OUT, "canary result");
        try {
            return EngineResults.parse(CanaryFiles.OUT, text, exit);
        } catch (IllegalStateException | BadInputException e) {
            throw new AbortException(functionName + ": the engine's result cannot be used: " + e.getMessage());
        }
    }

    /** The build's live action of this step, created on first use. */
    private CanaryAction liveAction(Run<?, ?> run, ResultDocument document) {
        for (CanaryAction action : run.getActions(CanaryAction.class)) {
            if (action.getId().equals(id)) {
                return action;
            }
        }
        CanaryAction action = new CanaryAction(id, document, request, true);
        run.addAction(action);
        return action;
    }

    private String describeLastStatus() {
        return lastStatusLine == null ? "no progress was reported" : lastStatusLine;
    }

    // ---- plumbing ----

    private void cleanup(BuildContext build, boolean deleteWorkDir) throws InterruptedException {
        control.finished();
        PrintStream log = build.listener().getLogger();
        List<Controller> all = new ArrayList<>(stopped);
        if (controller != null) {
            all.add(controller);
        }
        for (Controller each : all) {
            try {
                each.cleanup(build.workspace());
            } catch (IOException e) {
                log.println(prefix() + "could not clean up the engine's task: " + e.getMessage());
            }
        }
        if (deleteWorkDir) {
            AgentEngine.deleteQuietly(workDir(build), log, prefix());
        }
    }

    private void end(Throwable failure) {
        control.finished();
        cancel();
        getContext().onFailure(failure);
    }

    private FilePath workDir(BuildContext build) {
        return new FilePath(build.workspace(), workDir);
    }

    private Path stepDirectory(Run<?, ?> run) {
        return RunStore.directory(run, ResultKind.CANARY, id);
    }
}
