package io.jenkins.plugins.mlcicd.jenkins.canary;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credentials a rollout plan names: every {@code credentialsId} in it ({@code metrics.prometheus},
 * {@code router.http}, {@code rollback.http}, and wherever a later plan key puts one). A generic walk
 * rather than the plan's schema, which is the engine's: the step only needs to know which credentials
 * to resolve for the build; the engine validates the plan and reports a misplaced key.
 */
public final class PlanCredentials {
    /** The key the plan uses for a credential reference. */
    public static final String KEY = "credentialsId";

    private PlanCredentials() {
    }

    /**
     * One reference.
     *
     * @param path where it is, e.g. {@code metrics.prometheus.credentialsId}
     * @param id   the credential's id, which is also the secret's name in the engine's secrets file
     */
    public record Reference(String path, String id) {
    }

    /** Every reference in document order. */
    public static List<Reference> references(String source, JsonNode plan) {
        List<Reference> found = new ArrayList<>();
        walk(source, plan, "", found);
        return found;
    }

    /** The distinct ids, in document order. */
    public static Set<String> ids(String source, JsonNode plan) {
        Set<String> ids = new LinkedHashSet<>();
        references(source, plan).forEach(reference -> ids.add(reference.id()));
        return ids;
    }

    private static void walk(String source, JsonNode node, String path, List<Reference> found) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (KEY.equals(field.getKey())) {
                    found.add(new Reference(child, id(source, child, field.getValue())));
                } else {
                    walk(source, field.getValue(), child, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(source, node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    private static String id(String source, String path, JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadInputException(source + ": " + path + ": must be the id of a Jenkins credential (a non-empty string)");
        }
        return value.asText().strip();
    }
}
