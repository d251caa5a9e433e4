package io.jenkins.plugins.mlcicd.eval;

import static io.jenkins.plugins.mlcicd.eval.MetricNames.DEMOGRAPHIC_PARITY_DIFFERENCE;
import static io.jenkins.plugins.mlcicd.eval.MetricNames.EQUAL_OPPORTUNITY_DIFFERENCE;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Group fairness over a sensitive attribute, as Fairlearn's {@code between_groups} differences:
 * the largest minus the smallest group selection rate (share predicted positive, score ≥
 * threshold) and true-positive rate. Groups without positives have no true-positive rate and do
 * not take part in the equal-opportunity difference.
 */
final class FairnessMetrics {
    /**
     * One group's numbers.
     *
     * @param count             rows
     * @param positives         rows with label 1
     * @param selectionRate     share of rows with score ≥ threshold
     * @param truePositiveRate  share of positives with score ≥ threshold, null without positives
     */
    record Group(long count, long positives, double selectionRate, Double truePositiveRate) {
    }

    /**
     * @param groups per group value (in order of first appearance)
     * @param values the two differences, or undefined with a reason
     */
    record Result(Map<String, Group> groups, MetricValues values) {
    }

    private FairnessMetrics() {
    }

    static Result compute(BinarySample s, String[] levels, byte[] weights, double threshold) {
        int groups = s.sensitiveCount;
        long[] count = new long[groups];
        long[] selected = new long[groups];
        long[] positives = new long[groups];
        long[] truePositives = new long[groups];
        for (int j = 0; j < s.size(); j++) {
            int w = BinaryMetrics.weight(weights, j);
            int g = s.sensitive[j];
            boolean predicted = s.score[j] >= threshold;
            count[g] += w;
            positives[g] += (long) w * s.label[j];
            if (predicted) {
                selected[g] += w;
                truePositives[g] += (long) w * s.label[j];
            }
        }
        Map<String, Group> byGroup = new LinkedHashMap<>();
        double minSelection = Double.POSITIVE_INFINITY;
        double maxSelection = Double.NEGATIVE_INFINITY;
        double minTpr = Double.POSITIVE_INFINITY;
        double maxTpr = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < groups; g++) {
            if (count[g] == 0) {
                continue;
            }
            double selectionRate = (double) selected[g] / count[g];
            Double tpr = positives[g] == 0 ? null : (double) truePositives[g] / positives[g];
            byGroup.put(levels[g], new Group(count[g], positives[g], selectionRate, tpr));
            minSelection = Math.min(minSelection, selectionRate);
            maxSelection = Math.max(maxSelection, selectionRate);
            if (tpr != null) {
                minTpr = Math.min(minTpr, tpr);
                maxTpr = Math.max(maxTpr, tpr);
            }
        }
        MetricValues values = new MetricValues();
        if (byGroup.isEmpty()) {
            values.undefined(DEMOGRAPHIC_PARITY_DIFFERENCE, BinaryMetrics.NO_ROWS);
        } else {
            values.put(DEMOGRAPHIC_PARITY_DIFFERENCE, maxSelection - minSelection);
        }
        if (minTpr == Double.POSITIVE_INFINITY) {
            values.undefined(EQUAL_OPPORTUNITY_DIFFERENCE, "no group has positives");
        } else {
            values.put(EQUAL_OPPORTUNITY_DIFFERENCE, maxTpr - minTpr);
        }
        return new Result(byGroup, values);
    }
}
