package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.lineage.CommandOutcome;
import io.jenkins.plugins.mlcicd.lineage.LogTail;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the training command the way {@code sh}/{@code bat} do: through the build's {@link Launcher}
 * (so on the agent, inside whatever the launcher is decorated with: a container, {@code withEnv}),
 * in the workspace, with the build's environment, its output in the build log. The command is a
 * shell command line: {@code sh -c} on Unix agents, {@code cmd.exe /c} on Windows.
 */
final class LaunchedCommand {
    private LaunchedCommand() {
    }

    /** The program and arguments that run {@code command} on an agent of that kind. */
    static List<String> argv(boolean unix, String command) {
        return unix ? List.of("sh", "-c", command) : List.of("cmd.exe", "/c", command);
    }

    /**
     * Runs the command to its end, its timeout, or the build's abort.
     *
     * @throws InterruptedException when the build is aborted; the launcher kills the process first
     */
    static CommandOutcome run(BuildContext build, String command, Duration timeout, int tailLines)
            throws IOException, InterruptedException {
        Launcher launcher = build.launcher();
        LogTail tail = new LogTail(tailLines);
        OutputTail output = new OutputTail(build.listener().getLogger(), tail);
        long start = System.nanoTime();
        Proc proc;
        try {
            proc = launcher.launch().cmds(argv(launcher.isUnix(), command)).pwd(build.workspace()).envs(build.env())
                    .stdout(output).quiet(true).start();
        } catch (IOException e) {
            return CommandOutcome.notStarted(e.getMessage());
        }
        int exitCode = timeout == null ? proc.join() : proc.joinWithTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS, build.listener());
        output.finish();
        long durationMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        // joinWithTimeout kills the process when the time is up and returns its (signal) exit code
        boolean timedOut = timeout != null && exitCode != 0 && durationMs >= timeout.toMillis();
        return new CommandOutcome(exitCode, timedOut, null, durationMs, tail.lines());
    }
}
