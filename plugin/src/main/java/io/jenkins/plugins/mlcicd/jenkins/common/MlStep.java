package io.jenkins.plugins.mlcicd.jenkins.common;

import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Base of every ML Pipeline step: the options all of them take ({@code id}, {@code stopBuild},
 * {@code unstableOnly}, and the pull request check's {@code checksName} and {@code skipPublishingChecks}). Subclasses add their own parameters and start an {@link MlStepExecution}.
 */
public abstract class MlStep extends Step {
    /** Null until set: {@link #defaultId()}. */
    private String id;
    private boolean stopBuild;
    private boolean unstableOnly;
    private String checksName;
    private boolean skipPublishingChecks;

    /** The id when none is given, e.g. {@code gate}. */
    protected abstract String defaultId();

    /** The step's Pipeline name, e.g. {@code mlGate}. */
    protected abstract String functionName();

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
}
