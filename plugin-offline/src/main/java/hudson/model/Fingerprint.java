package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.Fingerprint} (real: also implements Saveable; members used only); see plugin-offline/STANDINS.md. */
public class Fingerprint implements ModelObject {
    @NonNull
    public String getHashString() {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public void addFor(@NonNull Run b) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
