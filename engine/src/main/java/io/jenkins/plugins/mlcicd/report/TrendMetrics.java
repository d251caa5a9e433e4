package io.jenkins.plugins.mlcicd.report;

import java.util.List;
import java.util.Map;

/** Which metrics of a series of training runs get a trend chart. */
public final class TrendMetrics {
    private TrendMetrics() {
    }

    /**
     * The newest run's first {@code limit} metrics, in its order: what the model is judged by now.
     * Runs without metrics (a failed training) are skipped.
     *
     * @param runsNewestFirst each run's metrics, in the order the run reported them
     */
    public static List<String> charted(List<Map<String, Double>> runsNewestFirst, int limit) {
        for (Map<String, Double> metrics : runsNewestFirst) {
            if (!metrics.isEmpty()) {
                return metrics.keySet().stream().limit(limit).toList();
            }
        }
        return List.of();
    }
}
