package io.jenkins.plugins.mlcicd.jenkins.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import hudson.util.Secret;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.Secrets;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jenkins.agents.ControllerToAgentFileCallable;

/**
 * The secrets one engine run needs (credentials resolved for the build), handed to the engine's JVM
 * as a JSON file readable by its owner only, in the run's work directory under the workspace's
 * {@code @tmp} area. The JVM finds it through {@value Secrets#FILE_ENV}; the file's path is not secret.
 *
 * <p>Why a file and not environment variables: inside {@code docker.inside} the launcher becomes
 * {@code docker exec --env NAME=value …}, which puts every variable on the host's process list. A file
 * in {@code @tmp} is mounted into the container like the workspace. The work directory, and so the
 * file, is deleted when the step ends ({@link AgentEngine#deleteQuietly}).
 *
 * <p>Values stay {@link Secret}s on the controller until {@link #writeTo} sends them to the agent;
 * a value made from a secret (an {@code Authorization} header from a token) is computed only then.
 * Every value, and every part registered with {@link #mask}, is what {@link #maskedValues} gives the
 * engine's output filter ({@link MaskingOutputStream}).
 */
public final class EngineSecrets {
    /** The file's name in the work directory. */
    public static final String FILE = "secrets.json";

    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();
    private final List<Supplier<String>> parts = new ArrayList<>();

    /** Adds a secret under the name the engine asks for (e.g. an endpoint's credential variable). */
    public EngineSecrets put(String name, Secret value) {
        return put(name, value::getPlainText);
    }

    /**
     * Adds a value computed from secrets (e.g. {@code "Bearer " + token}); it is called when the file is
     * written and when the output filter is made, never kept.
     */
    public EngineSecrets put(String name, Supplier<String> value) {
        values.put(name, value);
        return this;
    }

    /**
     * A secret that is not in the file by itself but may show in the engine's output (the token inside
     * a header value, a password inside a login): masked in the build log too.
     */
    public EngineSecrets mask(Supplier<String> part) {
        parts.add(part);
        return this;
    }

    /** Every value and every masked part, as plain text: for the output filter only. */
    public List<String> maskedValues() {
        List<String> plain = new ArrayList<>();
        values.values().forEach(value -> plain.add(value.get()));
        parts.forEach(part -> plain.add(part.get()));
        return plain;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The names (never the values), for the build log. */
    public Iterable<String> names() {
        return values.keySet();
    }

    /**
     * Writes the file into the work directory with mode 0600 from its creation on, and returns the
     * engine JVM's extra environment: {@value Secrets#FILE_ENV} naming it; nothing when there are no
     * secrets.
     */
    public Map<String, String> writeTo(FilePath workDir) throws IOException, InterruptedException {
        if (values.isEmpty()) {
            return Map.of();
        }
        FilePath file = workDir.child(FILE);
        file.act(new CreatePrivate(json()));
        return Map.of(Secrets.FILE_ENV, file.getRemote());
    }

    /** The file's content: a JSON object of names to plain values (what {@link #writeTo} sends to the agent). */
    public byte[] json() throws IOException {
        Map<String, String> plain = new LinkedHashMap<>();
        values.forEach((name, value) -> plain.put(name, value.get()));
        try {
            return Json.mapper().writeValueAsBytes(plain);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot encode the engine's secrets", e);
        }
    }

    /** On the agent: creates the file readable and writable by its owner only, before any byte is written. */
    static final class CreatePrivate implements ControllerToAgentFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final byte[] content;

        CreatePrivate(byte[] content) {
            this.content = content.clone();
        }

        @Override
        public Void invoke(File file, VirtualChannel channel) throws IOException {
            OpenOption[] create = {StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE};
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            try (OutputStream out = posix
                    ? Files.newOutputStream(Files.createFile(file.toPath(), ownerOnly()), create[1])
                    : Files.newOutputStream(file.toPath(), create)) {
                out.write(content);
            }
            return null;
        }

        private static FileAttribute<?> ownerOnly() {
            return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Override
    public String toString() {
        return "secrets " + values.keySet();
    }
}
