package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Computer;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

/**
 * Stand-in of jenkins-core {@code hudson.FilePath} (real: implements SerializableOnlyOverRemoting,
 * a Serializable); see plugin-offline/STANDINS.md.
 */
public final class FilePath implements Serializable {
    private static final long serialVersionUID = 1L;

    public FilePath(@NonNull File localPath) {
        throw new UnsupportedOperationException("stand-in");
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
        throw new UnsupportedOperationException("stand-in");
    }

    public void copyFrom(FilePath src) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public Computer toComputer() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    @NonNull
    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public long length() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public void copyTo(FilePath target) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("stand-in");
    }

    @CheckForNull
    public FilePath getParent() {
        throw new UnsupportedOperationException("stand-in");
    }

    public void write(final String content, final String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }

    public long lastModified() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stand-in");
    }
}
