package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the score (and optionally the decision) out of a model's JSON response with JSON Pointers
 * (RFC 6901), e.g. {@code /score} or {@code /predictions/0/probability}.
 */
public final class ScoreExtractor {
    /** Plain and fast: a response is parsed once per request; trailing garbage makes it unparsable. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final JsonPointer score;
    private final JsonPointer decision;

    /**
     * @throws IllegalArgumentException when a pointer is not a JSON Pointer
     */
    public ScoreExtractor(String scorePointer, String decisionPointer) {
        this.score = pointer("--score-pointer", scorePointer);
        this.decision = decisionPointer == null ? null : pointer("--decision-pointer", decisionPointer);
    }

    private static JsonPointer pointer(String option, String text) {
        if (text == null || !(text.isEmpty() || text.startsWith("/"))) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a JSON Pointer (it starts with '/', e.g. /score)");
        }
        // RFC 6901: '~' is only an escape, ~0 for '~' and ~1 for '/'; anything else would be read as a literal
        if (text.matches(".*~(?![01]).*")) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a JSON Pointer: '~' must be followed by 0 (for ~) or 1 (for /)");
        }
        return JsonPointer.compile(text);
    }

    /** The answer a 2xx response body gives. */
    public Answer read(byte[] body, int length, long latencyMicros) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body, 0, length);
        } catch (IOException e) {
            return Answer.failed(ErrorKind.UNPARSABLE, latencyMicros);
        }
        if (root == null || root.isMissingNode()) {
            return Answer.failed(ErrorKind.UNPARSABLE, latencyMicros);
        }
        return read(root, latencyMicros);
    }

    /** The answer a parsed response gives. */
    public Answer read(JsonNode root, long latencyMicros) {
        double value = number(root.at(score));
        if (Double.isNaN(value)) {
            return Answer.failed(ErrorKind.MISSING_SCORE, latencyMicros);
        }
        String label = null;
        if (decision != null) {
            JsonNode node = root.at(decision);
            if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
                return Answer.failed(ErrorKind.MISSING_SCORE, latencyMicros);
            }
            label = node.asText();
        }
        return Answer.scored(value, label, latencyMicros);
    }

    /** A finite number, or a string holding one (some servers quote numbers); NaN otherwise. */
    static double number(JsonNode node) {
        if (node.isNumber()) {
            double v = node.asDouble();
            return Double.isFinite(v) ? v : Double.NaN;
        }
        if (node.isTextual()) {
            try {
                double v = Double.parseDouble(node.textValue().strip());
                return Double.isFinite(v) ? v : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
