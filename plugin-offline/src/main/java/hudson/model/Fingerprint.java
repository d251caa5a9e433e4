package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.Fingerprint} (real: also implements Saveable; members used only); see plugin-offline/STANDINS.md. */
public class Fingerprint implements ModelObject {
    @SuppressWarnings("rawtypes")
    public Fingerprint(@CheckForNull Run build, @NonNull String fileName, @NonNull byte[] md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public String getHashString() {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public void addFor(@NonNull Run b) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @Override
    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stand-in");
    }
}
