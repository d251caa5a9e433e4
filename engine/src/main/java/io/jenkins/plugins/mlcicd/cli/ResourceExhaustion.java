package io.jenkins.plugins.mlcicd.cli;

import java.util.Locale;

/**
 * Recognises a run that ran out of memory or disk, wherever it surfaced (the JVM, DuckDB's own allocator, a
 * write), so that the CLI says so with its own exit code ({@link Main#EXIT_RESOURCES}) instead of blaming
 * the input (exit 2) or reporting an ML failure (exit 1), and never prints a stack trace for it.
 */
final class ResourceExhaustion {
    private ResourceExhaustion() {
    }

    /** The one-line message for {@code failure}, or null when it is not resource exhaustion. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "out of memory (the JVM may use " + maxHeapMiB() + " MiB): the input or an option such as --bootstrap "
                        + "needs more; raise the limit (MLCICD_JAVA_OPTS=-Xmx4g) or make the work smaller";
            }
            if (t instanceof StackOverflowError) {
                return "out of stack space: the input is nested too deeply to process";
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("out of memory error") || lower.contains("could not allocate")) {
                return "out of memory in the embedded database (DuckDB): " + message.lines().findFirst().orElse("")
                        + "; raise the machine's memory or make the input smaller";
            }
            if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")) {
                return "out of disk space: " + message.lines().findFirst().orElse("");
            }
        }
        return null;
    }

    private static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
