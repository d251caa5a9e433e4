package io.jenkins.plugins.mlcicd.shadow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlcicd.result.Check;
import java.time.Instant;
import java.util.List;

/**
 * Everything a finished shadow run measured, from which {@link ShadowDocument} writes the result.
 *
 * @param mode         {@code replay} or {@code log-join}
 * @param input        what was read (mode-specific), written as the document's {@code input}
 * @param baseline     the baseline's statistics
 * @param candidate    the candidate's statistics
 * @param comparison   the comparison of their answers
 * @param elapsedNanos how long the requests ran (for throughput)
 * @param stopReason   why the run ended
 * @param labels       the offline-quality comparison with labels, or null
 * @param startedAt    when the run started
 */
public record ShadowRun(String mode, ObjectNode input, ModelStats baseline, ModelStats candidate, Comparison comparison,
        long elapsedNanos, String stopReason, LabelComparison.Result labels, Instant startedAt) {

    /** Checks and metrics that a part of the run adds (the label comparison). */
    public record Extra(List<Check> checks, ObjectNode metrics) {
    }
}
