package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the score (and optionally the decision) out of a model's JSON response with JSON Pointers
 * (RFC 6901), e.g. {@code /score} or {@code /predictions/0/probability}.
 *
 * <p>Runs once per answer on the models' event loops, so it streams: one pass over the tokens,
 * following the pointers and skipping every other subtree, instead of building a tree of the
 * response. The whole body is still read, so a body that is not one JSON value (trailing garbage
 * included) is unparsable, as with a full parse.
 */
public final class ScoreExtractor {
    /** Thread-safe; both models' threads create their parsers from it. */
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonPointer score;
    private final JsonPointer decision;

    /** What the walk found at the pointers. */
    private static final class Found {
        double score = Double.NaN;
        String decision;
    }

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
        Found found = new Found();
        try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Answer.failed(ErrorKind.UNPARSABLE, latencyMicros);
            }
            walk(parser, token, score, decision, found);
            if (parser.nextToken() != null) {
                return Answer.failed(ErrorKind.UNPARSABLE, latencyMicros);
            }
        } catch (IOException e) {
            return Answer.failed(ErrorKind.UNPARSABLE, latencyMicros);
        }
        if (Double.isNaN(found.score) || decision != null && found.decision == null) {
            return Answer.failed(ErrorKind.MISSING_SCORE, latencyMicros);
        }
        return Answer.scored(found.score, found.decision, latencyMicros);
    }

    /**
     * Reads the value starting at {@code token}; {@code toScore} and {@code toDecision} are what is
     * left of each pointer below this value, null when the value is off its path.
     */
    private static void walk(JsonParser parser, JsonToken token, JsonPointer toScore, JsonPointer toDecision, Found found)
            throws IOException {
        if (toScore != null && toScore.matches()) {
            found.score = number(parser, token);
            toScore = null;
        }
        if (toDecision != null && toDecision.matches()) {
            found.decision = scalarText(parser, token);
            toDecision = null;
        }
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                descend(parser, value, toScore == null ? null : toScore.matchProperty(name),
                        toDecision == null ? null : toDecision.matchProperty(name), found);
            }
        } else if (token == JsonToken.START_ARRAY) {
            JsonToken value;
            for (int i = 0; (value = parser.nextToken()) != JsonToken.END_ARRAY; i++) {
                if (value == null) {
                    throw new IOException("unexpected end of input");
                }
                descend(parser, value, toScore == null ? null : toScore.matchElement(i),
                        toDecision == null ? null : toDecision.matchElement(i), found);
            }
        }
    }

    private static void descend(JsonParser parser, JsonToken value, JsonPointer toScore, JsonPointer toDecision,
            Found found) throws IOException {
        if (toScore == null && toDecision == null) {
            parser.skipChildren(); // still tokenized, so malformed JSON is noticed
        } else {
            walk(parser, value, toScore, toDecision, found);
        }
    }

    /** A finite number, or a string holding one (some servers quote numbers); NaN otherwise. */
    private static double number(JsonParser parser, JsonToken token) throws IOException {
        double value;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = parser.getDoubleValue();
        } else if (token == JsonToken.VALUE_STRING) {
            try {
                value = Double.parseDouble(parser.getText().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** A scalar as text (numbers as Jackson's tree would print them); null for null and containers. */
    static String scalarText(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT -> Double.toString(parser.getDoubleValue());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }
}
