package io.jenkins.plugins.mlcicd.jenkins.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Finds, on the controller, the jar files the engine's CLI needs in its child JVM (DESIGN.md §4), and
 * names each by the SHA-256 of its content. Each artifact is found through one class of it, as a
 * resource of the plugin's class loader: in Jenkins that is the plugin's {@code WEB-INF/lib} (engine,
 * picocli, DuckDB, PostgreSQL JDBC, HdrHistogram) and the {@code jackson2-api} and {@code snakeyaml-api} plugins it
 * depends on (Jackson, SnakeYAML). Nothing is loaded: a resource lookup does not load a class, so
 * DuckDB's classes and native library never enter the controller's JVM.
 * A class directory instead of a jar (a development run from {@code target/classes}) is packed into
 * a jar with fixed timestamps, so that its digest only changes with its content.
 */
public final class EngineJars {
    /** One class file of an artifact the engine's CLI needs at run time. */
    public record Marker(String artifact, String resource) {
    }

    /** The engine's runtime artifacts, in class path order. */
    public static final List<Marker> MARKERS = List.of(
            new Marker("ml-cicd-engine", "io/jenkins/plugins/mlcicd/cli/Main.class"),
            new Marker("picocli", "picocli/CommandLine.class"),
            new Marker("jackson-core", "com/fasterxml/jackson/core/JsonFactory.class"),
            new Marker("jackson-databind", "com/fasterxml/jackson/databind/ObjectMapper.class"),
            new Marker("jackson-annotations", "com/fasterxml/jackson/annotation/JsonProperty.class"),
            new Marker("jackson-dataformat-yaml", "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class"),
            new Marker("snakeyaml", "org/yaml/snakeyaml/Yaml.class"),
            new Marker("duckdb_jdbc", "org/duckdb/DuckDBDriver.class"),
            new Marker("postgresql", "org/postgresql/Driver.class"),
            new Marker("HdrHistogram", "org/HdrHistogram/Histogram.class"),
            // The Spark Connect client (mlcicd ... --spark) and what it loads at run time; gRPC, Netty, Guava and
            // protobuf are shaded inside the client jar.
            new Marker("spark-connect-client-jvm_2.13", "org/apache/spark/sql/connect/client/SparkConnectClient.class"),
            new Marker("spark-common-utils_2.13", "org/apache/spark/SparkRuntimeException.class"),
            new Marker("spark-unsafe_2.13", "org/apache/spark/unsafe/types/UTF8String.class"),
            new Marker("spark-variant_2.13", "org/apache/spark/types/variant/VariantBuilder.class"),
            new Marker("spark-sketch_2.13", "org/apache/spark/util/sketch/BloomFilter.class"),
            new Marker("spark-tags_2.13", "org/apache/spark/annotation/Stable.class"),
            new Marker("scala-library", "scala/collection/immutable/Seq.class"),
            new Marker("scala-reflect", "scala/reflect/api/Universe.class"),
            new Marker("scala-parser-combinators_2.13", "scala/util/parsing/combinator/Parsers.class"),
            new Marker("icu4j", "com/ibm/icu/util/VersionInfo.class"),
            new Marker("chill_2.13", "com/twitter/chill/AllScalaRegistrar.class"),
            new Marker("chill-java", "com/twitter/chill/KryoInstantiator.class"),
            new Marker("kryo-shaded", "com/esotericsoftware/kryo/Kryo.class"),
            new Marker("minlog", "com/esotericsoftware/minlog/Log.class"),
            new Marker("objenesis", "org/objenesis/ObjenesisHelper.class"),
            new Marker("json4s-jackson_2.13", "org/json4s/jackson/Serialization.class"),
            new Marker("json4s-jackson-core_2.13", "org/json4s/jackson/JValueDeserializer.class"),
            new Marker("json4s-core_2.13", "org/json4s/Formats.class"),
            new Marker("json4s-ast_2.13", "org/json4s/JsonAST.class"),
            new Marker("antlr4-runtime", "org/antlr/v4/runtime/ANTLRErrorListener.class"),
            new Marker("jackson-datatype-jsr310", "com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.class"),
            new Marker("jackson-module-scala_2.13", "com/fasterxml/jackson/module/scala/DefaultScalaModule.class"),
            new Marker("paranamer", "com/thoughtworks/paranamer/Paranamer.class"),
            new Marker("commons-codec", "org/apache/commons/codec/binary/Hex.class"),
            new Marker("commons-text", "org/apache/commons/text/StringSubstitutor.class"),
            new Marker("commons-lang3", "org/apache/commons/lang3/StringUtils.class"),
            new Marker("commons-io", "org/apache/commons/io/IOUtils.class"),
            new Marker("slf4j-api", "org/slf4j/LoggerFactory.class"),
            new Marker("jul-to-slf4j", "org/slf4j/bridge/SLF4JBridgeHandler.class"),
            new Marker("jcl-over-slf4j", "org/apache/commons/logging/LogFactory.class"),
            new Marker("log4j-slf4j2-impl", "org/apache/logging/slf4j/SLF4JServiceProvider.class"),
            new Marker("log4j-api", "org/apache/logging/log4j/LogManager.class"),
            new Marker("log4j-core", "org/apache/logging/log4j/core/LoggerContext.class"),
            new Marker("log4j-1.2-api", "org/apache/log4j/Logger.class"));

