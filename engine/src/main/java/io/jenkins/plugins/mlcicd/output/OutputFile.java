package io.jenkins.plugins.mlcicd.output;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way the engine writes a file the user named ({@code --out}, {@code --html}, {@code --junit},
 * {@code --profile-out}, …). How it writes depends on what the path is, because "write a temporary
 * file and rename it over the path" is right for a document and destroys anything else:
 * <ul>
 *   <li>{@code -}, {@code /dev/stdout}: the command's standard output ({@code /dev/stderr}: its error stream);</li>
 *   <li>a regular file or a path that does not exist yet: atomic replace (temporary file in the same
 *       directory, then rename), so a reader or a concurrent writer never sees half a document; a new file
 *       gets the permissions the umask gives, a replaced one keeps its permissions;</li>
 *   <li>a symbolic link: its target is written as above, the link stays a link;</li>
 *   <li>a character device, FIFO or socket: written in place as a stream (renaming over {@code /dev/null}
 *       as root would turn it into a regular file for the whole machine);</li>
 *   <li>a directory, or a path whose directory cannot be written: refused by {@link #of} with a
 *       {@link BadInputException} (exit 2) — call it before any work so a long run does not fail at its last step.</li>
 * </ul>
 */
public final class OutputFile {
    /** Where the bytes go. */
    public enum Kind {
        /** The command's standard output. */
        STDOUT,
        /** The command's standard error. */
        STDERR,
        /** A regular file (or a new one), replaced atomically. */
        DOCUMENT,
        /** A device, FIFO or socket, written in place. */
        STREAM
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String option;
    private final Path given;
    private final Kind kind;
    private final Path target;

    private OutputFile(String option, Path given, Kind kind, Path target) {
        this.option = option;
        this.given = given;
        this.kind = kind;
        this.target = target;
    }

    /**
     * Checks where {@code path} (given as {@code option}, for messages) can be written and returns the
     * writer for it. Nothing is created yet.
     *
     * @throws BadInputException for a directory, a path below a regular file or an unwritable location
     */
    public static OutputFile of(String option, Path path) {
        String text = path.toString();
        if (text.equals("-") || text.equals("/dev/stdout") || text.equals("/dev/fd/1") || text.equals("/proc/self/fd/1")) {
            return new OutputFile(option, path, Kind.STDOUT, null);
        }
        if (text.equals("/dev/stderr") || text.equals("/dev/fd/2") || text.equals("/proc/self/fd/2")) {
            return new OutputFile(option, path, Kind.STDERR, null);
        }
        if (text.isBlank()) {
            throw new BadInputException(option + ": empty path; give a file name or - for standard output");
        }
        Path target = followLinks(option, path.toAbsolutePath().normalize());
        if (Files.isDirectory(target)) {
            throw refuse(option, path, "is a directory; give a file name inside it");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isWritable(target)) {
                    throw refuse(option, path, "permission denied");
                }
                return new OutputFile(option, path, Kind.STREAM, target);
            }
            if (!Files.isWritable(target)) {
                throw refuse(option, path, "permission denied");
            }
        }
        requireWritableDirectory(option, path, target.getParent());
        return new OutputFile(option, path, Kind.DOCUMENT, target);
    }

    /** The option this output was given as, e.g. {@code --out}. */
    public String option() {
        return option;
    }

    /** The path as the user gave it. */
    public Path path() {
        return given;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * What this output really writes, for comparing outputs with each other and with inputs: the
     * resolved file (links followed), or {@code null} for standard output and error.
     */
    public Path target() {
        return target;
    }

    /** Whether this output goes to the command's standard output (so the console summary must not). */
    public boolean isStandardOutput() {
        return kind == Kind.STDOUT;
    }

    /**
     * Writes {@code content} (UTF-8). {@code stdout} and {@code stderr} are the command's own streams, which
     * are not {@link System#out} when the CLI runs in-process.
     */
    public void write(String content, PrintWriter stdout, PrintWriter stderr) {
        if (!ShutdownCleanup.writesAllowed()) {
            // the run was interrupted (SIGINT/SIGTERM): what it would write now describes a killed run, not a result
            throw new IllegalStateException("stopped by a signal: " + this + " not written");
        }
        switch (kind) {
            case STDOUT -> {
                stdout.print(content);
                stdout.flush();
            }
            case STDERR -> {
                stderr.print(content);
                stderr.flush();
            }
            case STREAM -> writeInPlace(content.getBytes(StandardCharsets.UTF_8));
            case DOCUMENT -> writeAtomically(content.getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException(kind.name());
        }
    }

    /** {@link #write(String, PrintWriter, PrintWriter)} for callers without their own streams: the process's standard streams. */
    public void write(String content) {
        write(content, new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8)));
    }

    private void writeInPlace(byte[] bytes) {
        // WRITE without CREATE or TRUNCATE: a device or FIFO is opened as it is, never made anew.
        try (OutputStream stream = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            stream.write(bytes);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void writeAtomically(byte[] bytes) {
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            Set<PosixFilePermission> keep = existingPermissions();
            Path temp = newTemporary(dir);
            // stopped by SIGINT/SIGTERM mid-write: no '.name.xxxx.tmp' left behind, and the target untouched
            try (ShutdownCleanup.Registration cleanup = ShutdownCleanup.register(() -> deleteQuietly(temp))) {
                Files.write(temp, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                if (keep != null) {
                    Files.setPosixFilePermissions(temp, keep);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private Path newTemporary(Path dir) throws IOException {
        return createTemporary(dir, target.getFileName().toString());
    }

    /**
     * A new empty hidden file {@code .NAME.<random>.tmp} in {@code dir} for a write-then-rename, created with
     * plain {@code createFile} so the umask decides its mode: {@code Files.createTempFile} makes it 0600, and
     * the mode survives the rename, so nobody else could read the document.
     */
    public static Path createTemporary(Path dir, String name) throws IOException {
        while (true) {
            byte[] nonce = new byte[6];
            RANDOM.nextBytes(nonce);
            Path temp = dir.resolve("." + name + "." + HexFormat.of().formatHex(nonce) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer drew the same name: draw again
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort while the JVM stops
        }
    }

    private Set<PosixFilePermission> existingPermissions() {
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                || Files.getFileAttributeView(target, PosixFileAttributeView.class) == null) {
            return null;
        }
        try {
            return Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("cannot write " + given + " (" + option + "): " + reason(e), e);
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    /** Follows symbolic links (also dangling ones, whose target will be created) to the path really written. */
    private static Path followLinks(String option, Path path) {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 40) {
                throw refuse(option, path, "too many levels of symbolic links");
            }
            try {
                Path link = Files.readSymbolicLink(current);
                current = current.resolveSibling(link).normalize();
            } catch (IOException e) {
                throw refuse(option, path, "cannot read the link: " + reason(e));
            }
        }
        Path parent = current.getParent();
        if (parent != null && Files.exists(parent)) {
            try {
                return parent.toRealPath().resolve(current.getFileName());
            } catch (IOException e) {
                return current;
            }
        }
        return current;
    }

    /** The nearest existing ancestor must be a writable directory (the rest is created when writing). */
    private static void requireWritableDirectory(String option, Path given, Path dir) {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw refuse(option, given, "no existing directory above it");
        }
        if (!Files.isDirectory(existing)) {
            throw refuse(option, given, existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw refuse(option, given, "directory " + existing + " is not writable (permission denied)");
        }
    }

    private static BadInputException refuse(String option, Path path, String why) {
        return new BadInputException("cannot write " + option + " " + path + ": " + why);
    }

    @Override
    public String toString() {
        return option + " " + given;
    }
}
