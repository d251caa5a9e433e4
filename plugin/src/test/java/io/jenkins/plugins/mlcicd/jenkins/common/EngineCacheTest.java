package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCacheTest {
    @TempDir
    Path root;

    private EngineJar jar(String name, String content) throws IOException {
        Path source = Files.writeString(root.resolveSibling(root.getFileName() + "-" + name), content, StandardCharsets.UTF_8);
        try {
            return new EngineJar(name, EngineJars.sha256(source), Files.size(source));
        } finally {
            Files.delete(source);
        }
    }

    /** What AgentEngine does through the channel: write a part file beside the final name, then install it. */
    private Path copy(EngineJar jar, String content) throws IOException {
        String part = EngineCache.partName(jar);
        Path file = root.resolve(jar.sha256()).resolve(part);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return EngineCache.install(root, part, jar);
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void aJarIsCopiedOnceByContent() throws IOException {
        EngineJar engine = jar("engine.jar", "engine bytes");
        EngineJar duckdb = jar("duckdb.jar", "duckdb bytes");
        assertThat(EngineCache.missing(root, List.of(engine, duckdb))).containsExactly(engine, duckdb);

        Path installed = copy(engine, "engine bytes");

        assertThat(installed).isEqualTo(root.resolve(engine.sha256()).resolve("engine.jar")).hasContent("engine bytes");
        assertThat(EngineCache.location(root, engine)).isEqualTo(installed);
        assertThat(EngineCache.missing(root, List.of(engine, duckdb))).containsExactly(duckdb);
        assertThat(filesIn(installed.getParent())).isEqualTo(1);
    }

    @Test
    void aSecondCopyOfTheSameJarLeavesOneFile() throws IOException {
        EngineJar engine = jar("engine.jar", "engine bytes");
        copy(engine, "engine bytes");
        Path again = copy(engine, "engine bytes");

        assertThat(again).hasContent("engine bytes");
        assertThat(filesIn(again.getParent())).isEqualTo(1);
    }

    @Test
    void aDamagedCopyIsRefusedAndRemoved() throws IOException {
        EngineJar engine = jar("engine.jar", "engine bytes");

        assertThatThrownBy(() -> copy(engine, "engine byteZ"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("engine.jar on the agent is damaged");
        assertThat(filesIn(root.resolve(engine.sha256()))).isZero();
        assertThat(EngineCache.missing(root, List.of(engine))).containsExactly(engine);
    }

    @Test
    void aTruncatedFileInTheCacheCountsAsMissing() throws IOException {
        EngineJar engine = jar("engine.jar", "engine bytes");
        Files.createDirectories(EngineCache.location(root, engine).getParent());
        Files.writeString(EngineCache.location(root, engine), "engine", StandardCharsets.UTF_8);

        assertThat(EngineCache.missing(root, List.of(engine))).containsExactly(engine);
    }

    @Test
    void partNamesCannotLeaveTheCache() throws IOException {
        EngineJar engine = jar("engine.jar", "engine bytes");
        assertThat(EngineCache.partName(engine)).startsWith("engine.jar.part-").isNotEqualTo(EngineCache.partName(engine));
        assertThatThrownBy(() -> EngineCache.install(root, "../../etc/passwd", engine)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EngineCache.install(root, "engine.jar.part-/../../x", engine)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jarNamesAndDigestsArePlainPathSegments() {
        String sha = "a".repeat(64);
        assertThat(new EngineJar("duckdb_jdbc-1.4.4.0.jar", sha, 1).cachePath()).isEqualTo(sha + "/duckdb_jdbc-1.4.4.0.jar");
        assertThatThrownBy(() -> new EngineJar("../x.jar", sha, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineJar("a/b.jar", sha, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineJar("x.jar", "../" + sha, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineJar("x.jar", sha.toUpperCase(java.util.Locale.ROOT), 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versionsUnusedForAWeekArePrunedAndWhatIsUsedOrRecentStays() throws IOException {
        EngineJar current = jar("engine.jar", "new engine");
        EngineJar old = jar("engine.jar", "old engine");
        EngineJar recent = jar("engine.jar", "rolled back last night");
        copy(current, "new engine");
        copy(old, "old engine");
        copy(recent, "rolled back last night");
        Path notOurs = Files.createDirectories(root.resolve("not-a-digest"));
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        EngineCache.markUsed(root, List.of(old), now.minus(Duration.ofDays(8)));
        EngineCache.markUsed(root, List.of(recent), now.minus(Duration.ofDays(6)));
        // the current version's directory was last used long ago, but this run needs it
        Files.setLastModifiedTime(root.resolve(current.sha256()), FileTime.from(now.minus(Duration.ofDays(30))));

        List<String> pruned = EngineCache.prune(root, List.of(current), now, EngineCache.UNUSED_FOR);

        assertThat(pruned).containsExactly(old.sha256());
        assertThat(root.resolve(old.sha256())).doesNotExist();
        assertThat(EngineCache.location(root, current)).exists();
        assertThat(EngineCache.location(root, recent)).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void markingUsesTheMarkFileAndSkipsMissingDirectories() throws IOException {
        EngineJar present = jar("engine.jar", "present");
        EngineJar absent = jar("other.jar", "absent");
        copy(present, "present");
        Instant now = Instant.parse("2026-12-07T12:00:00Z");

        EngineCache.markUsed(root, List.of(present, absent), now);

        assertThat(Files.getLastModifiedTime(root.resolve(present.sha256()).resolve(EngineCache.USED_MARK)).toInstant())
                .isEqualTo(now);
        assertThat(root.resolve(absent.sha256())).doesNotExist();
        assertThat(EngineCache.missing(root, List.of(present))).isEmpty();
        assertThat(EngineCache.prune(root.resolve("nowhere"), List.of(), now, Duration.ZERO)).isEmpty();
    }
}
