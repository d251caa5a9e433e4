package io.jenkins.plugins.mlcicd.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the evaluation report draws, in a bounded form: the ROC and precision–recall curves (exact
 * vertices, one per distinct score, thinned to at most {@link #MAX_POINTS} evenly spaced ones with
 * both ends kept), the reliability diagram on the ten ECE bins, and the score histogram by class on
 * {@link #SCORE_BINS} equal bins of [0, 1]. All are exact functions of the {@link ScoreBlocks} the
 * metrics already sweep, so they cost one more pass over distinct scores.
 *
 * <p>JSON (the {@code curves} field of the evaluation document):
 * <pre>
 * roc         {fpr: [..], tpr: [..]}                  from (0, 0) to (1, 1), thresholds descending
 * pr          {recall: [..], precision: [..]}         one point per threshold with a positive at it
 * calibration {meanScore: [..], fractionPositive: [..], count: [..]}   10 bins; null where empty
 * scores      {edges: [0, 0.05, .., 1], positives: [..], negatives: [..]}
 * </pre>
 */
final class Curves {
    static final int MAX_POINTS = 200;
    static final int SCORE_BINS = 20;

    private Curves() {
    }

    /** The curves of the blocks, or null when there are no rows. */
    static ObjectNode of(ScoreBlocks b) {
        int size = b.size();
        long positives = 0;
        long negatives = 0;
        for (int d = 0; d < size; d++) {
            positives += b.positives[d];
            negatives += b.negatives[d];
        }
        if (positives + negatives == 0) {
            return null;
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode curves = json.objectNode();
        if (positives > 0 && negatives > 0) {
            double[] fpr = new double[size + 1];
            double[] tpr = new double[size + 1];
            double[] recall = new double[size];
            double[] precision = new double[size];
            int prPoints = 0;
            long tp = 0;
            long fp = 0;
            int vertices = 1;
            for (int d = size - 1; d >= 0; d--) {
                if (b.positives[d] + b.negatives[d] == 0) {
                    continue;
                }
                tp += b.positives[d];
                fp += b.negatives[d];
                fpr[vertices] = (double) fp / negatives;
                tpr[vertices] = (double) tp / positives;
                vertices++;
                if (b.positives[d] > 0) {
                    recall[prPoints] = (double) tp / positives;
                    precision[prPoints] = (double) tp / (tp + fp);
                    prPoints++;
                }
            }
            ObjectNode roc = curves.putObject("roc");
            int[] keep = thinned(vertices);
            put(roc.putArray("fpr"), fpr, keep);
            put(roc.putArray("tpr"), tpr, keep);
            ObjectNode pr = curves.putObject("pr");
            keep = thinned(prPoints);
            put(pr.putArray("recall"), recall, keep);
            put(pr.putArray("precision"), precision, keep);
        }
        curves.set("calibration", calibration(b));
        curves.set("scores", scores(b));
        return curves;
    }

    private static ObjectNode calibration(ScoreBlocks b) {
        int bins = BinaryMetrics.ECE_BINS;
        long[] count = new long[bins];
        long[] ones = new long[bins];
        double[] scoreSum = new double[bins];
        for (int d = 0; d < b.size(); d++) {
            int bin = b.levels.eceBin[d];
            long rows = b.positives[d] + b.negatives[d];
            count[bin] += rows;
            ones[bin] += b.positives[d];
            scoreSum[bin] += rows * b.levels.score[d];
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode mean = node.putArray("meanScore");
        ArrayNode fraction = node.putArray("fractionPositive");
        ArrayNode counts = node.putArray("count");
        for (int bin = 0; bin < bins; bin++) {
            counts.add(count[bin]);
            if (count[bin] == 0) {
                mean.addNull();
                fraction.addNull();
            } else {
                mean.add(scoreSum[bin] / count[bin]);
                fraction.add((double) ones[bin] / count[bin]);
            }
        }
        return node;
    }

    private static ObjectNode scores(ScoreBlocks b) {
        long[] ones = new long[SCORE_BINS];
        long[] zeros = new long[SCORE_BINS];
        for (int d = 0; d < b.size(); d++) {
            double p = b.levels.score[d];
            int bin = (int) Math.floor(p * SCORE_BINS);
            bin = Math.min(Math.max(bin, 0), SCORE_BINS - 1);
            ones[bin] += b.positives[d];
            zeros[bin] += b.negatives[d];
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ArrayNode edges = node.putArray("edges");
        for (int i = 0; i <= SCORE_BINS; i++) {
            edges.add((double) i / SCORE_BINS);
        }
        ArrayNode positives = node.putArray("positives");
        ArrayNode negatives = node.putArray("negatives");
        for (int i = 0; i < SCORE_BINS; i++) {
            positives.add(ones[i]);
            negatives.add(zeros[i]);
        }
        return node;
    }

    /** Indices of at most {@link #MAX_POINTS} of {@code n} points, evenly spaced, first and last kept. */
    static int[] thinned(int n) {
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] keep = new int[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            keep[i] = (int) Math.round((double) i * (n - 1) / (MAX_POINTS - 1));
        }
        return keep;
    }

    private static void put(ArrayNode array, double[] values, int[] keep) {
        for (int i : keep) {
            array.add(values[i]);
        }
    }
}
