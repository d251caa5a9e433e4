package io.jenkins.plugins.mlcicd.jenkins.gate;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.util.List;
import java.util.Map;

/**
 * The gate's own parameters, as either front end received them.
 *
 * @param policy    a workspace path (String), or inline: a map shaped like the policy file
 *                  ({@code [rules: [...], onInconclusive: 'failure']}) or just its list of rules
 * @param candidate the id of an evaluation this build recorded ({@code mlEvaluate(id: 'eval')}), or a workspace
 *                  path of the candidate's metrics (a result document or a plain JSON object)
 * @param baseline  {@link #REFERENCE} (the default) or a workspace path of baseline metrics
 */
public record GateRequest(Object policy, String candidate, String baseline) {
    /** Baseline from the last earlier build of the job whose gate with the same id passed. */
    public static final String REFERENCE = "reference";

    public GateRequest {
        baseline = baseline == null || baseline.isBlank() ? REFERENCE : baseline.strip();
    }

    public boolean usesReference() {
        return REFERENCE.equals(baseline);
    }

    /** Checks that the required parameters are there and of a usable shape; returns this. */
    public GateRequest validated(String functionName) {
        if (policy == null || policy instanceof CharSequence path && path.toString().isBlank()) {
            throw new BadInputException(functionName + ": policy: required (a workspace path such as 'ml/gate.yaml', "
                    + "or inline: policy: [rules: [[metric: 'auc', atLeast: 0.8]]])");
        }
        if (!(policy instanceof CharSequence || policy instanceof Map<?, ?> || policy instanceof List<?>)) {
            throw new BadInputException(functionName + ": policy: expected a file path, a map like [rules: [...]] or a list of rules, not a "
                    + policy.getClass().getSimpleName());
        }
        if (candidate == null || candidate.isBlank()) {
            throw new BadInputException(functionName + ": candidate: required (workspace path of the candidate's metrics JSON)");
        }
        return this;
    }
}
