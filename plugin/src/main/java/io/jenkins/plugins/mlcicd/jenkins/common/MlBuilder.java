package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Base of every ML freestyle build step: the same options as {@link MlStep}, the same shared code
 * path, with the build result as the only result handler.
 */
public abstract class MlBuilder extends Builder implements SimpleBuildStep {
    /** Null until set: {@link #defaultId()}. */
    private String id;
    private boolean stopBuild;
    private boolean unstableOnly;
    private String checksName;
    private boolean skipPublishingChecks;

    /** The id when none is given, e.g. {@code gate}. */
    protected abstract String defaultId();

    /** The Pipeline name of the matching step, e.g. {@code mlGate}; prefixes log lines and errors. */
    protected abstract String functionName();

    /** The shared code path; file and path parameters are already expanded against the build's environment. */
    protected abstract void perform(BuildContext build, StepOptions options, ResultHandler handler)
            throws IOException, InterruptedException;

    @Override
    public final void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        perform(new BuildContext(run, workspace, env, launcher, listener), options(), new RunResultHandler(run));
    }

    public String getId() {
        return id == null ? defaultId() : id;
    }

    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null || id.isBlank() ? null : id.strip();
    }

    public boolean isStopBuild() {
        return stopBuild;
    }

    @DataBoundSetter
    public void setStopBuild(boolean stopBuild) {
        this.stopBuild = stopBuild;
    }

    public boolean isUnstableOnly() {
        return unstableOnly;
    }

    @DataBoundSetter
    public void setUnstableOnly(boolean unstableOnly) {
        this.unstableOnly = unstableOnly;
    }

    public String getChecksName() {
        return checksName;
    }

    /** The pull request check's name instead of {@code ML: <step> <id>}. */
    @DataBoundSetter
    public void setChecksName(String checksName) {
        this.checksName = checksName == null || checksName.isBlank() ? null : checksName.strip();
    }

    public boolean isSkipPublishingChecks() {
        return skipPublishingChecks;
    }

    /** Publish no pull request check for this step. */
    @DataBoundSetter
    public void setSkipPublishingChecks(boolean skipPublishingChecks) {
        this.skipPublishingChecks = skipPublishingChecks;
    }

    public StepOptions options() {
        return new StepOptions(functionName(), getId(), stopBuild, unstableOnly, checksName, skipPublishingChecks);
    }

    /** The build's {@code $VARIABLES} expanded in a field, as freestyle users expect; null stays null. */
    protected static String expand(EnvVars env, String value) {
        return value == null ? null : env.expand(value);
    }
}
