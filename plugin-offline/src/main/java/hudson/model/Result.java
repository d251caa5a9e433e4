package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Stand-in of jenkins-core {@code hudson.model.Result}: the five constants are distinct instances
 * (so identity comparisons work in unit tests), every method throws; see plugin-offline/STANDINS.md.
 */
public final class Result implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result();
    public static final Result UNSTABLE = new Result();
    public static final Result FAILURE = new Result();
    public static final Result NOT_BUILT = new Result();
    public static final Result ABORTED = new Result();

    private Result() {
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("stand-in");
    }
}
