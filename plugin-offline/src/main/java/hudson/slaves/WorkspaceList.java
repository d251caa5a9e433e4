package hudson.slaves;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;

/** Stand-in of jenkins-core {@code hudson.slaves.WorkspaceList} (only tempDir); see plugin-offline/STANDINS.md. */
public final class WorkspaceList {
    @CheckForNull
    public static FilePath tempDir(FilePath ws) {
        throw new UnsupportedOperationException("stand-in");
    }
}
