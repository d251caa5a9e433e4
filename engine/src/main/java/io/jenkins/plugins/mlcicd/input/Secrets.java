package io.jenkins.plugins.mlcicd.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Named secrets of one engine run (tokens, passwords): never on a command line, never in a result.
 *
 * <p>A name resolves first in the secrets file named by {@value #FILE_ENV} (a JSON object of names to
 * strings, which the Jenkins plugin writes with mode 0600 under the workspace's {@code @tmp} and
 * deletes after the run, so that secrets reach the engine neither as arguments nor as variables that
 * {@code docker exec --env} would show in the host's process list), then in the process environment
 * (how a terminal user hands them over). {@link #masked(String)} replaces every value the run holds,
 * for messages that a third-party library may have filled with one.
 */
public final class Secrets {
    /** The environment variable that names the secrets file. */
    public static final String FILE_ENV = "MLCICD_SECRETS_FILE";
    private static final String MASK = "****";

    private final Map<String, String> file;
    private final UnaryOperator<String> environment;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();

    private Secrets(Map<String, String> file, UnaryOperator<String> environment) {
        this.file = file;
        this.environment = environment;
    }

    /** The secrets of this process: the file {@value #FILE_ENV} names, if any, then {@link System#getenv}. */
    public static Secrets fromEnvironment() {
        return of(System::getenv);
    }

    /** As {@link #fromEnvironment()} with a given environment (tests). */
    public static Secrets of(UnaryOperator<String> environment) {
        String path = environment.apply(FILE_ENV);
        Map<String, String> file = path == null || path.isEmpty() ? Map.of() : read(Path.of(path));
        return new Secrets(file, environment);
    }

    /** The value of a secret, from the file or the environment. */
    public Optional<String> find(String name) {
        String value = file.get(name);
        if (value == null) {
            value = environment.apply(name);
        }
        if (value != null) {
            handedOut.add(value);
        }
        return Optional.ofNullable(value);
    }

    /**
     * The value of a secret that must exist.
     *
     * @param usedFor what needs it, for the message (e.g. "--header Authorization")
     * @throws BadInputException naming the secret and where it was looked for
     */
    public String require(String name, String usedFor) {
        return find(name).orElseThrow(() -> new BadInputException(usedFor + ": no secret '" + name
                + "' in the environment" + (file.isEmpty() ? "" : " or the secrets file")));
    }

    /** The text with every value of the secrets file, and every value {@link #find} returned, replaced. */
    public String masked(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        // too short a value would mask ordinary text and tell what the secret is
        for (String value : file.values()) {
            if (value.length() >= 3) {
                result = result.replace(value, MASK);
            }
        }
        for (String value : handedOut) {
            if (value.length() >= 3) {
                result = result.replace(value, MASK);
            }
        }
        return result;
    }

    /** The names in the secrets file (never the values). */
    public Iterable<String> fileNames() {
        return Collections.unmodifiableSet(file.keySet());
    }

    private static Map<String, String> read(Path path) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new BadInputException(FILE_ENV + ": " + path + ": no such file");
        } catch (IOException e) {
            // never echo the content: it is secret
            throw new BadInputException(FILE_ENV + ": " + path + ": not a JSON object of secret names to strings");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(FILE_ENV + ": " + path + ": not a JSON object of secret names to strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new BadInputException(FILE_ENV + ": " + path + ": secret '" + entry.getKey() + "' is not a string");
            }
            values.put(entry.getKey(), entry.getValue().textValue());
        }
        return Map.copyOf(values);
    }
}
