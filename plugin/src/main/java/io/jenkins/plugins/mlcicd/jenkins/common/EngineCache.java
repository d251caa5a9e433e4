package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The agent's cache of engine jars, {@code <cache root>/<sha256>/<file name>}: a jar is copied to an
 * agent once per content, whatever the job, and a plugin update adds a new directory beside the old
 * one. A copy is written to a part file beside its final name, its digest is checked, and only then
 * is it moved into place, so a reader never sees half a jar and two builds copying the same jar at
 * once both succeed. This class runs on the agent (from {@link AgentEngine}'s file callables) and
 * knows nothing of Jenkins.
 */
public final class EngineCache {
    /** The cache directory's name, under the node's {@code caches} directory. */
    public static final String DIRECTORY = "mlcicd-engine";
    private static final String PART = ".part-";

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
}
