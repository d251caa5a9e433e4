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

    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "scheduled again by onResume")
    private transient ScheduledFuture<?> next;

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

    /** Cancels the scheduled poll, if any. */
    protected final synchronized void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
