package io.jenkins.plugins.mlcicd.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds in-memory predictions tables for tests. */
final class Tables {
    private Tables() {
    }

    static PredictionTable table(double[] labels, double[] scores) {
        return table(labels, scores, null, null, List.of());
    }

    static PredictionTable table(double[] labels, double[] scores, String[] group, String[] sensitive, List<String[]> slices) {
        long[] keys = new long[labels.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i;
        }
        List<Categorical> sliceColumns = new ArrayList<>();
        for (int c = 0; c < slices.size(); c++) {
            sliceColumns.add(categorical("s" + c, slices.get(c)));
        }
        return new PredictionTable("test", labels.length, 0, Map.of(), labels, scores, keys, sliceColumns,
                sensitive == null ? null : categorical("sensitive", sensitive),
                group == null ? null : categorical("group", group));
    }

    static Categorical categorical(String column, String[] values) {
        Map<String, Integer> codes = new LinkedHashMap<>();
        int[] rows = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rows[i] = codes.computeIfAbsent(values[i], v -> codes.size());
        }
        return new Categorical(column, codes.keySet().toArray(String[]::new), rows);
    }

    static EvaluationRequest binary(double threshold, Integer k, boolean group, boolean sensitive) {
        return new EvaluationRequest(Path.of("test.csv"), "y", "p", Task.BINARY, threshold, List.of(), null,
                sensitive ? "sensitive" : null, k, group ? "group" : null, 0, 0, null, false);
    }

    static EvaluationRequest regression() {
        return new EvaluationRequest(Path.of("test.csv"), "y", "p", Task.REGRESSION, 0.5, List.of(), null,
                null, null, null, 0, 0, null, false);
    }
}
