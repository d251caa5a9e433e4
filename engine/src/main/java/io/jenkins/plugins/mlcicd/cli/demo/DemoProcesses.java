package io.jenkins.plugins.mlcicd.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The servers the demo starts (model servers, nginx, Prometheus): on loopback, each a child process
 * whose output goes to a log file in the demo directory, stopped by PID, with its descendants, when
 * the demo ends, fails or is interrupted (a shutdown hook covers Ctrl-C and SIGTERM).
 */
public final class DemoProcesses implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Deque<Started> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::stopAll, "mlcicd-demo-stop");

    /** A process the demo started, by name. */
    public record Started(String name, Process process) {
        public long pid() {
            return process.pid();
        }
    }

    public DemoProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts a command in a directory, standard output and error appended to {@code log}. */
    public synchronized Started start(String name, List<String> command, Path directory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Started process = new Started(name, builder.start());
            started.push(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** The PIDs of what is still running, for the test that no server outlives the demo. */
    public synchronized List<Long> runningPids() {
        return started.stream().filter(s -> s.process().isAlive()).map(Started::pid).toList();
    }

    /** Stops everything, newest first: TERM, a grace period, then KILL; descendants too. */
    public synchronized void stopAll() {
        while (!started.isEmpty()) {
            stop(started.pop().process());
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) stopAll itself
        }
    }

    /** A port free on loopback now (a server started right after takes it; a race is unlikely and fails loudly). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code url} answers 200, or the process died, or the time is up.
     *
     * @throws IllegalStateException naming the server and its log when it never became ready
     */
    public static void awaitReady(Started server, String url, Duration timeout, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException(server.name() + " exited with code " + server.process().exitValue()
                        + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + server.name(), e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + server.name(), e);
            }
        }
        throw new IllegalStateException(server.name() + " did not answer " + url + " within " + timeout.toSeconds() + " s; see " + log);
    }
}