    /** Digests of files already hashed, by path, size and modification time: DuckDB's jar is large. */
    private static final Map<String, EngineJar> DIGESTS = new ConcurrentHashMap<>();

    private EngineJars() {
    }

    /**
     * A jar on the controller and how the agent knows it.
     *
     * @param file the jar file to copy (for a class directory, the jar it was packed into)
     * @param jar  its name, digest and size
     */
    public record Located(Path file, EngineJar jar) {
    }

    /**
     * The engine's class path, in {@link #MARKERS} order, each file once.
     *
     * @throws IllegalStateException when an artifact cannot be found (a broken installation)
     */
    public static List<Located> locate(ClassLoader loader) {
        Map<Path, Located> found = new LinkedHashMap<>();
        for (Marker marker : MARKERS) {
            Path root = codeSource(loader, marker.artifact(), marker.resource());
            if (!found.containsKey(root)) {
                found.put(root, describe(marker.artifact(), root));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The jar file or class directory that holds {@code resource}. */
    // No path traversal: a URL of the plugin's own class path, not user input.
    static Path codeSource(ClassLoader loader, String artifact, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the ML CI/CD plugin cannot find " + artifact + " (" + resource
                    + ") among its libraries; reinstall the plugin");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                return Path.of(jar.toURI());
            }
            if ("file".equals(url.getProtocol())) {
                Path classFile = Path.of(url.toURI());
                Path root = classFile;
                for (int i = resource.split("/").length; i > 0; i--) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + url + ": " + e.getMessage(), e);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot turn " + url + " into a file: " + e.getMessage(), e);
        }
        throw new IllegalStateException(artifact + " is loaded from " + url + ", which is neither a jar file nor a directory");
    }

    private static Located describe(String artifact, Path source) {
        try {
            if (Files.isDirectory(source)) {
                Path packed = pack(source);
                return new Located(packed, digest(packed, artifact + "-classes.jar"));
            }
            Path name = source.getFileName();
            // a code source is a jar file, never a root directory; the artifact names it otherwise
            return new Located(source, digest(source, name == null ? artifact + ".jar" : name.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** The jar's description, hashed once per path, size and modification time. */
    static EngineJar digest(Path jar, String fileName) throws IOException {
        long size = Files.size(jar);
        String key = jar.toAbsolutePath() + "|" + size + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + fileName;
        EngineJar known = DIGESTS.get(key);
        if (known != null) {
            return known;
        }
        EngineJar described = new EngineJar(fileName, sha256(jar), size);
        DIGESTS.put(key, described);
        return described;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Packs a class directory into a jar in the controller's temporary directory: entries sorted by
     * name, every timestamp the same, so equal content gives equal bytes and one cache entry.
     */
    // No path traversal: the directory is the plugin's own code source.
    static Path pack(Path directory) throws IOException {
        Path jar = Files.createTempFile("mlcicd-engine-classes-", ".jar");
        jar.toFile().deleteOnExit();
        FileTime epoch = FileTime.fromMillis(0);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .sorted((a, b) -> entryName(directory, a).compareTo(entryName(directory, b)))
                    .toList();
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : files) {
                JarEntry entry = new JarEntry(entryName(directory, file));
                entry.setLastModifiedTime(epoch);
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String entryName(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }
}
