package io.jenkins.plugins.mlcicd.eval;

import static io.jenkins.plugins.mlcicd.eval.MetricNames.*;

import io.jenkins.plugins.mlcicd.stats.CompensatedSum;
import io.jenkins.plugins.mlcicd.stats.SimpleLogisticRegression;
import java.util.Optional;

/**
 * The binary-classification metrics of a {@link BinarySample}, each row counted {@code weight}
 * times (bootstrap) or once. Exact: AUC counts tied pairs ½ with integer arithmetic, average
 * precision steps over distinct thresholds as scikit-learn does, sums are compensated.
 */
final class BinaryMetrics {
    static final String ONE_CLASS = "only one class present";
    static final String NO_ROWS = "no rows";

    private final double threshold;
    private final Integer k;

    BinaryMetrics(double threshold, Integer k) {
        this.threshold = threshold;
        this.k = k;
    }

    /**
     * @param weights         row multiplicities (sample order), null for one each
     * @param calibrationFrom start of the calibration fit (the full-sample fit for replicates), or null
     */
    MetricValues compute(BinarySample s, byte[] weights, SimpleLogisticRegression.Fit calibrationFrom) {
        MetricValues out = new MetricValues();
        int n = s.size();
        long positives = 0;
        long count = 0;
        for (int j = 0; j < n; j++) {
            int w = weight(weights, j);
            count += w;
            positives += (long) w * s.label[j];
        }
        long negatives = count - positives;
        out.put(COUNT, count);
        out.put(POSITIVES, positives);
        if (count == 0) {
            for (String name : new String[] {AUC, PR_AUC, LOG_LOSS, BRIER, ACCURACY, PRECISION, RECALL, F1,
                    CALIBRATION_SLOPE, CALIBRATION_INTERCEPT, ECE}) {
                out.undefined(name, NO_ROWS);
            }
            if (k != null) {
                out.undefined(PRECISION_AT_K, NO_ROWS);
                out.undefined(RECALL_AT_K, NO_ROWS);
            }
            return out;
        }
        boolean bothClasses = positives > 0 && negatives > 0;

        CompensatedSum logLoss = new CompensatedSum();
        CompensatedSum brier = new CompensatedSum();
        long tp = 0;
        long fp = 0;
        long[] binCount = new long[BinarySample.ECE_BINS];
        long[] binPositives = new long[BinarySample.ECE_BINS];
        CompensatedSum[] binScore = new CompensatedSum[BinarySample.ECE_BINS];
        for (int b = 0; b < binScore.length; b++) {
            binScore[b] = new CompensatedSum();
        }
        // Ascending sweep over blocks of tied scores: AUC pairs and average precision together.
        long aucTwice = 0; // 2 × (concordant pairs + ½ tied pairs), exact
        long negativesBelow = 0;
        long positivesBelow = 0;
        CompensatedSum averagePrecision = new CompensatedSum();
        int j = 0;
        while (j < n) {
            double blockScore = s.score[j];
            long blockPositives = 0;
            long blockNegatives = 0;
            int end = j;
            while (end < n && s.score[end] == blockScore) {
                int w = weight(weights, end);
                if (w != 0) {
                    int y = s.label[end];
                    double p = s.score[end];
                    if (y == 1) {
                        blockPositives += w;
                    } else {
                        blockNegatives += w;
                    }
                    for (int c = 0; c < w; c++) { // w is a small multiplicity; repeated adds keep sums exact
                        logLoss.add(s.rowLogLoss[end]);
                        brier.add((p - y) * (p - y));
                        binScore[s.eceBin[end]].add(p);
                    }
                    binCount[s.eceBin[end]] += w;
                    binPositives[s.eceBin[end]] += (long) w * y;
                }
                end++;
            }
            if (blockScore >= threshold) {
                tp += blockPositives;
                fp += blockNegatives;
            }
            aucTwice += blockPositives * (2 * negativesBelow + blockNegatives);
            if (blockPositives > 0 && positives > 0) {
                // Threshold = this score: everything at or above it is predicted positive.
                long tps = positives - positivesBelow;
                long fps = negatives - negativesBelow;
                double precision = (double) tps / (tps + fps);
                double recallHere = (double) tps / positives;
                double recallAbove = (double) (tps - blockPositives) / positives;
                averagePrecision.add((recallHere - recallAbove) * precision);
            }
            positivesBelow += blockPositives;
            negativesBelow += blockNegatives;
            j = end;
        }
        if (bothClasses) {
            out.put(AUC, aucTwice / (2.0 * positives * negatives));
            out.put(PR_AUC, averagePrecision.value());
        } else {
            out.undefined(AUC, ONE_CLASS);
            out.undefined(PR_AUC, ONE_CLASS);
        }
        out.put(LOG_LOSS, logLoss.value() / count);
        out.put(BRIER, brier.value() / count);
        long fn = positives - tp;
        long tn = negatives - fp;
        out.put(ACCURACY, (double) (tp + tn) / count);
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = positives == 0 ? 0 : (double) tp / positives;
        out.put(PRECISION, precision);
        out.put(RECALL, recall);
        out.put(F1, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        calibration(s, weights, calibrationFrom, bothClasses, out);
        double ece = 0;
        for (int b = 0; b < BinarySample.ECE_BINS; b++) {
            if (binCount[b] > 0) {
                double meanLabel = (double) binPositives[b] / binCount[b];
                double meanScore = binScore[b].value() / binCount[b];
                ece += (double) binCount[b] / count * Math.abs(meanLabel - meanScore);
            }
        }
        out.put(ECE, ece);
        if (k != null) {
            atK(s, weights, out);
        }
        return out;
    }

    /** The unpenalised logistic fit of label on logit(score), or empty with the reason recorded. */
    static Optional<SimpleLogisticRegression.Fit> calibrationFit(BinarySample s, byte[] weights,
            SimpleLogisticRegression.Fit from) {
        return SimpleLogisticRegression.fit(s.logit, s.label, weights,
                from == null ? 0 : from.intercept(), from == null ? 1 : from.slope());
    }

    private static void calibration(BinarySample s, byte[] weights, SimpleLogisticRegression.Fit from,
            boolean bothClasses, MetricValues out) {
        if (!bothClasses) {
            out.undefined(CALIBRATION_SLOPE, ONE_CLASS);
            out.undefined(CALIBRATION_INTERCEPT, ONE_CLASS);
            return;
        }
        Optional<SimpleLogisticRegression.Fit> fit = calibrationFit(s, weights, from);
        if (fit.isPresent()) {
            out.put(CALIBRATION_SLOPE, fit.get().slope());
            out.put(CALIBRATION_INTERCEPT, fit.get().intercept());
            return;
        }
        String reason = allScoresEqual(s, weights)
                ? "all scores are equal"
                : "the score separates the classes: the logistic fit has no finite maximum";
        out.undefined(CALIBRATION_SLOPE, reason);
        out.undefined(CALIBRATION_INTERCEPT, reason);
    }

    private static boolean allScoresEqual(BinarySample s, byte[] weights) {
        double first = Double.NaN;
        for (int j = 0; j < s.size(); j++) {
            if (weight(weights, j) > 0) {
                if (Double.isNaN(first)) {
                    first = s.logit[j];
                } else if (s.logit[j] != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * precision_at_k and recall_at_k: per group, the top K rows by score (ties at the K-th score
     * in file order); precision divides by the rows taken (K, or fewer in a smaller group), recall
     * by the group's positives; the metric is the mean over groups (over groups with positives for
     * recall).
     */
    private void atK(BinarySample s, byte[] weights, MetricValues out) {
        int groups = s.groupCount;
        long[] taken = new long[groups];
        long[] hits = new long[groups];
        long[] groupPositives = new long[groups];
        int end = s.size();
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && s.score[start - 1] == s.score[end - 1]) {
                start--;
            }
            for (int j = start; j < end; j++) { // within a tied block, file order
                int w = weight(weights, j);
                if (w == 0) {
                    continue;
                }
                int g = s.group == null ? 0 : s.group[j];
                groupPositives[g] += (long) w * s.label[j];
                long take = Math.min(w, k - taken[g]);
                if (take > 0) {
                    taken[g] += take;
                    hits[g] += take * s.label[j];
                }
            }
            end = start;
        }
        double precisionSum = 0;
        int precisionGroups = 0;
        double recallSum = 0;
        int recallGroups = 0;
        for (int g = 0; g < groups; g++) {
            if (taken[g] > 0) {
                precisionSum += (double) hits[g] / taken[g];
                precisionGroups++;
            }
            if (groupPositives[g] > 0) {
                recallSum += (double) hits[g] / groupPositives[g];
                recallGroups++;
            }
        }
        if (precisionGroups > 0) {
            out.put(PRECISION_AT_K, precisionSum / precisionGroups);
        } else {
            out.undefined(PRECISION_AT_K, NO_ROWS);
        }
        if (recallGroups > 0) {
            out.put(RECALL_AT_K, recallSum / recallGroups);
        } else {
            out.undefined(RECALL_AT_K, "no positives");
        }
    }

    static int weight(byte[] weights, int j) {
        return weights == null ? 1 : weights[j];
    }
}
