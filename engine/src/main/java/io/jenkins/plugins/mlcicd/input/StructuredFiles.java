package io.jenkins.plugins.mlcicd.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads JSON and YAML files (policies, contracts, metrics, result documents) and turns every
 * failure into a one-line {@link BadInputException} that names the file, line, column and key.
 */
public final class StructuredFiles {
    private StructuredFiles() {
    }

    /** Reads a JSON or YAML file into a tree; {@code .json} is parsed as JSON, anything else as YAML. */
    public static JsonNode readTree(Path file) {
        return parseTree(file.toString(), readText(file));
    }

    /**
     * Parses JSON or YAML text that came from {@code source} (a file name or a description such as
     * {@code "inline policy"}); {@code source} chooses the syntax and prefixes every error.
     */
    public static JsonNode parseTree(String source, String text) {
        ObjectMapper mapper = mapperFor(source);
        requirePrintableYaml(source, mapper, text);
        try (JsonParser parser = parser(mapper, text)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(source + ": file is empty");
            }
            requireEnd(source, parser);
            return node;
        } catch (JsonProcessingException e) {
            throw tabbed(source, text, e).orElseGet(() -> describe(source, e));
        } catch (YAMLException e) {
            throw tabbed(source, text, e).orElseGet(() -> new BadInputException(source + ": " + firstLine(e.getMessage()), e));
        } catch (IOException e) {
            throw new BadInputException(source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Python's json module writes {@code NaN}, {@code Infinity} and {@code -Infinity} literals; a metrics
     * file must be readable as a trainer wrote it. Otherwise as strict as {@link Json#mapper()}.
     */
    private static final ObjectMapper METRICS_JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The one reader of metrics files, for {@code train} and {@code gate} alike: JSON (by a {@code .json}
     * name or a leading {@code {}) with Python's NaN/Infinity literals accepted — they read as non-finite
     * numbers, which no rule ever passes — or YAML for anything else.
     */
    public static JsonNode parseMetricsTree(String source, String text) {
        if (text.isBlank()) {
            throw new BadInputException(source + ": file is empty");
        }
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
        if (!json) {
            return parseTree(source, text);
        }
        try {
            JsonNode node = METRICS_JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadInputException(source + ": file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location != null && location.getLineNr() > 0
                    ? ":" + location.getLineNr() + ":" + location.getColumnNr() : "";
            throw new BadInputException(source + where + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** Binds an already-read tree to a type; unknown keys and wrong types are reported with their path. */
    public static <T> T bind(String source, JsonNode tree, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw describe(source, e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Reads and binds in one step; errors name the file, line/column and key. */
    public static <T> T read(Path file, Class<T> type) {
        return parse(file.toString(), readText(file), type);
    }

    /** Parses and binds text that came from {@code source} (see {@link #parseTree}). */
    public static <T> T parse(String source, String text, Class<T> type) {
        if (text.isBlank()) {
            throw new BadInputException(source + ": file is empty");
        }
        ObjectMapper mapper = mapperFor(source);
        requirePrintableYaml(source, mapper, text);
        try (JsonParser parser = parser(mapper, text)) {
            T value = mapper.readValue(parser, type);
            if (value == null) {
                throw new BadInputException(source + ": file is empty");
            }
            requireEnd(source, parser);
            return value;
        } catch (JsonProcessingException e) {
            throw tabbed(source, text, e).orElseGet(() -> describe(source, e));
        } catch (YAMLException e) {
            throw tabbed(source, text, e).orElseGet(() -> new BadInputException(source + ": " + firstLine(e.getMessage()), e));
        } catch (IOException e) {
            throw new BadInputException(source + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * YAML forbids tabs in indentation, and SnakeYAML reports it as "found character '\\t' that cannot start
     * any token" somewhere after the tab: when a YAML file that failed has one, that is the message.
     */
    private static java.util.Optional<BadInputException> tabbed(String source, String text, Exception e) {
        if (mapperFor(source) != Json.yamlMapper()) {
            return java.util.Optional.empty();
        }
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            if (line.substring(0, indent).indexOf('\t') >= 0 && indent < line.length()) {
                return java.util.Optional.of(new BadInputException(source + ":" + (i + 1)
                        + ": tab characters are not allowed for indentation at line " + (i + 1) + "; indent with spaces", e));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * YAML allows tab, line breaks and printable characters only; SnakeYAML says "special characters are not
     * allowed" at line 1, column 1 wherever the character is. Said here with its real line and column.
     */
    private static void requirePrintableYaml(String source, ObjectMapper mapper, String text) {
        if (mapper != Json.yamlMapper()) {
            return; // JSON's parser reports a control character where it is
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean printable = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                    || (c >= 0xA0 && c <= 0xFFFD);
            if (!printable) {
                throw new BadInputException(source + ":" + line + ":" + column + ": a control character ("
                        + String.format(Locale.ROOT, "U+%04X", (int) c) + ") is not allowed in YAML; remove it");
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    /** Text after the first value (JSON) or a second document after {@code ---} (YAML) would be silently ignored. */
    private static void requireEnd(String source, JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            var at = parser.currentLocation();
            String where = at != null && at.getLineNr() > 0 ? ":" + at.getLineNr() + ":" + at.getColumnNr() : "";
            throw new BadInputException(source + where + (parser instanceof YAMLParser || parser.getClass().getSimpleName().contains("Yaml")
                    ? ": more than one YAML document (---); give one" : ": unexpected content after the end of the document"));
        }
    }

    private static JsonParser parser(ObjectMapper mapper, String text) throws IOException {
        JsonParser parser = mapper.getFactory().createParser(text);
        return parser instanceof YAMLParser yaml ? new NoAliasYamlParser(yaml) : parser;
    }

    /**
     * The largest metrics file read: a trainer's metrics (with slices and bootstrap samples) are kilobytes to a
     * few megabytes; far more is a wrong file (a data set, a model), which would only exhaust memory.
     */
    public static final long MAX_METRICS_BYTES = 16L * 1024 * 1024;

    /** A metrics file's text, for {@link #parseMetricsTree}: as {@link #readText}, refusing files above the bound. */
    public static String readMetricsText(Path file, String displayPath) {
        try {
            long size = Files.size(file);
            if (size > MAX_METRICS_BYTES) {
                throw new BadInputException(displayPath + ": " + String.format(Locale.ROOT, "%.1f", size / 1048576.0)
                        + " MiB is more than a metrics file may hold (" + MAX_METRICS_BYTES / 1048576
                        + " MiB); is this the metrics file (a JSON object of names to numbers)?");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayPath + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(displayPath + ": cannot read: " + e.getMessage(), e);
        }
        return readText(file);
    }

    /** The whole file as UTF-8 text, with a clear error for a missing, unreadable or non-UTF-8 file. */
    public static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Utf8.decode(file, bytes);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapperFor(String source) {
        String name = source.toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? Json.mapper() : Json.yamlMapper();
    }

    /** Turns a Jackson failure into "file:line:col: at key: reason". */
    static BadInputException describe(String file, JsonProcessingException e) {
        StringBuilder message = new StringBuilder(file);
        JsonLocation location = e.getLocation();
        // Records are bound through their constructor, so Jackson reports an unknown key where the
        // object ends, not where the key is; the key's path is exact, a line number would mislead.
        boolean locationIsExact = !(e instanceof UnrecognizedPropertyException);
        if (locationIsExact && location != null && location.getLineNr() > 0) {
            message.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
        }
        message.append(": ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            message.append("unknown key '").append(unknown.getPropertyName()).append('\'');
            String where = pathOf(unknown, true);
            if (!where.isEmpty()) {
                message.append(" in ").append(where);
            }
            Collection<Object> known = unknown.getKnownPropertyIds();
            if (known != null && !known.isEmpty()) {
                message.append(" (known keys: ")
                        .append(known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")))
                        .append(')');
            }
            return new BadInputException(message.toString(), e);
        }
        if (e instanceof JsonMappingException mapping) {
            String where = pathOf(mapping, false);
            if (!where.isEmpty()) {
                message.append(where).append(": ");
            }
        }
        message.append(firstLine(e.getOriginalMessage()));
        return new BadInputException(message.toString(), e);
    }

    /** The JSON path of the failure, e.g. {@code rules[2].within}; without the last key when asked. */
    private static String pathOf(JsonMappingException e, boolean dropLast) {
        var references = e.getPath();
        int end = dropLast ? references.size() - 1 : references.size();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < end; i++) {
            JsonMappingException.Reference ref = references.get(i);
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String firstLine(String text) {
        if (text == null) {
            return "invalid content";
        }
        return JsonMessages.plain(text);
    }
}
