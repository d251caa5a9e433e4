package io.jenkins.plugins.mlcicd.jenkins.common;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import io.jenkins.plugins.mlcicd.result.ResultDocument;

/**
 * The build was aborted while the engine ran ({@link AgentEngine#run(BuildContext, String, hudson.FilePath,
 * java.util.List, EngineSecrets, java.util.Map, java.time.Duration)}). An {@link InterruptedException}, so that whoever does
 * not handle it ends the step as an abort; a step that can keep partial results takes {@link #measured()}
 * first and then throws this on.
 */
public final class EngineAborted extends InterruptedException {
    private static final long serialVersionUID = 1L;

    // Not serialized: only the thread that ran the engine reads it.
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED", justification = "read by the thread that caught it only")
    private final transient ResultDocument measured;

    public EngineAborted(InterruptedException cause, ResultDocument measured) {
        super(cause.getMessage() == null ? "aborted while the engine ran" : cause.getMessage());
        initCause(cause);
        this.measured = measured;
    }

    /** The result document the engine wrote as it was stopped, or null when it wrote none in time. */
    @CheckForNull
    public ResultDocument measured() {
        return measured;
    }
}
