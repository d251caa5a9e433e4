package io.jenkins.plugins.mlcicd.jenkins.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineJarsTest {
    @TempDir
    Path tmp;

    @Test
    void findsEveryArtifactOfTheEngineOnceWithItsDigest() throws IOException {
        List<EngineJars.Located> jars = EngineJars.locate(EngineJarsTest.class.getClassLoader());

        assertThat(jars).hasSize(EngineJars.MARKERS.size());
        assertThat(jars).extracting(EngineJars.Located::file).doesNotHaveDuplicates();
        for (EngineJars.Located jar : jars) {
            assertThat(jar.jar().size()).isEqualTo(Files.size(jar.file()));
            assertThat(jar.jar().sha256()).isEqualTo(EngineJars.sha256(jar.file()));
            assertThat(jar.jar().fileName()).endsWith(".jar");
        }
        assertThat(jars).extracting(j -> j.jar().fileName())
                .anyMatch(name -> name.startsWith("duckdb_jdbc"))
                .anyMatch(name -> name.startsWith("picocli"))
                .anyMatch(name -> name.startsWith("postgresql"))
                .anyMatch(name -> name.startsWith("jackson-databind"));
    }

    @Test
    void everyMarkerIsInTheJarFoundForIt() throws IOException {
        for (EngineJars.Located jar : EngineJars.locate(EngineJarsTest.class.getClassLoader())) {
            if (Files.isDirectory(jar.file())) {
                continue;
            }
            try (JarFile file = new JarFile(jar.file().toFile())) {
                assertThat(EngineJars.MARKERS).anyMatch(marker -> file.getEntry(marker.resource()) != null);
            }
        }
    }

    /** A class loader that tells which classes it has loaded. */
    private static final class Probe extends URLClassLoader {
        Probe(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    @Test
    void locatingTheJarsLoadsNoneOfTheirClasses() throws Exception {
        List<EngineJars.Located> jars = EngineJars.locate(EngineJarsTest.class.getClassLoader());
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).file().toUri().toURL();
        }
        try (Probe probe = new Probe(urls)) {
            assertThat(EngineJars.locate(probe)).hasSameSizeAs(jars);
            for (String name : List.of("org.duckdb.DuckDBDriver", "org.postgresql.Driver", "picocli.CommandLine",
                    "io.jenkins.plugins.mlcicd.cli.Main")) {
                assertThat(probe.loaded(name)).as(name).isFalse();
            }
            // the probe does see a class once it is loaded (without initialising it: no native library)
            Class.forName("org.duckdb.DuckDBDriver", false, probe);
            assertThat(probe.loaded("org.duckdb.DuckDBDriver")).isTrue();
        }
    }

    @Test
    void aMissingArtifactIsNamed() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> EngineJars.locate(empty))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ml-cicd-engine")
                    .hasMessageContaining("io/jenkins/plugins/mlcicd/cli/Main.class");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClassDirectoryIsFoundAndPackedReproducibly() throws IOException {
        Path classes = tmp.resolve("classes");
        Path marker = classes.resolve("io/jenkins/plugins/mlcicd/cli/Main.class");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "not really a class", StandardCharsets.UTF_8);
        Files.writeString(classes.resolve("io/jenkins/plugins/mlcicd/cli/Other.class"), "other", StandardCharsets.UTF_8);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Path root = EngineJars.codeSource(loader, "ml-cicd-engine", "io/jenkins/plugins/mlcicd/cli/Main.class");
            assertThat(root).isEqualTo(classes);
        }
        Path first = EngineJars.pack(classes);
        Files.setLastModifiedTime(marker, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Path second = EngineJars.pack(classes);
        assertThat(EngineJars.sha256(first)).isEqualTo(EngineJars.sha256(second));
        try (JarFile jar = new JarFile(first.toFile())) {
            assertThat(jar.getEntry("io/jenkins/plugins/mlcicd/cli/Main.class")).isNotNull();
            assertThat(jar.getEntry("io/jenkins/plugins/mlcicd/cli/Other.class")).isNotNull();
        }

        Files.writeString(marker, "changed", StandardCharsets.UTF_8);
        assertThat(EngineJars.sha256(EngineJars.pack(classes))).isNotEqualTo(EngineJars.sha256(first));
    }

    @Test
    void aClassDirectoryIsLocatedAsThePackedJar() throws IOException {
        Path classes = tmp.resolve("engine-classes");
        Path marker = classes.resolve("io/jenkins/plugins/mlcicd/cli/Main.class");
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "not really a class", StandardCharsets.UTF_8);
        List<URL> urls = new java.util.ArrayList<>(List.of(classes.toUri().toURL()));
        for (EngineJars.Located jar : EngineJars.locate(EngineJarsTest.class.getClassLoader())) {
            if (!jar.jar().fileName().startsWith("ml-cicd-engine")) {
                urls.add(jar.file().toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            EngineJars.Located engine = EngineJars.locate(loader).get(0);

            assertThat(engine.jar().fileName()).isEqualTo("ml-cicd-engine-classes.jar");
            assertThat(engine.file()).isRegularFile().isNotEqualTo(classes);
            assertThat(engine.jar().size()).isEqualTo(Files.size(engine.file()));
            assertThat(engine.jar().sha256()).isEqualTo(EngineJars.sha256(engine.file()));
        }
    }

    @Test
    void sha256IsTheStandardOne() throws IOException {
        Path file = tmp.resolve("abc");
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        assertThat(EngineJars.sha256(file)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
