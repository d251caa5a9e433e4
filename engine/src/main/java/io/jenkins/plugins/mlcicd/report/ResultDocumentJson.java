package io.jenkins.plugins.mlcicd.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.input.StructuredFiles;
import io.jenkins.plugins.mlcicd.output.OutputFile;
import io.jenkins.plugins.mlcicd.result.Check;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import io.jenkins.plugins.mlcicd.result.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and writes result documents in the JSON form of DESIGN.md §3. */
public final class ResultDocumentJson {
    private static final Set<String> ENVELOPE =
            Set.of("schema", "kind", "verdict", "summary", "startedAt", "durationMs", "checks", "mlcicdVersion");
    /** What a document written before versions were recorded reads as. */
    public static final String VERSION_NOT_RECORDED = "not recorded";

    /** The envelope field naming the mlcicd version that wrote the document. */
    public static final String VERSION_FIELD = "mlcicdVersion";

    private ResultDocumentJson() {
    }

    public static ObjectNode toJson(ResultDocument document) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("schema", document.schema());
        node.put("kind", document.kind().id());
        node.put("verdict", document.verdict().name());
        node.put("summary", document.summary());
        node.put("startedAt", document.startedAt().toString());
        node.put("durationMs", document.durationMs());
        node.put(VERSION_FIELD, document.mlcicdVersion());
        node.set("checks", mapper.valueToTree(document.checks()));
        document.fields().properties().forEach(field -> {
            if (ENVELOPE.contains(field.getKey())) {
                throw new IllegalStateException("kind-specific field '" + field.getKey() + "' clashes with the envelope");
            }
            node.set(field.getKey(), field.getValue());
        });
        return node;
    }

    public static String toJsonString(ResultDocument document) {
        try {
            return Json.mapper().writeValueAsString(toJson(document)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result document", e);
        }
    }

    /** Writes through {@link OutputFile}: atomically for a file, so a reader never sees half a document. */
    public static void write(ResultDocument document, Path file) {
        writeAtomically(file, toJsonString(document));
    }

    /**
     * Writes {@code content} to {@code file} through {@link OutputFile} (atomic for a regular or new file,
     * in place for a device or FIFO, the link's target for a symbolic link).
     */
    public static void writeAtomically(Path file, String content) {
        OutputFile.of("output", file).write(content);
    }

    /** Whether a JSON tree looks like a result document (has a {@code mlcicd/...} schema). */
    public static boolean isResultDocument(JsonNode node) {
        return node.isObject() && node.path("schema").asText("").startsWith("mlcicd/");
    }

    public static ResultDocument read(Path file) {
        return fromJson(file, StructuredFiles.readTree(file));
    }

    public static ResultDocument fromJson(Path file, JsonNode node) {
        if (!isResultDocument(node)) {
            throw new BadInputException(file + ": not a result document (no 'schema': 'mlcicd/<kind>/v1')");
        }
        ResultKind kind;
        try {
            kind = ResultKind.fromId(text(file, node, "kind"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": kind: " + e.getMessage(), e);
        }
        Verdict verdict = enumValue(file, "verdict", text(file, node, "verdict"));
        Instant startedAt;
        try {
            startedAt = Instant.parse(text(file, node, "startedAt"));
        } catch (DateTimeParseException e) {
            throw new BadInputException(file + ": startedAt: not an ISO-8601 instant", e);
        }
        List<Check> checks = new ArrayList<>();
        JsonNode checkNodes = node.path("checks");
        if (!checkNodes.isArray()) {
            throw new BadInputException(file + ": checks: expected a list");
        }
        for (int i = 0; i < checkNodes.size(); i++) {
            try {
                checks.add(Json.mapper().treeToValue(checkNodes.get(i), Check.class));
            } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                throw new BadInputException(file + ": checks[" + i + "]: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        ObjectNode fields = Json.mapper().createObjectNode();
        node.properties().forEach(field -> {
            if (!ENVELOPE.contains(field.getKey())) {
                fields.set(field.getKey(), field.getValue());
            }
        });
        return new ResultDocument(kind, verdict, text(file, node, "summary"), startedAt,
                node.path("durationMs").asLong(0), checks, fields, node.path(VERSION_FIELD).asText(VERSION_NOT_RECORDED));
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadInputException(file + ": " + field + ": missing or not a string");
        }
        return value.asText();
    }

    private static Verdict enumValue(Path file, String field, String value) {
        try {
            return Verdict.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + field + ": '" + value + "' is not one of PASSED, WARNING, FAILED, INCONCLUSIVE", e);
        }
    }

}
