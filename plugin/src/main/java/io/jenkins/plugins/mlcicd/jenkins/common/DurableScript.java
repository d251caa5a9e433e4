package io.jenkins.plugins.mlcicd.jenkins.common;

import hudson.EnvVars;
import hudson.FilePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;

/**
 * The durable-task plumbing that the long-running steps share ({@code mlCanary}'s engine, {@code mlTrain}'s
 * command): a shell script launched on the agent as {@code sh} launches its script, so that the process
 * belongs to the agent and outlives a controller restart, and its log copied into the build log in
 * whole, masked lines. The {@link Controller} it returns is serializable: an execution keeps it and
 * finds the process again after a restart ({@code exitStatus}, {@code writeLog}, {@code stop}, {@code cleanup}).
 */
public final class DurableScript {
    private DurableScript() {
    }

    /**
     * Launches {@code script} (a {@link ShellScript}) in the build's workspace, through its launcher
     * (so inside the container {@code container()} / {@code docker.inside} selected).
     */
    public static Controller launch(BuildContext build, String script, EnvVars env) throws IOException, InterruptedException {
        return new BourneShellScript(script).launch(env, build.workspace(), build.launcher(), build.listener());
    }

    /**
     * What one copy of the log did.
     *
     * @param text  the masked text written to the build log (empty when nothing complete arrived)
     * @param wrote whether the task's log advanced: the controller's read position changed and the
     *              execution should be saved, so that a restart does not copy it twice
     */
    public record Copied(String text, boolean wrote) {
    }

    /**
     * Copies what the task wrote since the last call into {@code log}: only whole lines (a secret may
     * straddle two reads), all of it once {@code ended}.
     */
    public static Copied copyLog(FilePath workspace, Controller controller, LogMasker masker, PrintStream log, boolean ended)
            throws IOException, InterruptedException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        boolean wrote = controller.writeLog(workspace, chunk);
        String text = masker.accept(chunk.toString(StandardCharsets.UTF_8)) + (ended ? masker.flush() : "");
        if (!text.isEmpty()) {
            log.print(text);
        }
        return new Copied(text, wrote);
    }
}
