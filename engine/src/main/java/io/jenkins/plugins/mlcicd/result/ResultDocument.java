package io.jenkins.plugins.mlcicd.result;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The document every step writes (DESIGN.md §3): a common envelope plus kind-specific fields.
 * The kind-specific fields are kept as JSON so that the envelope reads the same for every kind;
 * {@code report.ResultDocumentJson} flattens them into the top level when writing.
 *
 * @param kind       what produced the document
 * @param verdict    the step's verdict, normally the worst of {@code checks}
 * @param summary    one line
 * @param startedAt  when the step started
 * @param durationMs how long it took
 * @param checks     what a human reads first
 * @param fields     kind-specific top-level fields (e.g. {@code metrics}, {@code slices}, {@code lineage})
 * @param mlcicdVersion the version of the engine that wrote it ({@code mlcicdVersion} in the JSON; a
 *                   document made here is this engine's, see {@link EngineVersion})
 */
public record ResultDocument(
        ResultKind kind,
        Verdict verdict,
        String summary,
        Instant startedAt,
        long durationMs,
        List<Check> checks,
        ObjectNode fields,
        String mlcicdVersion) {

    public ResultDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(startedAt, "startedAt");
        checks = List.copyOf(checks);
        fields = fields == null ? JsonNodeFactory.instance.objectNode() : fields.deepCopy();
        mlcicdVersion = mlcicdVersion == null || mlcicdVersion.isBlank() ? EngineVersion.current() : mlcicdVersion;
    }

    /** A document this engine writes now. */
    public ResultDocument(ResultKind kind, Verdict verdict, String summary, Instant startedAt, long durationMs,
            List<Check> checks, ObjectNode fields) {
        this(kind, verdict, summary, startedAt, durationMs, checks, fields, EngineVersion.current());
    }

    public String schema() {
        return kind.schema();
    }

    /** A copy whose kind-specific fields are a defensive copy (ObjectNode is mutable). */
    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }
}
