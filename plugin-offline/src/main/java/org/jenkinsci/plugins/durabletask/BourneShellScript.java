package org.jenkinsci.plugins.durabletask;

import org.kohsuke.stapler.DataBoundConstructor;

/** Stand-in of durable-task {@code org.jenkinsci.plugins.durabletask.BourneShellScript} (members used only); see plugin-offline/STANDINS.md. */
public final class BourneShellScript extends FileMonitoringTask {
    @DataBoundConstructor
    public BourneShellScript(String script) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getScript() {
        throw new UnsupportedOperationException("stand-in");
    }
}
