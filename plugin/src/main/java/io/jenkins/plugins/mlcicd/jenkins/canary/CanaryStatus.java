package io.jenkins.plugins.mlcicd.jenkins.canary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.io.Serializable;
import java.util.Set;

/**
 * Where a rollout is, for the build page's summary and the log, read from a canary result document's
 * kind fields ({@code phase}, {@code stage}, {@code weight}, {@code transitions}): the engine's
 * {@code --progress} document while it runs, its {@code --out} document at the end. Kept as strings in
 * build.xml. A field the engine did not write is null and shown as such, never guessed.
 *
 * @param phase    {@code ready}, {@code stage}, {@code promoted}, {@code rolling-back}, {@code rolled-back},
 *                 {@code aborted} or {@code rollback-failed}
 * @param stage    the running stage, counted from 1, and of how many ({@code 2/4}), or null
 * @param weight   the canary's traffic weight in percent, or null
 * @param decision the last transition's target (e.g. {@code rolling-back}), or null
 * @param reason   why the rollout is where it is: the document's {@code reason}, else the last transition's, or null
 */
public record CanaryStatus(String phase, String stage, String weight, String decision, String reason)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Phases after which no traffic moves any more. */
    static final Set<String> FINAL_PHASES = Set.of("promoted", "rolled-back", "aborted", "rollback-failed");

    public static CanaryStatus of(ResultDocument document) {
        ObjectNode fields = document.fields();
        JsonNode transitions = fields.path("transitions");
        JsonNode last = transitions.isArray() && !transitions.isEmpty() ? transitions.get(transitions.size() - 1) : null;
        String phase = text(fields.get("phase"));
        String reason = text(fields.get("reason"));
        if (reason == null && last != null) {
            reason = text(last.get("reason"));
        }
        return new CanaryStatus(phase, stage(phase, fields), text(fields.get("weight")),
                last == null ? null : firstText(last, "to", "phase"), reason);
    }

    /**
     * The engine counts stages from 0; people from 1, out of the plan's number of stages:
     * {@code 2/4}. Only while a stage runs: before and after, the stage index says nothing.
     */
    private static String stage(String phase, ObjectNode fields) {
        JsonNode stage = fields.get("stage");
        if (!"stage".equals(phase) || stage == null || !stage.canConvertToInt()) {
            return null;
        }
        JsonNode stages = fields.path("plan").path("stages");
        return (stage.asInt() + 1) + (stages.isArray() && !stages.isEmpty() ? "/" + stages.size() : "");
    }

    /** The rollout is over: promoted, or the traffic went back (or could not). */
    public boolean isFinal() {
        return phase != null && FINAL_PHASES.contains(phase);
    }

    /** True when the engine says the rollback could not move the traffic back. */
    public boolean rollbackFailed() {
        return "rollback-failed".equals(phase);
    }

    /** One line for the log and the build page: {@code stage 2 at 5% (phase stage)}. */
    public String describe() {
        StringBuilder line = new StringBuilder(phase == null ? "phase unknown" : phase);
        if (stage != null) {
            line.append(", stage ").append(stage);
        }
        if (weight != null) {
            line.append(", canary weight ").append(weight).append('%');
        }
        if (reason != null) {
            line.append(" — ").append(decision == null ? "" : decision + ": ").append(reason);
        }
        return line.toString();
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText();
        return text.isBlank() ? null : text;
    }
}
