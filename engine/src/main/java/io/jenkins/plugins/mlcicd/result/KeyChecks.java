package io.jenkins.plugins.mlcicd.result;

import java.util.Comparator;
import java.util.List;

/** Which checks of a document a reader should see first, wherever a short summary is shown. */
public final class KeyChecks {
    private KeyChecks() {
    }

    /**
     * Worst verdict first (FAILED, INCONCLUSIVE, WARNING, PASSED), in document order within a verdict
     * (the sort is stable), at most {@code limit}.
     */
    public static List<Check> select(List<Check> checks, int limit) {
        return checks.stream()
                .sorted(Comparator.comparing(Check::verdict).reversed())
                .limit(limit)
                .toList();
    }
}
