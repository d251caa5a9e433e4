package io.jenkins.plugins.mlcicd.jenkins.common;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * An asynchronous execution that holds no thread while its work runs elsewhere (a durable task on the
 * agent): it polls that work on Jenkins' timer and survives a controller restart by scheduling its
 * poll again in {@code onResume}. The shape of {@code mlTrain} and {@code mlCanary} in Pipeline.
 */
public abstract class PolledExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(PolledExecution.class.getName());

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "scheduled again by onResume")
    private transient ScheduledFuture<?> next;
    /** Said once per outage: the poll keeps failing every few seconds while the agent is away. */
    private boolean agentUnreachableLogged;

    protected PolledExecution(StepContext context) {
        super(context);
    }

    /** The build, workspace, environment, launcher and log of the step, as the step's code paths take them. */
    protected final BuildContext build() throws IOException, InterruptedException {
        StepContext context = getContext();
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        EnvVars env = context.get(EnvVars.class);
        Launcher launcher = context.get(Launcher.class);
        TaskListener listener = context.get(TaskListener.class);
        if (run == null || workspace == null || env == null || launcher == null || listener == null) {
            throw new IOException("the step's workspace or agent is not available");
        }
        return new BuildContext(run, workspace, env, launcher, listener);
    }

    /** Marks the step's flow node and sets the build result, as every ML step's Pipeline form does. */
    protected final PipelineResultHandler handler(BuildContext build) throws IOException, InterruptedException {
        return new PipelineResultHandler(build.run(), getContext().get(FlowNode.class));
    }

    /** Runs {@code task} once after the delay on Jenkins' timer; it replaces the poll scheduled before. */
    protected final synchronized void schedule(Runnable task, long delaySeconds) {
        next = Timer.get().schedule(task, delaySeconds, TimeUnit.SECONDS);
    }

    /**
     * Logs, once until {@link #agentReachable()}, that the agent cannot be reached while the work there
     * goes on (the durable task outlives the channel).
     *
     * @param goesOn what keeps running on the agent, e.g. "the training command there goes on"
     */
    protected final void agentUnreachable(String prefix, String goesOn, Exception e) {
        if (agentUnreachableLogged) {
            return;
        }
        agentUnreachableLogged = true;
        try {
            getContext().get(TaskListener.class).getLogger().println(prefix + "the agent cannot be reached (" + e.getMessage()
                    + "); " + goesOn + "; waiting for the agent");
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            LOGGER.log(Level.FINE, "no listener", ignored);
        }
    }

    /** The agent answered again: a later outage is logged again. */
    protected final void agentReachable() {
        agentUnreachableLogged = false;
    }

    /** Cancels the scheduled poll, if any. */
    protected final synchronized void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
