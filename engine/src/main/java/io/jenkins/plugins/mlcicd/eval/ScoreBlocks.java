package io.jenkins.plugins.mlcicd.eval;

import java.util.Arrays;

/**
 * Binary predictions reduced to what all threshold-free metrics depend on: at each distinct score
 * (ascending), how many positives and negatives carry it. AUC (ties count ½), average precision,
 * log loss, Brier score, confusion counts at any threshold, ECE and the calibration fit are exact
 * functions of these blocks, computed in one pass over distinct scores. A level may hold no rows
 * (a bootstrap replicate that drew none of them).
 */
final class ScoreBlocks {
    final ScoreLevels levels;
    final long[] positives;
    final long[] negatives;

    ScoreBlocks(ScoreLevels levels, long[] positives, long[] negatives) {
        this.levels = levels;
        this.positives = positives;
        this.negatives = negatives;
    }

    int size() {
        return levels.size;
    }

    /**
     * From rows in any order (0/1 labels): sorts the positives' and the negatives' scores apart —
     * two primitive sorts, in parallel — and merges them.
     */
    static ScoreBlocks of(double[] labels, double[] scores) {
        int positiveCount = 0;
        for (double label : labels) {
            positiveCount += label == 1 ? 1 : 0;
        }
        double[] pos = new double[positiveCount];
        double[] neg = new double[labels.length - positiveCount];
        int p = 0;
        int q = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 1) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        Arrays.parallelSort(pos);
        Arrays.parallelSort(neg);
        int capacity = Math.max(16, Math.min(labels.length, 1 << 16));
        double[] level = new double[capacity];
        long[] ones = new long[capacity];
        long[] zeros = new long[capacity];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < pos.length || j < neg.length) {
            double value = j >= neg.length || (i < pos.length && pos[i] <= neg[j]) ? pos[i] : neg[j];
            if (size == level.length) {
                level = Arrays.copyOf(level, size * 2);
                ones = Arrays.copyOf(ones, size * 2);
                zeros = Arrays.copyOf(zeros, size * 2);
            }
            level[size] = value;
            while (i < pos.length && pos[i] == value) {
                i++;
                ones[size]++;
            }
            while (j < neg.length && neg[j] == value) {
                j++;
                zeros[size]++;
            }
            size++;
        }
        return new ScoreBlocks(new ScoreLevels(level, size), ones, zeros);
    }

    /** From a sample sorted by score, each row counted {@code weights[j]} times (once when null). */
    static ScoreBlocks of(BinarySample sample, byte[] weights) {
        ScoreLevels levels = sample.levels;
        long[] ones = new long[levels.size];
        long[] zeros = new long[levels.size];
        int j = 0;
        for (int d = 0; d < levels.size; d++) {
            int end = sample.levelEnd[d];
            long positive = 0;
            long total = 0;
            for (; j < end; j++) {
                int w = weights == null ? 1 : weights[j];
                total += w;
                positive += (long) w * sample.label[j];
            }
            ones[d] = positive;
            zeros[d] = total - positive;
        }
        return new ScoreBlocks(levels, ones, zeros);
    }
}
