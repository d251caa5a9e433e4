package io.jenkins.plugins.mlcicd.jenkins.canary;

import java.io.Serializable;
import java.util.Objects;

/**
 * The files of one rollout in its work directory on the agent (absolute paths there). They live as
 * long as the rollout: the controller state ({@code --state}) is what a relaunched engine resumes from,
 * so the directory is only deleted when the step ends.
 *
 * @param plan     the plan the engine reads: the workspace file, or the inline plan written here
 * @param state    {@code --state}: the engine's durable controller state
 * @param progress {@code --progress}: the result document so far, rewritten after every analysis
 * @param out      {@code --out}: the final result document
 * @param html     {@code --html}: the rendered timeline (kept for users who archive it)
 */
public record CanaryFiles(String plan, String state, String progress, String out, String html)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String INLINE_PLAN = "plan.yaml";
    public static final String STATE = "state.json";
    public static final String PROGRESS = "progress.json";
    public static final String OUT = "result.json";
    public static final String HTML = "canary.html";

    public CanaryFiles {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(html, "html");
    }

    /**
     * @param workDir   the work directory's absolute path on the agent
     * @param separator the agent's file separator
     * @param plan      the plan's absolute path, or null for the inline plan in the work directory
     */
    public static CanaryFiles in(String workDir, String separator, String plan) {
        String base = workDir.endsWith(separator) ? workDir : workDir + separator;
        return new CanaryFiles(plan == null ? base + INLINE_PLAN : plan, base + STATE, base + PROGRESS, base + OUT,
                base + HTML);
    }
}
