package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;

/** Stand-in of jenkins-core {@code hudson.model.FingerprintMap} (real: extends KeyedDataStorage; members used only); see plugin-offline/STANDINS.md. */
public final class FingerprintMap {
    // The AbstractBuild overloads are declared too, so that overload resolution is the real one.
    @SuppressWarnings("rawtypes")
    public @NonNull Fingerprint getOrCreate(@CheckForNull AbstractBuild build, @NonNull String fileName, @NonNull byte[] md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public @NonNull Fingerprint getOrCreate(@CheckForNull AbstractBuild build, @NonNull String fileName, @NonNull String md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }

    @SuppressWarnings("rawtypes")
    public @NonNull Fingerprint getOrCreate(@CheckForNull Run build, @NonNull String fileName, @NonNull String md5sum) throws IOException {
        throw new UnsupportedOperationException("stand-in");
    }
}
