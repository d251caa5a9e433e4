package io.jenkins.plugins.mlcicd.jenkins.common;

import io.jenkins.plugins.mlcicd.report.ResultDocumentJson;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.util.Map;

/** What a step returns to the script: the result document exactly as the CLI's {@code --out} writes it, as plain values. */
public final class ResultMaps {
    private ResultMaps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(ResultDocument document) {
        return (Map<String, Object>) PlainValues.toPlain(ResultDocumentJson.toJson(document));
    }
}
