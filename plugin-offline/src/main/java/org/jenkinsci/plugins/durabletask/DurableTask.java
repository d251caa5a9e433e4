package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.TaskListener;
import java.io.IOException;

/** Stand-in of durable-task {@code org.jenkinsci.plugins.durabletask.DurableTask} (members used only); see plugin-offline/STANDINS.md. */
public abstract class DurableTask extends AbstractDescribableImpl<DurableTask> implements ExtensionPoint {
    public abstract Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException;
}
