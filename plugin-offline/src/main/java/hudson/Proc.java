package hudson;

import hudson.model.TaskListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Stand-in of jenkins-core {@code hudson.Proc} (members used only); see plugin-offline/STANDINS.md. */
public abstract class Proc {
    protected Proc() {
    }

    public abstract void kill() throws IOException, InterruptedException;

    public abstract int join() throws IOException, InterruptedException;

    public final int joinWithTimeout(final long timeout, final TimeUnit unit, final TaskListener listener)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}
