package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded registry: a directory, local or shared, that several processes may write at once.
 *
 * <pre>
 * &lt;root&gt;/&lt;name&gt;/versions/&lt;n&gt;.json   immutable version records (schema mlcicd/model-version/v1)
 * &lt;root&gt;/&lt;name&gt;/aliases.json          current aliases (schema mlcicd/model-aliases/v1)
 * &lt;root&gt;/&lt;name&gt;/alias-log.jsonl       append-only audit log, one {@link AliasMove} per line
 * &lt;root&gt;/&lt;name&gt;/.lock                 lock file guarding the three above
 * </pre>
 *
 * <p>Safety: every write of a model's files happens while holding an exclusive lock on its
 * {@code .lock} ({@link FileChannel#lock()}, which excludes other processes) and a JVM-wide lock
 * for the same file (the OS lock is per process, and a second lock from the same JVM would throw
 * {@code OverlappingFileLockException}). A version record is written to a temporary file
 * (name starting with {@code .}), flushed to disk, and then hard-linked to its final name, which
 * fails rather than overwrite; so a version file is either absent or complete, and a crash leaves
 * at most a temporary file that every reader ignores. The alias log is the source of truth for
 * aliases: a move is appended (one write, flushed) before {@code aliases.json} is replaced
 * atomically; {@code aliases.json} records how many log entries it reflects, and a reader that
 * finds the log ahead (a crash between the two writes) replays the log. A torn last log line (a
 * crash mid-append) is ignored by readers and cut off by the next writer.
 */
public final class FileModelRegistry implements ModelRegistry {
    static final String VERSION_SCHEMA = "mlcicd/model-version/v1";
    static final String ALIASES_SCHEMA = "mlcicd/model-aliases/v1";
    private static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,9})\\.json");
    private static final Map<String, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();
    private final ObjectWriter compact = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    public FileModelRegistry(Path root) {
        this(root, Clock.systemUTC());
    }

    public FileModelRegistry(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public ModelVersion register(String name, VersionDraft draft) {
        RegistryNames.requireModelName(name);
        return locked(name, () -> {
            Path versions = versionsDir(name);
            int next = versionNumbers(versions).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            ModelVersion version = new ModelVersion(name, next, clock.instant().toString(), draft.createdBy(),
                    draft.sourceUrl(), draft.model(), draft.metrics(), draft.lineage());
            ObjectNode json = mapper.createObjectNode().put("schema", VERSION_SCHEMA);
            json.setAll((ObjectNode) mapper.valueToTree(version));
            writeNew(versions.resolve(next + ".json"), mapper.writeValueAsBytes(json));
            return version;
        });
    }

    @Override
    public ModelVersion get(String name, int version) {
        RegistryNames.requireModelName(name);
        Path file = versionsDir(name).resolve(version + ".json");
        if (version < 1 || !Files.isRegularFile(file)) {
            requireModel(name);
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no version " + version + " in " + root);
        }
        return readVersion(file);
    }

    @Override
    public List<ModelVersion> list(String name) {
        RegistryNames.requireModelName(name);
        requireModel(name);
        List<ModelVersion> result = new ArrayList<>();
        for (int n : versionNumbers(versionsDir(name))) {
            result.add(readVersion(versionsDir(name).resolve(n + ".json")));
        }
        return result;
    }

    @Override
    public AliasMove setAlias(String name, String alias, int version, Promotion why) {
        RegistryNames.requireModelName(name);
        RegistryNames.requireAlias(alias);
        requireModel(name);
        return locked(name, () -> {
            if (version < 1 || !Files.isRegularFile(versionsDir(name).resolve(version + ".json"))) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND,
                        "cannot point alias '" + alias + "' at version " + version + ": model '" + name + "' has no such version");
            }
            return move(name, alias, version, why);
        });
    }

    @Override
    public AliasMove removeAlias(String name, String alias, Promotion why) {
        RegistryNames.requireModelName(name);
        RegistryNames.requireAlias(alias);
        requireModel(name);
        return locked(name, () -> {
            if (!readAliases(name).aliases().containsKey(alias)) {
                throw new RegistryException(RegistryException.Kind.NOT_FOUND, "model '" + name + "' has no alias '" + alias + "'");
            }
            return move(name, alias, null, why);
        });
    }

    /** Appends the move to the log, then replaces aliases.json; caller holds the lock. */
    private AliasMove move(String name, String alias, Integer to, Promotion why) throws IOException {
        LogExtent log = logExtent(name);
        AliasState state = readAliases(name, log);
        AliasMove entry = new AliasMove(clock.instant().toString(), alias, state.aliases().get(alias), to,
                why.actor(), why.reason(), why.sourceUrl(), why.gateVerdict());
        Path logFile = modelDir(name).resolve("alias-log.jsonl");
        byte[] line = (compact.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.truncate(log.completeBytes()); // drop a torn line left by a crash
            channel.position(log.completeBytes());
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
        Map<String, Integer> next = new TreeMap<>(state.aliases());
        if (to == null) {
            next.remove(alias);
        } else {
            next.put(alias, to);
        }
        writeAliases(name, new AliasState(next, log.lines() + 1));
        return entry;
    }

    @Override
    public Map<String, Integer> aliases(String name) {
        RegistryNames.requireModelName(name);
        requireModel(name);
        return readAliases(name).aliases();
    }

    @Override
    public List<AliasMove> history(String name) {
        RegistryNames.requireModelName(name);
        requireModel(name);
        return readLog(name).entries();
    }

    // ---- aliases.json and the log

    /** Current aliases plus how many log entries they reflect. */
    record AliasState(Map<String, Integer> aliases, int logEntries) {
        AliasState {
            aliases = java.util.Collections.unmodifiableMap(new TreeMap<>(aliases));
        }
    }

    /** The complete entries of the log (a torn tail excluded). */
    record AliasLog(List<AliasMove> entries) {
        AliasState replay() {
            Map<String, Integer> aliases = new TreeMap<>();
            for (AliasMove move : entries) {
                if (move.toVersion() == null) {
                    aliases.remove(move.alias());
                } else {
                    aliases.put(move.alias(), move.toVersion());
                }
            }
            return new AliasState(aliases, entries.size());
        }
    }

    private AliasState readAliases(String name) {
        return readAliases(name, logExtent(name));
    }

    /** aliases.json when it reflects the whole log (the normal case, no log parsing), else a replay of the log. */
    private AliasState readAliases(String name, LogExtent log) {
        Path file = modelDir(name).resolve("aliases.json");
        if (Files.isRegularFile(file)) {
            JsonNode json;
            try {
                json = readJson(file);
            } catch (RegistryException damaged) {
                return readLog(name).replay(); // e.g. emptied by a power loss: it is only a cache of the log
            }
            if (json.path("logEntries").asInt(-1) == log.lines()) {
                Map<String, Integer> aliases = new TreeMap<>();
                json.path("aliases").properties().forEach(e -> aliases.put(e.getKey(), e.getValue().asInt()));
                return new AliasState(aliases, log.lines());
            }
        }
        return readLog(name).replay(); // aliases.json missing or behind the log: the log is authoritative
    }

    /** How many complete lines the log has and how many bytes they take, without parsing them. */
    record LogExtent(int lines, long completeBytes) {
    }

    private LogExtent logExtent(String name) {
        Path file = modelDir(name).resolve("alias-log.jsonl");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            int lines = 0;
            long position = 0;
            long complete = 0;
            int read;
            while ((read = channel.read(buffer)) > 0) {
                buffer.flip();
                for (int i = 0; i < read; i++) {
                    if (buffer.get(i) == '\n') {
                        lines++;
                        complete = position + i + 1;
                    }
                }
                position += read;
                buffer.clear();
            }
            return new LogExtent(lines, complete);
        } catch (NoSuchFileException e) {
            return new LogExtent(0, 0);
        } catch (IOException e) {
            throw storage("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeAliases(String name, AliasState state) throws IOException {
        ObjectNode json = mapper.createObjectNode().put("schema", ALIASES_SCHEMA);
        ObjectNode aliases = json.putObject("aliases");
        state.aliases().forEach(aliases::put);
        json.put("logEntries", state.logEntries());
        Path file = modelDir(name).resolve("aliases.json");
        Path temp = OutputFile.createTemporary(file.getParent(), "aliases.json");
        try {
            // No fsync: the log is flushed and authoritative; a lost or stale aliases.json is rebuilt from it.
            Files.write(temp, mapper.writeValueAsBytes(json));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private AliasLog readLog(String name) {
        Path file = modelDir(name).resolve("alias-log.jsonl");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new AliasLog(List.of());
        } catch (IOException e) {
            throw storage("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<AliasMove> entries = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineNumber++;
                String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                try {
                    entries.add(mapper.readValue(line, AliasMove.class));
                } catch (JsonProcessingException e) {
                    throw storage(file + ":" + lineNumber + ": damaged alias log entry: " + e.getOriginalMessage(), e);
                }
                start = i + 1;
            }
        }
        return new AliasLog(entries);
    }

    // ---- versions

    private ModelVersion readVersion(Path file) {
        JsonNode json = readJson(file);
        if (!VERSION_SCHEMA.equals(json.path("schema").asText())) {
            throw storage(file + ": not a model version record (schema " + VERSION_SCHEMA + ")", null);
        }
        ObjectNode fields = ((ObjectNode) json).deepCopy();
        fields.remove("schema");
        try {
            return mapper.treeToValue(fields, ModelVersion.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw storage(file + ": damaged model version record: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static List<Integer> versionNumbers(Path versions) {
        List<Integer> numbers = new ArrayList<>();
        if (!Files.isDirectory(versions)) {
            return numbers;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(versions)) {
            for (Path file : files) {
                Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) { // temporary files start with '.', so never match
                    numbers.add(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw storage("cannot list " + versions + ": " + e.getMessage(), e);
        }
        numbers.sort(Comparator.naturalOrder());
        return numbers;
    }

    /** Writes a file that must not exist yet, so that it appears complete or not at all. */
    static void writeNew(Path target, byte[] content) throws IOException {
        Path temp = OutputFile.createTemporary(target.getParent(), target.getFileName().toString());
        try {
            writeAndSync(temp, content);
            try {
                Files.createLink(target, temp); // atomic, and refuses to replace an existing file
            } catch (FileAlreadyExistsException e) {
                throw storage(target + " already exists: another writer bypassed the registry lock", e);
            } catch (UnsupportedOperationException | IOException e) {
                // File systems without hard links: under our lock, an atomic rename is equally safe.
                if (Files.exists(target)) {
                    throw storage(target + " already exists: another writer bypassed the registry lock", e);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    private static void writeAndSync(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes a new directory entry durable; not possible on every platform, where it is skipped. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open a directory as a channel; its rename is durable on its own terms.
        }
    }

    // ---- locking and paths

    @FunctionalInterface
    private interface LockedAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(String name, LockedAction<T> action) {
        Path dir = modelDir(name);
        try {
            Files.createDirectories(dir.resolve("versions"));
            Path lockFile = dir.resolve(".lock");
            ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir.toRealPath().toString(), k -> new ReentrantLock());
            jvmLock.lock();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return action.run();
            } finally {
                jvmLock.unlock();
            }
        } catch (RegistryException e) {
            throw e;
        } catch (IOException e) {
            throw storage("registry " + root + ": " + e.getMessage(), e);
        }
    }

    private Path modelDir(String name) {
        return root.resolve(name);
    }

    private Path versionsDir(String name) {
        return modelDir(name).resolve("versions");
    }

    private void requireModel(String name) {
        if (!Files.isDirectory(versionsDir(name))) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "no model '" + name + "' in registry " + root);
        }
    }

    private JsonNode readJson(Path file) {
        try {
            return mapper.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw storage(file + ": damaged JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw storage("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static RegistryException storage(String message, Throwable cause) {
        return new RegistryException(RegistryException.Kind.STORAGE, message, cause);
    }
}
