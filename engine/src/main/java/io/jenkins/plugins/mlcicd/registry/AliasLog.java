package io.jenkins.plugins.mlcicd.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.input.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The alias log kept in one registered-model tag of MLflow: every move with its state, oldest first,
 * bounded to the tag's size by dropping the oldest entries (and counting them, so a reader knows the
 * log is not complete). States: {@code intended} (recorded before the move, never confirmed: the move
 * may or may not have happened), {@code confirmed} (read back after the move), {@code failed} (the
 * alias did not move).
 */
final class AliasLog {
    static final String INTENDED = "intended";
    static final String CONFIRMED = "confirmed";
    static final String FAILED = "failed";

    private final List<ObjectNode> entries;
    private long dropped;

    private AliasLog(List<ObjectNode> entries, long dropped) {
        this.entries = entries;
        this.dropped = dropped;
    }

    /** Reads the tag value; null or empty is an empty log. IllegalArgumentException when it is not a log. */
    static AliasLog parse(String value) {
        List<ObjectNode> entries = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return new AliasLog(entries, 0);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("entries").isArray()) {
            throw new IllegalArgumentException("no 'entries' list");
        }
        root.get("entries").forEach(e -> {
            if (!e.isObject() || !e.path("move").isObject()) {
                throw new IllegalArgumentException("an entry without a 'move' object");
            }
            entries.add((ObjectNode) e);
        });
        return new AliasLog(entries, root.path("dropped").asLong(0));
    }

    void add(String id, String state, AliasMove move) {
        ObjectNode entry = Json.mapper().createObjectNode().put("id", id).put("state", state);
        entry.set("move", Json.mapper().valueToTree(move));
        entries.add(entry);
    }

    void setState(String id, String state) {
        entries.stream().filter(e -> id.equals(e.path("id").asText())).forEach(e -> e.put("state", state));
    }

    long dropped() {
        return dropped;
    }

    /** Moves that happened or may have happened, oldest first; an unconfirmed one says so in its reason. */
    List<AliasMove> moves() {
        List<AliasMove> moves = new ArrayList<>();
        for (ObjectNode entry : entries) {
            String state = entry.path("state").asText();
            if (FAILED.equals(state)) {
                continue;
            }
            AliasMove move;
            try {
                move = Json.mapper().treeToValue(entry.get("move"), AliasMove.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + entry.path("id").asText() + " is not an alias move: " + e.getMessage(), e);
            }
            if (!CONFIRMED.equals(state)) {
                move = new AliasMove(move.timestamp(), move.alias(), move.fromVersion(), move.toVersion(), move.actor(),
                        (move.reason() == null ? "" : move.reason() + " ") + "[unconfirmed: recorded before the move, not confirmed after]",
                        move.sourceUrl(), move.gateVerdict());
            }
            moves.add(move);
        }
        return moves;
    }

    /** Compact JSON within {@code maxChars}, dropping the oldest entries when needed. */
    String render(int maxChars) {
        while (true) {
            ObjectNode root = Json.mapper().createObjectNode();
            if (dropped > 0) {
                root.put("dropped", dropped);
            }
            ArrayNode list = root.putArray("entries");
            entries.forEach(list::add);
            String text = root.toString();
            if (text.length() <= maxChars) {
                return text;
            }
            if (entries.size() <= 1) {
                throw new RegistryException(RegistryException.Kind.INVALID,
                        "the alias move does not fit in an MLflow tag (" + text.length() + " > " + maxChars + " characters): shorten the reason");
            }
            entries.remove(0);
            dropped++;
        }
    }
}
