package io.jenkins.plugins.mlcicd.lineage;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/**
 * Content-derived snapshot IDs of training data.
 *
 * <h2>Recipe (stable; changing it changes every ID)</h2>
 * <ul>
 *   <li><b>File</b>: {@code sha256:<hex>} where {@code <hex>} is the lower-case SHA-256 of the file's
 *       bytes, exactly what {@code sha256sum FILE} prints.</li>
 *   <li><b>Directory</b>: every regular file below it is hashed as above. Each file contributes the
 *       record {@code <relative path> NUL <64 hex digits of its SHA-256> LF}, where the relative path
 *       uses {@code /} as separator and is encoded in UTF-8. The records are sorted by the unsigned
 *       bytes of the encoded relative path and concatenated; the directory's ID is
 *       {@code sha256:<hex>} of that concatenation. An empty directory (no files anywhere below it)
 *       therefore has the SHA-256 of zero bytes. The record is unambiguous because a path can contain
 *       no NUL and the digest has a fixed length.</li>
 *   <li><b>Names, times, permissions</b> never enter a digest; renaming a file inside a directory
 *       changes the directory's ID (the path is content of the dataset), touching it does not.</li>
 *   <li><b>Symbolic links</b> are followed: the content they point at is hashed under the link's
 *       own path, so a DVC or git-annex checkout that links into a cache has the same ID as a copy.
 *       A link cycle or a dangling link is bad input.</li>
 *   <li><b>Empty directories</b> contribute nothing (they hold no content).</li>
 * </ul>
 * Shell equivalent for a directory, for files without newlines in their names:
 * {@code cd DIR && find -L . -type f | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do printf '%s\0%s\n' "$f" "$(sha256sum < "$f" | cut -c1-64)"; done | sha256sum}.
 */
public final class DataSnapshots {
    /**
     * Told about every regular file as it is hashed, with its MD5 computed in the same read (Jenkins
     * records fingerprints by MD5, so the plugin reads each byte once for both).
     */
    public interface FileListener {
        /**
         * @param path   the file's path as recorded: the display path, plus {@code /<relative path>} inside a directory
         * @param digest its SHA-256 and size
         * @param md5    lower-case hex MD5 of its bytes
         */
        void hashed(String path, FileDigest digest, String md5);
    }

    private final ContentHasher hasher = new ContentHasher();
    private final FileListener listener;
    private final MessageDigest md5;

    public DataSnapshots() {
        this(null);
    }

    /** @param listener told about every file hashed, or null */
    public DataSnapshots(FileListener listener) {
        this.listener = listener;
        this.md5 = listener == null ? null : newMd5();
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    private FileDigest hash(Path file, String path) {
        if (listener == null) {
            return hasher.hash(file);
        }
        md5.reset();
        FileDigest digest = hasher.hash(file, md5);
        listener.hashed(path, digest, HexFormat.of().formatHex(md5.digest()));
        return digest;
    }

    /** The snapshot of a file or directory; {@code displayPath} is recorded as its path. */
    public DataSnapshot snapshot(Path path, String displayPath) {
        if (!Files.exists(path)) {
            throw new BadInputException(displayPath + ": data not found");
        }
        if (Files.isDirectory(path)) {
            return directory(path, displayPath);
        }
        if (!Files.isRegularFile(path)) {
            throw new BadInputException(displayPath + ": data is neither a regular file nor a directory");
        }
        FileDigest digest = hash(path, displayPath);
        return new DataSnapshot(displayPath, "sha256:" + digest.sha256(), digest.sha256(), digest.bytes(), 1, DataSnapshot.FILE);
    }

    private DataSnapshot directory(Path dir, String displayPath) {
        List<Entry> entries = new ArrayList<>();
        for (Path file : regularFiles(dir, displayPath)) {
            String relative = toSlashPath(dir.relativize(file));
            entries.add(new Entry(relative.getBytes(StandardCharsets.UTF_8), hash(file, (displayPath.endsWith("/") ? displayPath : displayPath + "/") + relative)));
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.path, b.path));
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        long bytes = 0;
        for (Entry entry : entries) {
            manifest.writeBytes(entry.path);
            manifest.write(0);
            manifest.writeBytes(entry.digest.sha256().getBytes(StandardCharsets.US_ASCII));
            manifest.write('\n');
            bytes += entry.digest.bytes();
        }
        String hex = ContentHasher.sha256Hex(manifest.toByteArray());
        return new DataSnapshot(displayPath, "sha256:" + hex, hex, bytes, entries.size(), DataSnapshot.DIRECTORY);
    }

    private record Entry(byte[] path, FileDigest digest) {
    }

    private static String toSlashPath(Path relative) {
        StringBuilder out = new StringBuilder();
        for (Path part : relative) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static List<Path> regularFiles(Path dir, String displayPath) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    } else if (attrs.isSymbolicLink()) {
                        // Only a link whose target cannot be read is still reported as a link here.
                        throw new BadInputException(displayPath + ": dangling symbolic link " + dir.relativize(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        throw new BadInputException(displayPath + ": symbolic link cycle at " + dir.relativize(file));
                    }
                    throw new BadInputException(displayPath + ": cannot read " + dir.relativize(file) + ": " + e.getMessage(), e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(displayPath + ": cannot list: " + e.getMessage(), e);
        }
        return files;
    }
}
