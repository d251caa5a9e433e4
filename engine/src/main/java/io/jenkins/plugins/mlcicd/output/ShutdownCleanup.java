package io.jenkins.plugins.mlcicd.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What must be undone when the JVM is stopped by SIGINT or SIGTERM, which run shutdown hooks but no
 * {@code finally} blocks: a child process tree still running (a training command), a temporary file half
 * written. One hook runs every registered action, newest first; an action is unregistered by closing its handle
 * when the work ends normally.
 */
public final class ShutdownCleanup {
    private static final Set<Runnable> ACTIONS = new LinkedHashSet<>();
    private static boolean hooked;
    private static volatile boolean stopping;
    private static volatile boolean interruptedRunsHaveResults;

    /** A registered action; {@link #close()} removes it (the work ended on its own). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private ShutdownCleanup() {
    }

    public static synchronized Registration register(Runnable action) {
        if (!hooked) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownCleanup::runAll, "mlcicd-shutdown-cleanup"));
            } catch (IllegalStateException alreadyStopping) {
                // a command that writes its result while the JVM stops (shadow, canary): no hook can be added now,
                // and the work that registers here undoes itself in its own finally block
                stopping = true;
            }
            hooked = true;
        }
        ACTIONS.add(action);
        return () -> {
            synchronized (ShutdownCleanup.class) {
                ACTIONS.remove(action);
            }
        };
    }

    /** Whether the JVM is stopping (a signal arrived): work that ends now must not write a result. */
    public static boolean stopping() {
        return stopping;
    }

    /**
     * Declares that this process's command turns a signal into a complete result of its own: a shadow
     * comparison of what was measured until then ({@code stopReason: interrupted}), a canary rolled back
     * ({@code phase: aborted}). Its outputs may then be written while the JVM stops; every other
     * command's may not, because what it would write describes a killed run.
     */
    public static void interruptedRunsHaveResults() {
        interruptedRunsHaveResults = true;
    }

    /** Whether outputs may be written now: the JVM is not stopping, or the command declared its interrupted results. */
    public static boolean writesAllowed() {
        return !stopping || interruptedRunsHaveResults;
    }

    static void runAll() {
        stopping = true;
        List<Runnable> actions;
        synchronized (ShutdownCleanup.class) {
            actions = new ArrayList<>(ACTIONS);
            ACTIONS.clear();
        }
        for (int i = actions.size() - 1; i >= 0; i--) {
            try {
                actions.get(i).run();
            } catch (RuntimeException e) {
                // the JVM is going down; the other actions must still run
            }
        }
    }
}
