package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.List;

/** Stand-in of jenkins-core {@code hudson.model.Actionable}; see plugin-offline/STANDINS.md. */
public abstract class Actionable {
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean removeAction(@Nullable Action a) {
        throw new UnsupportedOperationException("stand-in");
    }
}
