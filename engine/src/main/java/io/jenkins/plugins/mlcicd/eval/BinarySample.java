package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.stats.StableOrder;

/**
 * Binary predictions sorted once by score (ascending, ties in file order), with everything a
 * metric needs per row precomputed, so that every metric — and every bootstrap replicate, which
 * only changes row weights — is a sequential sweep without another sort.
 */
final class BinarySample {
    /** Calibration regresses on logit(p) with p clipped to [1e-15, 1 − 1e-15]. */
    static final double CALIBRATION_CLIP = 1e-15;
    static final int ECE_BINS = 10;
    /** sklearn's log_loss clips to the dtype's epsilon (eps='auto'): float64 here. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    final double[] score;
    final byte[] label;
    final double[] logit;
    final double[] rowLogLoss;
    final byte[] eceBin;
    final long[] key;
    /** Ranking group per row (precision_at_k/recall_at_k), null for one group. */
    final int[] group;
    final int groupCount;
    /** Sensitive attribute per row, or null. */
    final int[] sensitive;
    final int sensitiveCount;
    /** Position in the predictions table of each row. */
    final int[] origin;

    private BinarySample(double[] score, byte[] label, double[] logit, double[] rowLogLoss, byte[] eceBin, long[] key,
            int[] group, int groupCount, int[] sensitive, int sensitiveCount, int[] origin) {
        this.score = score;
        this.label = label;
        this.logit = logit;
        this.rowLogLoss = rowLogLoss;
        this.eceBin = eceBin;
        this.key = key;
        this.group = group;
        this.groupCount = groupCount;
        this.sensitive = sensitive;
        this.sensitiveCount = sensitiveCount;
        this.origin = origin;
    }

    static BinarySample of(PredictionTable table) {
        int[] order = StableOrder.ascending(table.score());
        int n = order.length;
        double[] score = new double[n];
        byte[] label = new byte[n];
        double[] logit = new double[n];
        double[] loss = new double[n];
        byte[] bin = new byte[n];
        long[] key = new long[n];
        for (int j = 0; j < n; j++) {
            int i = order[j];
            double p = table.score()[i];
            byte y = (byte) table.label()[i];
            score[j] = p;
            label[j] = y;
            logit[j] = logit(p);
            loss[j] = rowLogLoss(p, y);
            bin[j] = (byte) eceBin(p);
            key[j] = table.rowKey()[i];
        }
        int[] group = table.group() == null ? null : permute(table.group().codes(), order);
        int[] sensitive = table.sensitive() == null ? null : permute(table.sensitive().codes(), order);
        return new BinarySample(score, label, logit, loss, bin, key,
                group, table.group() == null ? 1 : table.group().levelCount(),
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
        double[] x = new double[n];
        double[] l = new double[n];
        byte[] b = new byte[n];
        long[] k = new long[n];
        int[] o = new int[n];
        for (int j = 0; j < n; j++) {
            int i = positions[j];
            s[j] = score[i];
            y[j] = label[i];
            x[j] = logit[i];
            l[j] = rowLogLoss[i];
            b[j] = eceBin[i];
            k[j] = key[i];
            o[j] = origin[i];
        }
        return new BinarySample(s, y, x, l, b, k, group == null ? null : permute(group, positions), groupCount,
                sensitive == null ? null : permute(sensitive, positions), sensitiveCount, o);
    }

    static int[] permute(int[] values, int[] positions) {
        int[] out = new int[positions.length];
        for (int j = 0; j < positions.length; j++) {
            out[j] = values[positions[j]];
        }
        return out;
    }

    /** log(p / (1 − p)) with p clipped to [1e-15, 1 − 1e-15]. */
    static double logit(double p) {
        double clipped = Math.min(Math.max(p, CALIBRATION_CLIP), 1 - CALIBRATION_CLIP);
        return Math.log(clipped / (1 - clipped));
    }

    /**
     * One row's log loss as sklearn computes it: p clipped to [eps, 1 − eps], the two class
     * probabilities (1 − p, p) renormalised to sum 1, minus the log of the true class's.
     */
    static double rowLogLoss(double p, int y) {
        double clipped = Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
        double negative = 1 - clipped;
        double total = negative + clipped;
        return -Math.log((y == 1 ? clipped : negative) / total);
    }

    /** Bin b of ten holds b/10 ≤ p < (b+1)/10 (b/10 the double nearest); 1.0 goes to the last bin. */
    static int eceBin(double p) {
        int b = (int) (p * ECE_BINS);
        if (b < ECE_BINS && (b + 1) / (double) ECE_BINS <= p) {
            b++;
        }
        if (b > 0 && b / (double) ECE_BINS > p) {
            b--;
        }
        return Math.min(Math.max(b, 0), ECE_BINS - 1);
    }
}
