package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Recognises a run that ran out of memory or disk, wherever it surfaced (the JVM, DuckDB's own allocator, a
 * write), so that the CLI says so with its own exit code ({@link Main#EXIT_RESOURCES}) instead of blaming
 * the input (exit 2) or reporting an ML failure (exit 1), and never prints a stack trace for it.
 */
final class ResourceExhaustion {
    private ResourceExhaustion() {
    }

    /** A heap still this full after a collection is exhausted. */
    static final double FULL_HEAP = 0.95;

    /**
     * Arms the heap watch for {@link #describe}: native code that runs out of Java heap (DuckDB's JDBC driver building
     * a result) may fail with a NullPointerException instead of an OutOfMemoryError.
     */
    static void watchHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage() == null ? -1 : pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold((long) (max * FULL_HEAP));
            }
        }
    }

    /** Whether a heap pool was still at least {@link #FULL_HEAP} full after a collection since {@link #watchHeap}. */
    static boolean heapWasExhausted() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && pool.getCollectionUsageThreshold() > 0 && pool.getCollectionUsageThresholdCount() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The one-line message for {@code failure}, or null when it is not resource exhaustion. */
    static String describe(Throwable failure) {
        String described = describeCause(failure);
        if (described == null && !(failure instanceof BadInputException || failure.getCause() instanceof BadInputException)
                && heapWasExhausted()) {
            // an internal error while the heap was full is the heap's doing, not a bug to report nor the input's fault
            return "out of memory (the JVM may use " + maxHeapMiB() + " MiB, and its heap was full when this failed: "
                    + failure.getClass().getSimpleName() + "); raise the limit (MLCICD_JAVA_OPTS=-Xmx4g) or make the work smaller";
        }
        return described;
    }

    private static String describeCause(Throwable failure) {
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
