package io.jenkins.plugins.mlcicd.canary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs the router command as a child process (no shell) in a working directory with {@code ${WEIGHT}}
 * substituted in every argument. A command that outlives its timeout is killed with its whole process
 * tree: a hung {@code kubectl} must not hold the rollback.
 */
public final class CommandRouter implements TrafficRouter {
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);
    private static final int OUTPUT_LIMIT = 8192;

    private final List<String> command;
    private final Path workDir;
    private final Duration timeout;
    private final UnaryOperator<String> mask;

    public CommandRouter(List<String> command, Path workDir, Duration timeout, UnaryOperator<String> mask) {
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.timeout = timeout;
        this.mask = mask;
    }

    @Override
    public void setWeight(int weight) throws RouterException, InterruptedException {
        List<String> argv = command.stream().map(a -> a.replace("${WEIGHT}", Integer.toString(weight))).toList();
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new RouterException("cannot start '" + argv.get(0) + "': " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the command gets no input
        }
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> collect(process.getInputStream(), output), "mlcicd-router-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new RouterException("'" + argv.get(0) + "' did not finish within " + timeout.toMillis() + " ms and was killed");
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        pump.join(1000);
        if (process.exitValue() != 0) {
            String last;
            synchronized (output) {
                last = output.toString().strip().lines().reduce((a, b) -> b).orElse("");
            }
            throw new RouterException("'" + argv.get(0) + "' exited with " + process.exitValue()
                    + (last.isEmpty() ? "" : ": " + mask.apply(last)));
        }
    }

    private static void collect(InputStream in, StringBuilder output) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (output) {
                    if (output.length() < OUTPUT_LIMIT) {
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process is gone; its exit code tells the story
        }
    }

    /** Children first, politely, then forcibly. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
