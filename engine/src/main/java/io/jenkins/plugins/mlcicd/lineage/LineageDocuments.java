package io.jenkins.plugins.mlcicd.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import io.jenkins.plugins.mlcicd.result.ResultKind;
import java.util.List;
import java.util.Set;

/** Converts between a {@link LineageRecord} and the kind-specific fields of a {@code training} result document. */
public final class LineageDocuments {
    /** Fields a training document may carry besides the lineage record. */
    private static final Set<String> EXTRA = Set.of("logTail", "timedOut", "aborted", "registry");

    private LineageDocuments() {
    }

    public static ObjectNode toFields(LineageRecord lineage) {
        ObjectNode fields = Json.mapper().valueToTree(lineage);
        fields.putIfAbsent("metrics", Json.mapper().createObjectNode());
        fields.putIfAbsent("data", Json.mapper().createArrayNode());
        fields.putIfAbsent("params", Json.mapper().createObjectNode());
        return fields;
    }

    /** The lineage record of a training document (e.g. one read back from the agent's workspace). */
    public static LineageRecord lineageOf(ResultDocument document) {
        if (document.kind() != ResultKind.TRAINING) {
            throw new BadInputException("expected a training result document, got kind '" + document.kind().id() + "'");
        }
        ObjectNode fields = document.fields();
        fields.remove(List.copyOf(EXTRA));
        try {
            return Json.mapper().treeToValue(fields, LineageRecord.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException("training document: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
