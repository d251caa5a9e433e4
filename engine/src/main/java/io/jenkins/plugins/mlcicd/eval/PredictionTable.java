package io.jenkins.plugins.mlcicd.eval;

import java.util.List;
import java.util.Map;

/**
 * The valid rows of a predictions table as primitive columns, in file order.
 *
 * @param source    the file (or glob) read
 * @param rowsRead  data rows in the input
 * @param dropped   rows dropped because of a missing/NaN label or score (only with --drop-invalid)
 * @param invalid   number of invalid rows by reason ({@code missing_score}, {@code nan_score}, {@code missing_label}, {@code nan_label})
 * @param label     labels (0/1 for binary)
 * @param score     scores or predictions
 * @param rowKey    per row, the key of its bootstrap weights: a hash of the row id, or its data row index; null without bootstrap
 * @param slices    slice columns, as asked for
 * @param sensitive sensitive attribute, or null
 * @param group     ranking group, or null
 */
public record PredictionTable(
        String source,
        long rowsRead,
        long dropped,
        Map<String, Long> invalid,
        double[] label,
        double[] score,
        long[] rowKey,
        List<Categorical> slices,
        Categorical sensitive,
        Categorical group) {

    public int size() {
        return label.length;
    }
}
