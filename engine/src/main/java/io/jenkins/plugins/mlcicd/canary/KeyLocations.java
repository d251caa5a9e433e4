package io.jenkins.plugins.mlcicd.canary;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.mlcicd.input.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where each key path of a JSON or YAML text is ({@code guardrails[1].max} → {@code 14:5}). A tree
 * read by Jackson has no positions; a plan error names the line, so the text is walked once more
 * with a streaming parser when (and only when) there is an error to report.
 */
final class KeyLocations {
    private final Map<String, String> positions;

    private KeyLocations(Map<String, String> positions) {
        this.positions = positions;
    }

    static KeyLocations none() {
        return new KeyLocations(Map.of());
    }

    static KeyLocations of(String source, String text) {
        Map<String, String> positions = new HashMap<>();
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        try (JsonParser parser = (json ? Json.mapper() : Json.yamlMapper()).getFactory().createParser(text)) {
            if (parser.nextToken() != null) {
                walk(parser, "", positions);
            }
        } catch (IOException | RuntimeException e) {
            // the text was parsed once already; positions are a courtesy, the message still has the path
        }
        return new KeyLocations(positions);
    }

    private static void walk(JsonParser parser, String path, Map<String, String> positions) throws IOException {
        JsonToken token = parser.currentToken();
        positions.putIfAbsent(path, position(parser.currentTokenLocation()));
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                positions.put(child, position(parser.currentTokenLocation()));
                parser.nextToken();
                walk(parser, child, positions);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, path + "[" + index++ + "]", positions);
            }
        }
    }

    private static String position(JsonLocation location) {
        return location.getLineNr() + ":" + location.getColumnNr();
    }

    /** {@code line:column} of the path, or of its nearest enclosing path, or null. */
    String find(String path) {
        String p = path;
        while (true) {
            String found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return null;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }
}
