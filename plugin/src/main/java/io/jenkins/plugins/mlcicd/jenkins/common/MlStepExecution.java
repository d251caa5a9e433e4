package io.jenkins.plugins.mlcicd.jenkins.common;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.IOException;
import java.util.Map;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs an ML step's shared code path off the CPS thread and returns its result document to the
 * script as a plain map ({@link ResultMaps}). Steps whose work is long-running and must survive a
 * controller restart need an asynchronous execution instead (DESIGN.md §4).
 */
public final class MlStepExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;

    /** The step's shared code path (the one the freestyle builder calls), bound to its options and request. */
    @FunctionalInterface
    public interface Work {
        ResultDocument perform(BuildContext build, ResultHandler handler) throws IOException, InterruptedException;
    }

    // Not serialized: a synchronous execution does not survive a restart, it fails and says so.
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "only used while the step runs")
    private final transient Work work;

    public MlStepExecution(StepContext context, Work work) {
        super(context);
        this.work = work;
    }

    @Override
    protected final Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        Run<?, ?> run = required(context, Run.class);
        BuildContext build = new BuildContext(run, required(context, FilePath.class), required(context, EnvVars.class),
                required(context, Launcher.class), required(context, TaskListener.class));
        ResultDocument document = work.perform(build, new PipelineResultHandler(run, required(context, FlowNode.class)));
        return ResultMaps.toMap(document);
    }

    private static <T> T required(StepContext context, Class<T> type) throws IOException, InterruptedException {
        T value = context.get(type);
        if (value == null) {
            throw new IllegalStateException("Pipeline context has no " + type.getSimpleName() + "; run the step inside node { }");
        }
        return value;
    }
}
