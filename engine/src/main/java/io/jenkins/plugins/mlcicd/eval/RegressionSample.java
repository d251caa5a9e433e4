package io.jenkins.plugins.mlcicd.eval;

import static io.jenkins.plugins.mlcicd.eval.MetricNames.*;

import io.jenkins.plugins.mlcicd.stats.CompensatedSum;

/**
 * Regression predictions in file order and their metrics: rmse, mae, r2 (as scikit-learn's
 * {@code r2_score}, but undefined rather than 0 or 1 when the labels are constant), means.
 */
final class RegressionSample {
    final double[] label;
    final double[] prediction;
    final long[] key;
    final int[] origin;

    private RegressionSample(double[] label, double[] prediction, long[] key, int[] origin) {
        this.label = label;
        this.prediction = prediction;
        this.key = key;
        this.origin = origin;
    }

    static RegressionSample of(PredictionTable table) {
        int[] origin = new int[table.size()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = i;
        }
        return new RegressionSample(table.label(), table.score(), table.rowKey(), origin);
    }

    int size() {
        return label.length;
    }

    RegressionSample select(int[] positions) {
        double[] y = new double[positions.length];
        double[] p = new double[positions.length];
        long[] k = key == null ? null : new long[positions.length];
        int[] o = new int[positions.length];
        for (int j = 0; j < positions.length; j++) {
            y[j] = label[positions[j]];
            p[j] = prediction[positions[j]];
            if (k != null) {
                k[j] = key[positions[j]];
            }
            o[j] = origin[positions[j]];
        }
        return new RegressionSample(y, p, k, o);
    }

    MetricValues metrics(byte[] weights) {
        long count = 0;
        CompensatedSum labels = new CompensatedSum();
        CompensatedSum predictions = new CompensatedSum();
        CompensatedSum squared = new CompensatedSum();
        CompensatedSum absolute = new CompensatedSum();
        for (int i = 0; i < label.length; i++) {
            int w = BinaryMetrics.weight(weights, i);
            if (w == 0) {
                continue;
            }
            double error = label[i] - prediction[i];
            count += w;
            for (int c = 0; c < w; c++) {
                labels.add(label[i]);
                predictions.add(prediction[i]);
                squared.add(error * error);
                absolute.add(Math.abs(error));
            }
        }
        if (count == 0) {
            return fromSums(0, 0, 0, 0, 0, 0);
        }
        double meanLabel = labels.value() / count;
        CompensatedSum total = new CompensatedSum();
        for (int i = 0; i < label.length; i++) {
            int w = BinaryMetrics.weight(weights, i);
            double deviation = label[i] - meanLabel;
            for (int c = 0; c < w; c++) {
                total.add(deviation * deviation);
            }
        }
        return fromSums(count, labels.value(), predictions.value(), squared.value(), absolute.value(), total.value());
    }

    /**
     * The metrics from the sums they are made of (so an engine that sums elsewhere, e.g. Spark, gets the same
     * numbers from the same formulas).
     *
     * @param total the sum of squared deviations of the labels from their mean
     */
    static MetricValues fromSums(long count, double labels, double predictions, double squared, double absolute,
            double total) {
        MetricValues out = new MetricValues();
        out.put(COUNT, count);
        if (count == 0) {
            for (String name : new String[] {RMSE, MAE, R2, MEAN_PREDICTION, MEAN_LABEL}) {
                out.undefined(name, BinaryMetrics.NO_ROWS);
            }
            return out;
        }
        double meanLabel = labels / count;
        out.put(RMSE, Math.sqrt(squared / count));
        out.put(MAE, absolute / count);
        if (total > 0) {
            out.put(R2, 1 - squared / total);
        } else {
            out.undefined(R2, "labels are constant");
        }
        out.put(MEAN_PREDICTION, predictions / count);
        out.put(MEAN_LABEL, meanLabel);
        return out;
    }
}
