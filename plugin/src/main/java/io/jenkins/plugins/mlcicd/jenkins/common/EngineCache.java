package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The agent's cache of engine jars, {@code <cache root>/<sha256>/<file name>}: a jar is copied to an
 * agent once per content, whatever the job, and a plugin update adds a new directory beside the old
 * one. A copy is written to a part file beside its final name, its digest is checked, and only then
 * is it moved into place, so a reader never sees half a jar and two builds copying the same jar at
 * once both succeed. Each use marks the directories of the jars it needs ({@link #markUsed}); a
 * directory no run has needed for {@link #UNUSED_FOR} (a plugin version since replaced) is deleted
 * ({@link #prune}). This class runs on the agent (from {@link AgentEngine}'s file callables) and
 * knows nothing of Jenkins.
 */
public final class EngineCache {
    /** The cache directory's name, under the node's {@code caches} directory. */
    public static final String DIRECTORY = "mlcicd-engine";
    private static final String PART = ".part-";
    /** How long a version no run needs stays in the cache: long enough for builds of a rolled-back update. */
    public static final Duration UNUSED_FOR = Duration.ofDays(7);
    /** The file in a digest directory whose modification time is the directory's last use. */
    static final String USED_MARK = ".last-used";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private EngineCache() {
    }

    // No path traversal: EngineJar admits a hex digest and a plain file name only.
    public static Path location(Path root, EngineJar jar) {
        return root.resolve(jar.sha256()).resolve(jar.fileName());
    }

    /** The jars that are not in the cache yet (or not completely: the size differs). */
    public static List<EngineJar> missing(Path root, List<EngineJar> jars) throws IOException {
        List<EngineJar> missing = new ArrayList<>();
        for (EngineJar jar : jars) {
            Path file = location(root, jar);
            if (!Files.isRegularFile(file) || Files.size(file) != jar.size()) {
                missing.add(jar);
            }
        }
        return missing;
    }

    /** A fresh name for the part file a copy is written to, in the jar's own cache directory. */
    public static String partName(EngineJar jar) {
        return jar.fileName() + PART + UUID.randomUUID();
    }

    /**
     * Checks the digest of a copied part file and moves it to its place in the cache.
     *
     * @return where the jar now is
     * @throws IOException when the copy's digest differs (the part file is deleted)
     */
    // No path traversal: partName is checked to be a part file name of the jar.
    public static Path install(Path root, String partName, EngineJar jar) throws IOException {
        if (!partName.startsWith(jar.fileName() + PART) || partName.contains("/") || partName.contains("\\")) {
            throw new IllegalArgumentException("not a part file of " + jar.fileName() + ": " + partName);
        }
        Path target = location(root, jar);
        Path part = target.resolveSibling(partName);
        String actual = EngineJars.sha256(part);
        if (!actual.equals(jar.sha256())) {
            Files.deleteIfExists(part);
            throw new IOException("the copy of " + jar.fileName() + " on the agent is damaged: SHA-256 " + actual
                    + " instead of " + jar.sha256());
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            moveUnlessPresent(part, target);
        } catch (IOException e) {
            // Windows refuses to replace a jar another build's JVM has open: the one there is as good.
            if (!Files.isRegularFile(target) || Files.size(target) != jar.size()) {
                throw e;
            }
            Files.deleteIfExists(part);
        }
        return target;
    }

    private static void moveUnlessPresent(Path part, Path target) throws IOException {
        try {
            Files.move(part, target);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(part);
        }
    }

    /** Records that the jars' directories are used now (those that exist; a new one is new enough). */
    public static void markUsed(Path root, List<EngineJar> jars, Instant now) throws IOException {
        for (EngineJar jar : jars) {
            Path directory = root.resolve(jar.sha256());
            if (Files.isDirectory(directory)) {
                Path mark = directory.resolve(USED_MARK);
                if (!Files.exists(mark)) {
                    Files.createFile(mark);
                }
                Files.setLastModifiedTime(mark, FileTime.from(now));
            }
        }
    }

    /**
     * Deletes the digest directories of jars not in {@code wanted} whose last use (their mark, else the
     * directory's own time) is {@code unusedFor} or longer ago. Only directories named by a SHA-256
     * digest are considered; one that cannot be deleted completely (a jar a running JVM holds open on
     * Windows) is left for a later run.
     *
     * @return the names of the directories deleted
     */
    public static List<String> prune(Path root, List<EngineJar> wanted, Instant now, Duration unusedFor) throws IOException {
        Set<String> keep = new HashSet<>();
        wanted.forEach(jar -> keep.add(jar.sha256()));
        List<String> deleted = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return deleted;
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(root)) {
            candidates = children.filter(Files::isDirectory)
                    .filter(dir -> DIGEST.matcher(name(dir)).matches())
                    .filter(dir -> !keep.contains(name(dir)))
                    .toList();
        }
        Instant cutoff = now.minus(unusedFor);
        for (Path directory : candidates) {
            Path mark = directory.resolve(USED_MARK);
            Instant lastUse = Files.getLastModifiedTime(Files.exists(mark) ? mark : directory).toInstant();
            if (!lastUse.isAfter(cutoff) && deleteTree(directory)) {
                deleted.add(name(directory));
            }
        }
        return deleted;
    }

    /** A child's name; empty for a root, which {@link Files#list} never returns. */
    private static String name(Path child) {
        Path name = child.getFileName();
        return name == null ? "" : name.toString();
    }

    private static boolean deleteTree(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
