package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.FingerprintMap} (real: extends KeyedDataStorage; members used only); see plugin-offline/STANDINS.md. */
public final class FingerprintMap {
    @SuppressWarnings("rawtypes")
    public @NonNull Fingerprint getOrCreate(@CheckForNull Run build, @NonNull String fileName, @NonNull String md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
