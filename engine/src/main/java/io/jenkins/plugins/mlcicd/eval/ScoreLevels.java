package io.jenkins.plugins.mlcicd.eval;

/**
 * The distinct scores of a sample in ascending order, with what every metric needs per score
 * computed once: logit for the calibration fit, each class's log loss, the ECE bin. Bootstrap
 * replicates only change how many rows sit at each level, so they reuse all of it.
 */
final class ScoreLevels {
    final double[] score;
    final int size;
    final double[] logit;
    final double[] lossIfPositive;
    final double[] lossIfNegative;
    final byte[] eceBin;

    ScoreLevels(double[] score, int size) {
        this.score = score;
        this.size = size;
        logit = new double[size];
        lossIfPositive = new double[size];
        lossIfNegative = new double[size];
        eceBin = new byte[size];
        for (int d = 0; d < size; d++) {
            double p = score[d];
            logit[d] = BinaryMetrics.logit(p);
            lossIfPositive[d] = BinaryMetrics.rowLogLoss(p, 1);
            lossIfNegative[d] = BinaryMetrics.rowLogLoss(p, 0);
            eceBin[d] = (byte) BinaryMetrics.eceBin(p);
        }
    }
}
