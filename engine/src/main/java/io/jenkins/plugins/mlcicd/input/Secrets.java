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
        for (String value : file.values()) {
            result = masked(result, value);
        }
        for (String value : handedOut) {
            result = masked(result, value);
        }
        return result;
    }

    private static final java.util.regex.Pattern AUTH_SCHEME = java.util.regex.Pattern.compile("(?i)(bearer|basic|token|apikey)\\s+(\\S+)");

    /**
     * The one masking rule, for any secret value a component holds (e.g. an MLflow client's Authorization
     * header): the value, and the forms a server may repeat it in — a header value {@code Bearer X} echoed as
     * just {@code X}, Basic credentials as the decoded {@code user:password} or the password.
     */
    public static String masked(String text, String value) {
        if (text == null || value == null) {
            return text;
        }
        String result = maskOne(text, value);
        java.util.regex.Matcher auth = AUTH_SCHEME.matcher(value.strip());
        if (auth.matches()) {
            String credentials = auth.group(2);
            result = maskOne(result, credentials);
            if (auth.group(1).equalsIgnoreCase("basic")) {
                try {
                    String decoded = new String(java.util.Base64.getDecoder().decode(credentials), java.nio.charset.StandardCharsets.UTF_8);
                    result = maskOne(result, decoded);
                    int colon = decoded.indexOf(':');
                    if (colon >= 0) {
                        result = maskOne(result, decoded.substring(colon + 1));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not Basic credentials after all: the value itself is masked
                }
            }
        }
        return result;
    }

    private static String maskOne(String text, String value) {
        // too short a value would mask ordinary text and tell what the secret is
        return value.length() >= 3 ? text.replace(value, MASK) : text;
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
