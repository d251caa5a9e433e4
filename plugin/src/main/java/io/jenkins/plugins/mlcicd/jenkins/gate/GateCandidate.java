package io.jenkins.plugins.mlcicd.jenkins.gate;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.StepOptions;
import java.util.Collection;

/**
 * Where the gate's candidate metrics come from, decided from the {@code candidate} parameter and the
 * evaluations this build has recorded so far: the id of an {@code mlEvaluate} of this build
 * ({@code mlGate(candidate: 'eval')}, no path passed around), or a workspace file. A recorded id wins:
 * ids hold no {@code .} or {@code /}, so a metrics file ({@code out/metrics.json}) is never taken for one.
 * Free of Jenkins types.
 *
 * @param evaluationId the recorded evaluation's id, or null
 * @param path         the workspace path of the metrics, or null
 */
record GateCandidate(String evaluationId, String path) {
    static GateCandidate resolve(String candidate, Collection<String> recordedEvaluations) {
        String name = candidate.strip();
        return recordedEvaluations.contains(name) ? new GateCandidate(name, null) : new GateCandidate(null, name);
    }

    boolean isEvaluation() {
        return evaluationId != null;
    }

    /** How the log and the result document name the candidate. */
    String describe() {
        return isEvaluation() ? "evaluation '" + evaluationId + "' recorded by this build" : path;
    }

    /**
     * The file was not found: when the name could have been an evaluation id, the message says which
     * evaluations this build has recorded, since a misspelt id or an {@code mlGate} before its
     * {@code mlEvaluate} is the likelier mistake.
     */
    BadInputException notFound(BadInputException fileError, Collection<String> recordedEvaluations) {
        if (isEvaluation() || StepOptions.idProblem(path) != null) {
            return fileError;
        }
        String recorded = recordedEvaluations.isEmpty() ? "none so far"
                : "'" + String.join("', '", recordedEvaluations) + "'";
        return new BadInputException("candidate: '" + path + "' is neither the id of an evaluation recorded by this build "
                + "(mlEvaluate ids: " + recorded + ") nor a file in the workspace", fileError);
    }
}
