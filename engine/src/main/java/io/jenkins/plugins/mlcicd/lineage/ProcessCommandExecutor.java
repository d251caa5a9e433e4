package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.output.ShutdownCleanup;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the command as a child process of this JVM ({@link ProcessBuilder}, no shell unless asked),
 * pumping its output line-agnostically to the given writers as it arrives. On timeout or
 * interruption the whole process tree is killed: children first (a trainer's data-loader workers
 * must not outlive it), politely, then forcibly after {@link #KILL_GRACE}.
 */
public final class ProcessCommandExecutor implements CommandExecutor {
    static final Duration KILL_GRACE = Duration.ofSeconds(5);
    static final Duration PIPE_DRAIN = Duration.ofSeconds(10);

    @Override
    public CommandOutcome execute(TrainingCommand command, Writer out, Writer err, LogTail tail) throws InterruptedException {
        List<String> argv = command.argv();
        ProcessBuilder builder = new ProcessBuilder(argv).directory(command.workDir().toFile());
        // Python buffers stdout when it is not a terminal; unbuffered output is what "live" means.
        builder.environment().putIfAbsent("PYTHONUNBUFFERED", "1");
        builder.environment().putAll(command.environment());
        long start = System.nanoTime();
        if (ShutdownCleanup.stopping()) {
            // a signal arrived before the command started: starting it now would leave it running after the JVM is gone
            return CommandOutcome.aborted(null, 0, List.of("mlcicd: stopped by a signal before the command started"));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return CommandOutcome.notStarted("cannot start '" + argv.get(0) + "': " + e.getMessage());
        }
        try {
            process.getOutputStream().close(); // the trainer gets no input; EOF rather than a hang
        } catch (IOException ignored) {
            // nothing was written, so nothing is lost
        }
        // SIGINT/SIGTERM to mlcicd stops the training command's whole process tree, not just the JVM
        try (ShutdownCleanup.Registration cleanup = ShutdownCleanup.register(() -> killTree(process))) {
            if (ShutdownCleanup.stopping()) {
                killTree(process); // the signal came while it started, before the cleanup above was registered
            }
            return awaitOutcome(command, out, err, tail, process, start);
        }
    }

    private CommandOutcome awaitOutcome(TrainingCommand command, Writer out, Writer err, LogTail tail, Process process, long start)
            throws InterruptedException {
        Thread stdout = pump(process.getInputStream(), out, tail, LogTail.STDOUT, "stdout");
        Thread stderr = pump(process.getErrorStream(), err, tail, LogTail.STDERR, "stderr");
        boolean timedOut = false;
        try {
            if (command.timeout() == null) {
                process.waitFor();
            } else if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                killTree(process);
            }
            // A background grandchild may hold the pipes open after the command exits; don't wait for it forever.
            stdout.join(PIPE_DRAIN.toMillis());
            stderr.join(PIPE_DRAIN.toMillis());
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (timedOut) {
            tail.append(LogTail.STDERR, "\nmlcicd: killed after the timeout of " + command.timeout() + "\n");
        }
        // A process that survived even the forced kill (stuck in the kernel) has no exit code to report.
        Integer exitCode = process.isAlive() ? null : process.exitValue();
        if (ShutdownCleanup.stopping()) {
            // SIGINT/SIGTERM to mlcicd: the shutdown hook stopped the process tree; this run did not finish
            tail.append(LogTail.STDERR, "\nmlcicd: stopped by a signal; the command's process tree was killed\n");
            return CommandOutcome.aborted(exitCode, durationMs, tail.lines());
        }
        return new CommandOutcome(exitCode, timedOut, null, durationMs, tail.lines());
    }

    private static Thread pump(InputStream from, Writer to, LogTail tail, int stream, String name) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    tail.append(stream, buffer, 0, n);
                    synchronized (to) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // The process is gone or our console is; the exit code still tells the story.
                tail.append(stream, "\nmlcicd: output of " + name + " lost: " + e.getMessage() + "\n");
            }
        }, "mlcicd-train-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Kills the process and all its descendants; waits up to the grace period, then forces. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle handle : concat(process.toHandle(), descendants)) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0) {
                    break;
                }
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception ignored) {
                break;
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
