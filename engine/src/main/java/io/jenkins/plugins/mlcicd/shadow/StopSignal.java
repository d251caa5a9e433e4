package io.jenkins.plugins.mlcicd.shadow;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks a running comparison to stop (an interrupt signal, an aborted build, the duration budget)
 * and remembers why; what was measured until then is still reported.
 */
public final class StopSignal {
    private volatile String reason;
    private final List<Runnable> listeners = new ArrayList<>();

    /** Stops the run; the first reason wins. */
    public void stop(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
            toRun = List.copyOf(listeners);
        }
        toRun.forEach(Runnable::run);
    }

    public boolean stopped() {
        return reason != null;
    }

    /** Why the run was stopped, or null. */
    public String reason() {
        return reason;
    }

    /** Runs {@code listener} when the run is stopped (at once if it already is). */
    void onStop(Runnable listener) {
        boolean now;
        synchronized (this) {
            now = reason != null;
            if (!now) {
                listeners.add(listener);
            }
        }
        if (now) {
            listener.run();
        }
    }
}
