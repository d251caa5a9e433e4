package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/** Stand-in of jenkins-core {@code hudson.Launcher} (members used only); see plugin-offline/STANDINS.md. */
public abstract class Launcher {
    protected Launcher(@NonNull TaskListener listener, @CheckForNull VirtualChannel channel) {
        throw new UnsupportedOperationException("stand-in");
    }

    protected Launcher(@NonNull Launcher launcher) {
        throw new UnsupportedOperationException("stand-in");
    }

    /**
     * A launcher wrapping another (docker-workflow's {@code withDockerContainer}, kubernetes'
     * {@code container} run commands through one). Real: overrides Launcher's abstract members; only
     * the constructor and {@code getInner()} here.
     */
    public static class DecoratedLauncher extends Launcher {
        public DecoratedLauncher(@NonNull Launcher inner) {
            super(inner);
        }

        public Launcher getInner() {
            throw new UnsupportedOperationException("stand-in");
        }
    }

    public final class ProcStarter {
        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter pwd(@CheckForNull FilePath workDir) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter stdout(@CheckForNull OutputStream out) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter stdout(@NonNull TaskListener out) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter stderr(@CheckForNull OutputStream err) {
            throw new UnsupportedOperationException("stand-in");
        }

        public ProcStarter envs(@NonNull Map<String, String> overrides) {
            throw new UnsupportedOperationException("stand-in");
        }

        public Proc start() throws IOException {
            throw new UnsupportedOperationException("stand-in");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stand-in");
        }
    }

    @NonNull
    public final ProcStarter launch() {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isUnix() {
        throw new UnsupportedOperationException("stand-in");
    }
}
