package io.jenkins.plugins.mlcicd.jenkins.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import hudson.FilePath;
import io.jenkins.plugins.mlcicd.gate.GatePolicy;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Json;
import io.jenkins.plugins.mlcicd.jenkins.common.PlainValues;
import io.jenkins.plugins.mlcicd.jenkins.common.WorkspaceFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the {@code policy} parameter (a path or an inline value) into the engine's {@link GatePolicy}. */
public final class GatePolicies {
    /** How errors in an inline policy name their source, e.g. {@code mlGate policy: rules[0]: unknown key 'foo'}. */
    static final String INLINE_SOURCE = "mlGate policy";

    private GatePolicies() {
    }

    public static GatePolicy load(FilePath workspace, Object policy) throws IOException, InterruptedException {
        if (policy instanceof CharSequence path) {
            String file = path.toString().strip();
            return GatePolicy.parse(file, WorkspaceFiles.readText(workspace, file, "policy"));
        }
        return inline(policy);
    }

    /**
     * An inline policy: a map is read exactly like a policy file (the same keys, the same checks),
     * a list is the policy's {@code rules}.
     */
    static GatePolicy inline(Object policy) {
        if (policy instanceof List<?> rules) {
            return GatePolicy.fromRules(INLINE_SOURCE, plainRules(rules));
        }
        if (policy instanceof Map<?, ?> map) {
            JsonNode tree = PlainValues.toTree("policy", map);
            try {
                return GatePolicy.parse(INLINE_SOURCE, Json.yamlMapper().writeValueAsString(tree));
            } catch (JsonProcessingException e) {
                throw new BadInputException(INLINE_SOURCE + ": cannot be written as YAML: " + e.getOriginalMessage(), e);
            }
        }
        throw new BadInputException(INLINE_SOURCE + ": expected a file path, a map like [rules: [...]] or a list of rules");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> plainRules(List<?> rules) {
        List<Map<String, Object>> plain = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Object rule = PlainValues.toPlain(PlainValues.toTree("policy[" + i + "]", rules.get(i)));
            if (!(rule instanceof Map<?, ?>)) {
                throw new BadInputException(INLINE_SOURCE + ": rules[" + i + "]: each rule is a map such as [metric: 'auc', atLeast: 0.8]");
            }
            plain.add((Map<String, Object>) rule);
        }
        return plain;
    }
}
