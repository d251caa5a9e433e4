package io.jenkins.plugins.mlcicd.jenkins.train;

import hudson.Launcher;
import hudson.Proc;
import io.jenkins.plugins.mlcicd.jenkins.common.BuildContext;
import io.jenkins.plugins.mlcicd.lineage.EnvironmentProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the interpreter through the build's {@link Launcher}, as the training command is run: inside
 * {@code container()} / {@code docker.inside} the launcher runs it in that container, where the
 * packages the command imports are installed; the agent JVM's own processes would see the host's.
 */
final class LauncherProbe {
    private LauncherProbe() {
    }

    static ProbeAnswers ask(BuildContext build, String python) throws InterruptedException {
        InterruptedException[] interrupted = new InterruptedException[1];
        ProbeAnswers answers = ProbeAnswers.record(python, argv -> {
            if (interrupted[0] != null) {
                return new EnvironmentProbe.Answer(-1, new byte[0], "interrupted");
            }
            try {
                return ask(build, argv);
            } catch (InterruptedException e) {
                interrupted[0] = e;
                return new EnvironmentProbe.Answer(-1, new byte[0], "interrupted");
            }
        });
        if (interrupted[0] != null) {
            throw interrupted[0];
        }
        return answers;
    }

    private static EnvironmentProbe.Answer ask(BuildContext build, List<String> argv) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        long timeoutMs = EnvironmentProbe.TIMEOUT.toMillis();
        try {
            Proc proc = build.launcher().launch().cmds(argv).pwd(build.workspace()).envs(build.env())
                    .stdout(out).stderr(err).quiet(true).start();
            int code = proc.joinWithTimeout(timeoutMs, TimeUnit.MILLISECONDS, build.listener());
            if (code != 0 && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= timeoutMs) {
                return new EnvironmentProbe.Answer(-1, new byte[0], String.join(" ", argv) + " timed out after "
                        + EnvironmentProbe.TIMEOUT.toSeconds() + " s");
            }
            return new EnvironmentProbe.Answer(code, out.toByteArray(),
                    ProbeAnswers.problem(argv, code, err.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new EnvironmentProbe.Answer(-1, new byte[0], argv.get(0) + " not available (" + e.getMessage() + ")");
        }
    }
}
