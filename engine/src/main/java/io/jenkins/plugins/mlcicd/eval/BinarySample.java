package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.stats.StableOrder;

/**
 * Binary predictions sorted once by score (ascending, ties in file order) with their row keys and
 * group codes: what the row-level work needs — bootstrap replicates (which only change row weights
 * and are reduced to {@link ScoreBlocks} in one sequential sweep), top-K ranking with file-order
 * ties, fairness groups and slices.
 */
final class BinarySample {
    final double[] score;
    final byte[] label;
    /** Bootstrap row keys, null without bootstrap. */
    final long[] key;
    /** Ranking group per row (precision_at_k/recall_at_k), null for one group. */
    final int[] group;
    final int groupCount;
    /** Sensitive attribute per row, or null. */
    final int[] sensitive;
    final int sensitiveCount;
    /** Position in the predictions table of each row. */
    final int[] origin;
    /** The distinct scores. */
    final ScoreLevels levels;
    /** Rows at level d are [levelEnd[d − 1], levelEnd[d]). */
    final int[] levelEnd;

    private BinarySample(double[] score, byte[] label, long[] key, int[] group, int groupCount, int[] sensitive,
            int sensitiveCount, int[] origin) {
        this.score = score;
        this.label = label;
        this.key = key;
        this.group = group;
        this.groupCount = groupCount;
        this.sensitive = sensitive;
        this.sensitiveCount = sensitiveCount;
        this.origin = origin;
        int distinct = 0;
        for (int j = 0; j < score.length; j++) {
            distinct += j == 0 || score[j] != score[j - 1] ? 1 : 0;
        }
        double[] level = new double[distinct];
        levelEnd = new int[distinct];
        int d = -1;
        for (int j = 0; j < score.length; j++) {
            if (j == 0 || score[j] != score[j - 1]) {
                level[++d] = score[j];
            }
            levelEnd[d] = j + 1;
        }
        levels = new ScoreLevels(level, distinct);
    }

    static BinarySample of(PredictionTable table) {
        int[] order = StableOrder.ascending(table.score());
        int n = order.length;
        double[] score = new double[n];
        byte[] label = new byte[n];
        long[] key = table.rowKey() == null ? null : new long[n];
        for (int j = 0; j < n; j++) {
            int i = order[j];
            score[j] = table.score()[i];
            label[j] = (byte) table.label()[i];
            if (key != null) {
                key[j] = table.rowKey()[i];
            }
        }
        int[] group = table.group() == null ? null : permute(table.group().codes(), order);
        int[] sensitive = table.sensitive() == null ? null : permute(table.sensitive().codes(), order);
        return new BinarySample(score, label, key, group, table.group() == null ? 1 : table.group().levelCount(),
                sensitive, table.sensitive() == null ? 0 : table.sensitive().levelCount(), order);
    }

    int size() {
        return score.length;
    }

    /** The rows at {@code positions} (ascending positions keep the sort order). */
    BinarySample select(int[] positions) {
        int n = positions.length;
        double[] s = new double[n];
        byte[] y = new byte[n];
        long[] k = key == null ? null : new long[n];
        for (int j = 0; j < n; j++) {
            int i = positions[j];
            s[j] = score[i];
            y[j] = label[i];
            if (k != null) {
                k[j] = key[i];
            }
        }
        return new BinarySample(s, y, k, group == null ? null : permute(group, positions), groupCount,
                sensitive == null ? null : permute(sensitive, positions), sensitiveCount, permute(origin, positions));
    }

    static int[] permute(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int j = 0; j < positions.length; j++) {
            out[j] = values[positions[j]];
        }
        return out;
    }
}
