package org.jenkinsci.plugins.durabletask;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;

/** Stand-in of durable-task {@code org.jenkinsci.plugins.durabletask.FileMonitoringTask} (members used only); see plugin-offline/STANDINS.md. */
public abstract class FileMonitoringTask extends DurableTask {
    @Override
    public final Controller launch(EnvVars env, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}
