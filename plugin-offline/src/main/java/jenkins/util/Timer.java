package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

/** Stand-in of jenkins-core {@code jenkins.util.Timer} (members used only); see plugin-offline/STANDINS.md. */
public class Timer {
    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("stand-in");
    }
}
