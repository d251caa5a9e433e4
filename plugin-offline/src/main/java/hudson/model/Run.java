package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.Run}; see plugin-offline/STANDINS.md. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    protected Run(@NonNull JobT job) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public Result getResult() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isBuilding() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public File getRootDir() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public String getExternalizableId() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public static Run<?, ?> fromExternalizableId(String id) {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public String getUrl() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public JobT getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    public @CheckForNull <T extends Cause> T getCause(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }
}
