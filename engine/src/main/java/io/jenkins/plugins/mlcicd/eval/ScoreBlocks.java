package io.jenkins.plugins.mlcicd.eval;

import java.util.Arrays;

/**
 * Binary predictions reduced to what all threshold-free metrics depend on: the distinct scores in
 * ascending order, each with how many positives and negatives carry it. AUC (ties count ½),
 * average precision, log loss, Brier score, confusion counts at any threshold, ECE and the
 * calibration fit are exact functions of these blocks, computed in one pass over distinct scores.
 */
final class ScoreBlocks {
    final double[] score;
    final long[] positives;
    final long[] negatives;
    final int size;

    private ScoreBlocks(double[] score, long[] positives, long[] negatives, int size) {
        this.score = score;
        this.positives = positives;
        this.negatives = negatives;
        this.size = size;
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
        Builder blocks = new Builder(Math.min(labels.length, 1 << 16));
        int i = 0;
        int j = 0;
        while (i < pos.length || j < neg.length) {
            double value = j >= neg.length || (i < pos.length && pos[i] <= neg[j]) ? pos[i] : neg[j];
            long ones = 0;
            long zeros = 0;
            while (i < pos.length && pos[i] == value) {
                i++;
                ones++;
            }
            while (j < neg.length && neg[j] == value) {
                j++;
                zeros++;
            }
            blocks.add(value, ones, zeros);
        }
        return blocks.build();
    }

    /** From rows sorted by score, each counted {@code weights[j]} times (once when null). */
    static ScoreBlocks of(BinarySample sample, byte[] weights) {
        Builder blocks = new Builder(Math.min(sample.size(), 1 << 16));
        int n = sample.size();
        int j = 0;
        while (j < n) {
            double value = sample.score[j];
            long ones = 0;
            long total = 0;
            while (j < n && sample.score[j] == value) {
                int w = weights == null ? 1 : weights[j];
                total += w;
                ones += (long) w * sample.label[j];
                j++;
            }
            if (total > 0) {
                blocks.add(value, ones, total - ones);
            }
        }
        return blocks.build();
    }

    private static final class Builder {
        private double[] score;
        private long[] positives;
        private long[] negatives;
        private int size;

        Builder(int capacity) {
            int initial = Math.max(capacity, 16);
            score = new double[initial];
            positives = new long[initial];
            negatives = new long[initial];
        }

        void add(double value, long ones, long zeros) {
            if (size == score.length) {
                score = Arrays.copyOf(score, size * 2);
                positives = Arrays.copyOf(positives, size * 2);
                negatives = Arrays.copyOf(negatives, size * 2);
            }
            score[size] = value;
            positives[size] = ones;
            negatives[size] = zeros;
            size++;
        }

        ScoreBlocks build() {
            return new ScoreBlocks(score, positives, negatives, size);
        }
    }
}
