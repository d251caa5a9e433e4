package io.jenkins.plugins.mlcicd.gate;

import com.fasterxml.jackson.databind.JsonNode;

/** How a JSON value is named in error messages. */
final class JsonValues {
    private JsonValues() {
    }

    /** A short description of a JSON value for messages: its type and, for scalars, the value. */
    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.asText();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.asText();
    }
}
