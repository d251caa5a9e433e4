package io.jenkins.plugins.mlcicd.lineage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short helper program ({@code git}, {@code python --version}) and captures what it prints. */
final class ProbeProcess {
    /**
     * @param exitCode the program's exit code, or -1 when it could not be started or timed out
     * @param stdout   everything it printed on stdout
     * @param problem  one line saying why it failed (stderr's first line, "not found", "timed out"), or null
     */
    record Output(int exitCode, byte[] stdout, String problem) {
        boolean ok() {
            return exitCode == 0;
        }

        String text() {
            return new String(stdout, StandardCharsets.UTF_8).strip();
        }
    }

    private ProbeProcess() {
    }

    static Output run(List<String> argv, Path dir, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(argv).directory(dir == null ? null : dir.toFile()).start();
        } catch (IOException e) {
            return new Output(-1, new byte[0], argv.get(0) + " not available (" + e.getMessage() + ")");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessCommandExecutor.killTree(process);
                return new Output(-1, new byte[0], String.join(" ", argv) + " timed out after " + timeout.toSeconds() + " s");
            }
            byte[] stdout = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String stderr = new String(err.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
            int code = process.exitValue();
            String problem = code == 0 ? null
                    : stderr.lines().findFirst().orElse(String.join(" ", argv) + " exited with " + code);
            return new Output(code, stdout, problem);
        } catch (InterruptedException e) {
            ProcessCommandExecutor.killTree(process);
            Thread.currentThread().interrupt();
            return new Output(-1, new byte[0], "interrupted");
        } catch (Exception e) {
            ProcessCommandExecutor.killTree(process);
            return new Output(-1, new byte[0], String.join(" ", argv) + " failed: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
