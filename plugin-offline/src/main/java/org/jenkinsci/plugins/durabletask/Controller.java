package org.jenkinsci.plugins.durabletask;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Stand-in of durable-task {@code org.jenkinsci.plugins.durabletask.Controller} (members used only); see plugin-offline/STANDINS.md. */
public abstract class Controller implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract boolean writeLog(FilePath workspace, OutputStream sink) throws IOException, InterruptedException;

    public @CheckForNull Integer exitStatus(FilePath workspace, Launcher launcher, TaskListener logger)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void stop(FilePath workspace, Launcher launcher) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public abstract void cleanup(FilePath workspace) throws IOException, InterruptedException;
}
