package io.jenkins.plugins.mlcicd.eval;

import static io.jenkins.plugins.mlcicd.eval.MetricNames.*;

import io.jenkins.plugins.mlcicd.stats.CompensatedSum;
import io.jenkins.plugins.mlcicd.stats.SimpleLogisticRegression;
import java.util.Optional;

/**
 * The binary-classification metrics. Exact: AUC counts tied pairs ½ with integer arithmetic,
 * average precision steps over distinct thresholds as scikit-learn's
 * {@code average_precision_score} does, log loss clips as scikit-learn's {@code log_loss}, sums are
 * compensated. Everything but the @K metrics is a function of the {@link ScoreBlocks}.
 */
final class BinaryMetrics {
    static final String ONE_CLASS = "only one class present";
    static final String NO_ROWS = "no rows";
    /** Calibration regresses on logit(p) with p clipped to [1e-15, 1 − 1e-15]. */
    static final double CALIBRATION_CLIP = 1e-15;
    static final int ECE_BINS = 10;
    /** scikit-learn's log_loss clips to the dtype's machine epsilon (eps='auto'): float64 here. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private final double threshold;
    private final Integer k;

    BinaryMetrics(double threshold, Integer k) {
        this.threshold = threshold;
        this.k = k;
    }

    /**
     * Everything from {@code count} to {@code ece}.
     *
     * @param calibrationFrom start of the calibration fit (the full-sample fit for replicates), or null
     */
    MetricValues compute(ScoreBlocks b, SimpleLogisticRegression.Fit calibrationFrom) {
        MetricValues out = new MetricValues();
        long positives = 0;
        long negatives = 0;
        ScoreLevels levels = b.levels;
        int size = b.size();
        for (int d = 0; d < size; d++) {
            positives += b.positives[d];
            negatives += b.negatives[d];
        }
        long count = positives + negatives;
        out.put(COUNT, count);
        out.put(POSITIVES, positives);
        if (count == 0) {
            for (String name : new String[] {AUC, PR_AUC, LOG_LOSS, BRIER, ACCURACY, PRECISION, RECALL, F1,
                    CALIBRATION_SLOPE, CALIBRATION_INTERCEPT, ECE}) {
                out.undefined(name, NO_ROWS);
            }
            return out;
        }
        boolean bothClasses = positives > 0 && negatives > 0;
        CompensatedSum logLoss = new CompensatedSum();
        CompensatedSum brier = new CompensatedSum();
        CompensatedSum averagePrecision = new CompensatedSum();
        long[] binCount = new long[ECE_BINS];
        long[] binPositives = new long[ECE_BINS];
        CompensatedSum[] binScore = new CompensatedSum[ECE_BINS];
        for (int bin = 0; bin < ECE_BINS; bin++) {
            binScore[bin] = new CompensatedSum();
        }
        long tp = 0;
        long fp = 0;
        long aucTwice = 0; // 2 × (concordant pairs + ½ tied pairs), exact
        long positivesBelow = 0;
        long negativesBelow = 0;
        for (int d = 0; d < size; d++) {
            long ones = b.positives[d];
            long zeros = b.negatives[d];
            if (ones + zeros == 0) {
                continue;
            }
            double p = levels.score[d];
            if (ones > 0) {
                logLoss.add(ones * levels.lossIfPositive[d]);
                brier.add(ones * ((p - 1) * (p - 1)));
            }
            if (zeros > 0) {
                logLoss.add(zeros * levels.lossIfNegative[d]);
                brier.add(zeros * (p * p));
            }
            int bin = levels.eceBin[d];
            binCount[bin] += ones + zeros;
            binPositives[bin] += ones;
            binScore[bin].add((ones + zeros) * p);
            if (p >= threshold) {
                tp += ones;
                fp += zeros;
            }
            aucTwice += ones * (2 * negativesBelow + zeros);
            if (ones > 0) {
                // Threshold at this score: it and everything above is predicted positive.
                long tps = positives - positivesBelow;
                long fps = negatives - negativesBelow;
                double precision = (double) tps / (tps + fps);
                double recallHere = (double) tps / positives;
                double recallAbove = (double) (tps - ones) / positives;
                averagePrecision.add((recallHere - recallAbove) * precision);
            }
            positivesBelow += ones;
            negativesBelow += zeros;
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
        atThreshold(tp, fp, positives, negatives, out);
        calibration(b, calibrationFrom, bothClasses, out);
        double[] binScores = new double[ECE_BINS];
        for (int bin = 0; bin < ECE_BINS; bin++) {
            binScores[bin] = binScore[bin].value();
        }
        out.put(ECE, ece(binCount, binPositives, binScores, count));
        return out;
    }

    /** Accuracy, precision, recall and F1 from the confusion counts at the threshold. */
    static void atThreshold(long tp, long fp, long positives, long negatives, MetricValues out) {
        long count = positives + negatives;
        long tn = negatives - fp;
        out.put(ACCURACY, (double) (tp + tn) / count);
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = positives == 0 ? 0 : (double) tp / positives;
        out.put(PRECISION, precision);
        out.put(RECALL, recall);
        // scikit-learn's form (2·P·R / (P + R)), so rounding matches too.
        out.put(F1, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /** Expected calibration error from the rows, positives and summed scores of each of the {@value #ECE_BINS} bins. */
    static double ece(long[] binCount, long[] binPositives, double[] binScoreSum, long count) {
        double ece = 0;
        for (int bin = 0; bin < ECE_BINS; bin++) {
            if (binCount[bin] > 0) {
                double meanLabel = (double) binPositives[bin] / binCount[bin];
                double meanScore = binScoreSum[bin] / binCount[bin];
                ece += (double) binCount[bin] / count * Math.abs(meanLabel - meanScore);
            }
        }
        return ece;
    }

    /** The unpenalised logistic fit of label on logit(score), empty when it has no finite maximum. */
    static Optional<SimpleLogisticRegression.Fit> calibrationFit(ScoreBlocks b, SimpleLogisticRegression.Fit from) {
        return SimpleLogisticRegression.fit(b.levels.logit, b.positives, b.negatives, b.size(),
                from == null ? 0 : from.intercept(), from == null ? 1 : from.slope());
    }

    private static void calibration(ScoreBlocks b, SimpleLogisticRegression.Fit from, boolean bothClasses, MetricValues out) {
        if (!bothClasses) {
            out.undefined(CALIBRATION_SLOPE, ONE_CLASS);
            out.undefined(CALIBRATION_INTERCEPT, ONE_CLASS);
            return;
        }
        Optional<SimpleLogisticRegression.Fit> fit = calibrationFit(b, from);
        if (fit.isPresent()) {
            out.put(CALIBRATION_SLOPE, fit.get().slope());
            out.put(CALIBRATION_INTERCEPT, fit.get().intercept());
            return;
        }
        String reason = distinctLogits(b) < 2
                ? "all scores are equal"
                : "the score separates the classes: the logistic fit has no finite maximum";
        out.undefined(CALIBRATION_SLOPE, reason);
        out.undefined(CALIBRATION_INTERCEPT, reason);
    }

    /** How many distinct logits (clipping merges extreme scores) carry rows: 0, 1 or 2 for "more". */
    private static int distinctLogits(ScoreBlocks b) {
        double first = Double.NaN;
        for (int d = 0; d < b.size(); d++) {
            if (b.positives[d] + b.negatives[d] > 0) {
                if (Double.isNaN(first)) {
                    first = b.levels.logit[d];
                } else if (b.levels.logit[d] != first) {
                    return 2;
                }
            }
        }
        return Double.isNaN(first) ? 0 : 1;
    }

    /**
     * precision_at_k and recall_at_k: per group, the top K rows by score (ties at the K-th score
     * in file order); precision divides by the rows taken (K, or fewer in a smaller group), recall
     * by the group's positives; the metric is the mean over groups (over groups with positives for
     * recall).
     */
    void atK(BinarySample s, byte[] weights, MetricValues out) {
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
            for (int j = start; j < end; j++) { // within a block of tied scores: file order
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

    /** log(p / (1 − p)) with p clipped to [1e-15, 1 − 1e-15]. */
    static double logit(double p) {
        double clipped = Math.min(Math.max(p, CALIBRATION_CLIP), 1 - CALIBRATION_CLIP);
        return Math.log(clipped / (1 - clipped));
    }

    /**
     * One row's log loss as scikit-learn computes it: p clipped to [eps, 1 − eps], the two class
     * probabilities (1 − p, p) renormalised to sum 1, minus the log of the true class's.
     */
    static double rowLogLoss(double p, int y) {
        double clipped = Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
        double negative = 1 - clipped;
        double total = negative + clipped;
        return -Math.log((y == 1 ? clipped : negative) / total);
    }

    /** Bin b of ten holds b/10 ≤ p &lt; (b+1)/10 (b/10 the double nearest); 1.0 goes to the last bin. */
    static int eceBin(double p) {
        int bin = (int) (p * ECE_BINS);
        if (bin < ECE_BINS && (bin + 1) / (double) ECE_BINS <= p) {
            bin++;
        }
        if (bin > 0 && bin / (double) ECE_BINS > p) {
            bin--;
        }
        return Math.min(Math.max(bin, 0), ECE_BINS - 1);
    }
}
