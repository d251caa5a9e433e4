package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stand-in of jenkins-core {@code hudson.util.Secret} (members used only); see plugin-offline/STANDINS.md. */
public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private Secret() {
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException("stand-in");
    }
}
