package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Objects;

/**
 * What both front ends hand to a step's shared code path: the Pipeline step takes these from its
 * {@code StepContext}, the freestyle builder gets them from {@code SimpleBuildStep.perform}.
 */
public record BuildContext(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) {
    public BuildContext {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(listener, "listener");
    }
}
