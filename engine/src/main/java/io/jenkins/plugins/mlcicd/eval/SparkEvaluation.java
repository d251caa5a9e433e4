package io.jenkins.plugins.mlcicd.eval;

import static io.jenkins.plugins.mlcicd.eval.MetricNames.*;

import io.jenkins.plugins.mlcicd.data.ColumnType;
import io.jenkins.plugins.mlcicd.data.DataSession;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.DataTable;
import io.jenkins.plugins.mlcicd.data.SqlDialect;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.input.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluation of predictions that stay in a Spark cluster: the cluster aggregates, per distinct score (and per
 * slice value and score), how many positives and negatives carry it — the {@link ScoreBlocks} every binary
 * metric is an exact function of — and, for regression, the sums the metrics are made of; the metrics are then
 * finished here by the same code as for files. Nothing row-level crosses the wire.
 *
 * <p>When a grouping has more distinct scores than {@value #MAX_SCORES_ENV} allows (default
 * {@value #DEFAULT_MAX_SCORES}), scores are grouped into that many equal-width bins instead: count, log loss,
 * Brier, the metrics at the threshold and ECE stay exact (summed in Spark per row), AUC and PR-AUC become
 * approximate with a proven bound on their error, the calibration fit is undefined — and the result says so.
 */
final class SparkEvaluation {
    /** Environment variable: the most distinct scores (per slice and score pairs) read for exact metrics. */
    static final String MAX_SCORES_ENV = "MLCICD_SPARK_MAX_SCORES";
    static final int DEFAULT_MAX_SCORES = 1_000_000;
    private static final List<String> LABEL_WORDS = List.of("0", "1", "0.0", "1.0", "true", "false", "nan", "");
    /** The valid rows: a score and a label, neither missing nor NaN. */
    private static final String VALID = "p IS NOT NULL AND NOT isnan(p) AND y IS NOT NULL AND NOT isnan(y)";

    private final EvaluationRequest request;
    private final DataTable table;
    private final SqlDialect d;
    private final String source;
    private final int maxScores;
    /** SELECT of y (label as double), p (score as double), s0… (slice values as text) from the source. */
    private String rows;

    private SparkEvaluation(EvaluationRequest request, DataTable table, int maxScores) {
        this.request = request;
        this.table = table;
        this.d = table.dialect();
        this.source = table.source();
        this.maxScores = maxScores;
    }

    static Evaluation evaluate(EvaluationRequest request, Map<String, String> environment) {
        if (request.k() != null || request.group() != null || request.sensitive() != null || request.bootstrap() > 0) {
            throw new BadInputException("--k, --group, --sensitive and --bootstrap need the rows in one place: with --spark,"
                    + " evaluate computes the metrics and slices from aggregates only");
        }
        int maxScores = maxScores(environment);
        DataSource.Spark spark = (DataSource.Spark) request.database();
        Set<String> needed = JdbcPredictions.needed(request);
        try (DataSession session = new DataSession(environment)) {
            DataTable table = session.open(spark, "predictions", columns -> {
                Map<String, ColumnType> plan = new LinkedHashMap<>();
                columns.stream().filter(c -> needed.contains(c.name()))
                        .forEach(c -> plan.put(c.name(), c.text() ? ColumnType.STRING : c.inferred()));
                return plan;
            });
            return new SparkEvaluation(request, table, maxScores).run();
        }
    }

    private static int maxScores(Map<String, String> environment) {
        String value = environment.get(MAX_SCORES_ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_SCORES;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 10) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException(MAX_SCORES_ENV + "=" + value + ": expected a whole number of at least 10");
        }
    }

    private Evaluation run() {
        for (String name : JdbcPredictions.needed(request)) {
            if (!table.columnNames().contains(name)) {
                throw new BadInputException(source + ": no column '" + name + "' (columns: " + String.join(", ", table.columnNames()) + ")");
            }
        }
        boolean binary = request.task() == Task.BINARY;
        String y = label(table.column(request.label()), binary);
        String p = number(table.column(request.score()), "--score");
        StringBuilder select = new StringBuilder("SELECT ").append(y).append(" AS y, ").append(p).append(" AS p");
        for (int i = 0; i < request.slices().size(); i++) {
            select.append(", ").append(d.toText(d.identifier(request.slices().get(i)))).append(" AS s").append(i);
        }
        rows = "(" + select.append(" FROM ").append(table.from()) + ") r";
        PredictionTable input = validate(binary);
        MetricValues overall;
        Map<String, MetricValues> perSlice = new LinkedHashMap<>();
        Evaluation.Approximation approximation = null;
        com.fasterxml.jackson.databind.node.ObjectNode curves = null;
        if (binary) {
            Grouped all = binaryMetrics(null);
            overall = all.metrics().get(null);
            curves = all.blocks() == null ? null : Curves.of(all.blocks());
            approximation = all.approximation();
            for (int i = 0; i < request.slices().size(); i++) {
                Grouped sliced = binaryMetrics("s" + i);
                String column = request.slices().get(i);
                sliced.metrics().forEach((level, values) -> perSlice.put(column + "=" + level, values));
                if (sliced.approximation() != null && approximation == null) {
                    approximation = new Evaluation.Approximation(sliced.approximation().distinctScoresAbove(),
                            sliced.approximation().bins(), Map.of(), "slices of " + column + ": " + sliced.approximation().reason());
                }
            }
        } else {
            overall = regressionMetrics(null).get(null);
            for (int i = 0; i < request.slices().size(); i++) {
                String column = request.slices().get(i);
                regressionMetrics("s" + i).forEach((level, values) -> perSlice.put(column + "=" + level, values));
            }
        }
        Evaluator.SliceSet slices = new Evaluator.SliceSet(request.topSlices());
        if (!request.slices().isEmpty()) {
            slices.add(Evaluator.OVERALL, overall);
            perSlice.forEach(slices::add);
        }
        return new Evaluation(request, input, overall, slices.kept(), slices.omitted(), null, null, curves, approximation);
    }

    /** The label as a double: numbers as they are, booleans 1/0, binary text labels by the documented words. */
    private String label(DataTable.Column column, boolean binary) {
        String raw = d.identifier(column.name());
        if (column.type() == ColumnType.BOOLEAN) {
            return "CASE WHEN " + raw + " THEN CAST(1 AS DOUBLE) WHEN NOT " + raw + " THEN CAST(0 AS DOUBLE) END";
        }
        if (column.type() != ColumnType.STRING || !binary) {
            return number(column, "--label");
        }
        String word = "lower(trim(" + raw + "))";
        List<String> foreign = new ArrayList<>();
        table.query("SELECT " + raw + ", COUNT(*) FROM " + table.from() + " WHERE " + raw + " IS NOT NULL AND " + word
                + " NOT IN (" + LABEL_WORDS.stream().map(d::string).collect(Collectors.joining(", ")) + ") GROUP BY " + raw
                + " ORDER BY COUNT(*) DESC, " + raw + " LIMIT 4", rs -> foreign.add(Printable.quote(rs.getString(1))));
        if (!foreign.isEmpty()) {
            throw new BadInputException(source + ": column '" + column.name() + "' (--label) holds "
                    + String.join(", ", foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", …" : "")
                    + ": binary labels are 0/1 or true/false");
        }
        return "CASE WHEN " + word + " IN ('1', '1.0', 'true') THEN CAST(1 AS DOUBLE) WHEN " + word
                + " IN ('0', '0.0', 'false') THEN CAST(0 AS DOUBLE) WHEN " + raw + " IS NOT NULL THEN CAST('NaN' AS DOUBLE) END";
    }

    /** A numeric column as a double; text must hold numbers ('' and 'nan' are NaN, i.e. invalid rows). */
    private String number(DataTable.Column column, String option) {
        String raw = d.identifier(column.name());
        if (column.type().isNumeric()) {
            return "CAST(" + raw + " AS DOUBLE)";
        }
        if (column.type() != ColumnType.STRING) {
            throw new BadInputException(source + ": column '" + column.name() + "' (" + option + ") has type "
                    + column.type().id() + ", expected numbers");
        }
        String text = "trim(" + raw + ")";
        String parsed = "CASE WHEN " + text + " = '' OR lower(" + text + ") = 'nan' THEN CAST('NaN' AS DOUBLE) ELSE "
                + d.parse(raw, ColumnType.DOUBLE) + " END";
        List<String> bad = new ArrayList<>();
        table.query("SELECT " + raw + " FROM " + table.from() + " WHERE " + raw + " IS NOT NULL AND (" + parsed
                + ") IS NULL LIMIT 3", rs -> bad.add(Printable.quote(rs.getString(1))));
        if (!bad.isEmpty()) {
            throw new BadInputException(source + ": column '" + column.name() + "' (" + option + ") holds "
                    + String.join(", ", bad) + ", not numbers");
        }
        return parsed;
    }

    /**
     * Counts the rows and the invalid ones by reason (in the reader's order of precedence), refuses invalid rows
     * unless asked to drop them, and refuses values outside the task's domain.
     */
    private PredictionTable validate(boolean binary) {
        String scoreOk = "p IS NOT NULL AND NOT isnan(p)";
        String badLabel = binary ? "(y <> 0 AND y <> 1)" : "abs(y) = CAST('Infinity' AS DOUBLE)";
        String badScore = binary ? "NOT (p >= 0 AND p <= 1)" : "abs(p) = CAST('Infinity' AS DOUBLE)";
        String sql = "SELECT COUNT(*), " + countIf("p IS NULL") + ", " + countIf("p IS NOT NULL AND isnan(p)") + ", "
                + countIf(scoreOk + " AND y IS NULL") + ", " + countIf(scoreOk + " AND y IS NOT NULL AND isnan(y)") + ", "
                + countIf(VALID + " AND " + badLabel) + ", MIN(CASE WHEN " + VALID + " AND " + badLabel + " THEN y END), "
                + countIf(VALID + " AND " + badScore) + ", MIN(CASE WHEN " + VALID + " AND " + badScore + " THEN p END)"
                + " FROM " + rows;
        long[] counts = new long[5];
        double[] firstBad = new double[4];
        table.query(sql, rs -> {
            for (int i = 0; i < 5; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            firstBad[0] = rs.getLong(6);
            firstBad[1] = rs.getDouble(7);
            firstBad[2] = rs.getLong(8);
            firstBad[3] = rs.getDouble(9);
        });
        Map<String, Long> invalid = new LinkedHashMap<>();
        String[] reasons = {"missing_score", "nan_score", "missing_label", "nan_label"};
        for (int i = 0; i < reasons.length; i++) {
            if (counts[i + 1] > 0) {
                invalid.put(reasons[i], counts[i + 1]);
            }
        }
        long invalidRows = invalid.values().stream().mapToLong(Long::longValue).sum();
        if (invalidRows > 0 && !request.dropInvalid()) {
            throw new BadInputException(source + ": " + invalidRows + " invalid row" + (invalidRows == 1 ? "" : "s") + ": "
                    + invalid.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                            .collect(Collectors.joining(", "))
                    + " (fix the input or pass --drop-invalid)");
        }
        if (firstBad[0] > 0) {
            throw new BadInputException(source + ": " + (long) firstBad[0] + " row(s) whose label in column '" + request.label()
                    + "' " + (binary ? "is not 0 or 1 (binary task), e.g. " + format(firstBad[1]) : "is infinite"));
        }
        if (firstBad[2] > 0) {
            throw new BadInputException(source + ": " + (long) firstBad[2] + " row(s) whose score in column '" + request.score()
                    + "' " + (binary ? "is outside [0, 1] (binary task: the score is the probability of label 1), e.g. "
                            + format(firstBad[3]) : "is infinite"));
        }
        return new PredictionTable(source, counts[0], invalidRows, invalid, new double[0], new double[0], null, List.of(), null, null);
    }

    /** Metrics per group (null: the whole table; else the slice column's values) and how exact they are. */
    private record Grouped(Map<String, MetricValues> metrics, ScoreBlocks blocks, Evaluation.Approximation approximation) {
    }

    /**
     * Binary metrics per value of {@code key} (null for one group of all rows): from per-score label counts when
     * there are at most {@code maxScores} (key, score) pairs, else from binned scores plus exact per-row sums.
     */
    private Grouped binaryMetrics(String key) {
        String keySelect = key == null ? "" : key + ", ";
        Map<String, List<double[]>> levels = new LinkedHashMap<>();
        int[] pairs = {0};
        table.query("SELECT " + keySelect + "p, CAST(SUM(y) AS BIGINT), COUNT(*) FROM " + rows + " WHERE " + VALID
                + " GROUP BY " + keySelect + "p ORDER BY " + keySelect + "p LIMIT " + (maxScores + 1L), rs -> {
                    pairs[0]++;
                    int c = key == null ? 1 : 2;
                    String level = key == null ? null : level(rs.getString(1));
                    double score = rs.getDouble(c);
                    long positives = rs.getLong(c + 1);
                    long n = rs.getLong(c + 2);
                    levels.computeIfAbsent(level, k -> new ArrayList<>()).add(new double[] {score == 0.0 ? 0.0 : score, positives, n});
                });
        BinaryMetrics metrics = new BinaryMetrics(request.threshold(), null);
        Map<String, MetricValues> out = new LinkedHashMap<>();
        if (pairs[0] <= maxScores) {
            ScoreBlocks overall = null;
            for (Map.Entry<String, List<double[]>> e : levels.entrySet()) {
                ScoreBlocks blocks = blocks(e.getValue(), false);
                out.put(e.getKey(), metrics.compute(blocks, null));
                overall = blocks;
            }
            if (key == null && out.isEmpty()) {
                ScoreBlocks empty = blocks(List.of(), false);
                out.put(null, metrics.compute(empty, null));
                overall = empty;
            }
            return new Grouped(out, key == null ? overall : null, null);
        }
        return binned(key, metrics);
    }

    /**
     * Scores grouped into {@code bins} equal-width bins of [0, 1] (each bin's level is its mean score); what is a
     * sum over rows is summed in Spark exactly, AUC and PR-AUC come from the bins with their error bound.
     */
    private Grouped binned(String key, BinaryMetrics metrics) {
        int bins = maxScores / 10 * 10;
        String keySelect = key == null ? "" : key + ", ";
        String bin = "LEAST(CAST(FLOOR(p * " + bins + ") AS BIGINT), " + (bins - 1) + ")";
        Map<String, List<double[]>> levels = new LinkedHashMap<>();
        table.query("SELECT " + keySelect + "CAST(SUM(y) AS BIGINT), COUNT(*), SUM(p) FROM " + rows + " WHERE " + VALID
                + " GROUP BY " + keySelect + bin + " ORDER BY " + keySelect + bin, rs -> {
                    int c = key == null ? 1 : 2;
                    String level = key == null ? null : level(rs.getString(1));
                    long positives = rs.getLong(c);
                    long n = rs.getLong(c + 1);
                    levels.computeIfAbsent(level, k -> new ArrayList<>()).add(new double[] {rs.getDouble(c + 2) / n, positives, n});
                });
        String eps = d.number(BinaryMetrics.LOG_LOSS_EPS);
        String clipped = "LEAST(GREATEST(p, " + eps + "), 1 - " + eps + ")";
        String t = d.number(request.threshold());
        Map<String, double[]> sums = new LinkedHashMap<>();
        table.query("SELECT " + keySelect + "SUM(-ln((CASE WHEN y = 1 THEN " + clipped + " ELSE 1 - " + clipped + " END) / ((1 - "
                + clipped + ") + " + clipped + "))), SUM((p - y) * (p - y)), " + countIf("p >= " + t + " AND y = 1") + ", "
                + countIf("p >= " + t + " AND y = 0") + " FROM " + rows + " WHERE " + VALID
                + (key == null ? "" : " GROUP BY " + key), rs -> {
                    int c = key == null ? 1 : 2;
                    sums.put(key == null ? null : level(rs.getString(1)),
                            new double[] {rs.getDouble(c), rs.getDouble(c + 1), rs.getLong(c + 2), rs.getLong(c + 3)});
                });
        StringBuilder eceBin = new StringBuilder("CASE");
        for (int b = BinaryMetrics.ECE_BINS - 1; b >= 1; b--) {
            eceBin.append(" WHEN p >= ").append(d.number(b / (double) BinaryMetrics.ECE_BINS)).append(" THEN ").append(b);
        }
        eceBin.append(" ELSE 0 END");
        Map<String, long[][]> eceCounts = new LinkedHashMap<>();
        Map<String, double[]> eceScores = new LinkedHashMap<>();
        table.query("SELECT " + keySelect + eceBin + ", COUNT(*), CAST(SUM(y) AS BIGINT), SUM(p) FROM " + rows + " WHERE " + VALID
                + " GROUP BY " + keySelect + eceBin, rs -> {
                    int c = key == null ? 1 : 2;
                    String level = key == null ? null : level(rs.getString(1));
                    long[][] counts = eceCounts.computeIfAbsent(level, k -> new long[2][BinaryMetrics.ECE_BINS]);
                    int b = rs.getInt(c);
                    counts[0][b] = rs.getLong(c + 1);
                    counts[1][b] = rs.getLong(c + 2);
                    eceScores.computeIfAbsent(level, k -> new double[BinaryMetrics.ECE_BINS])[b] = rs.getDouble(c + 3);
                });
        Map<String, MetricValues> out = new LinkedHashMap<>();
        double aucBound = 0;
        double prAucBound = 0;
        ScoreBlocks overall = null;
        for (Map.Entry<String, List<double[]>> e : levels.entrySet()) {
            ScoreBlocks blocks = blocks(e.getValue(), true);
            MetricValues values = metrics.compute(blocks, null);
            long positives = values.get(POSITIVES).longValue();
            long count = values.count();
            double[] s = sums.get(e.getKey());
            MetricValues exact = new MetricValues();
            values.values().forEach((name, value) -> {
                switch (name) {
                    case LOG_LOSS -> exact.put(name, s[0] / count);
                    case BRIER -> exact.put(name, s[1] / count);
                    case ACCURACY, PRECISION, RECALL, F1, CALIBRATION_SLOPE, CALIBRATION_INTERCEPT -> {
                    }
                    case ECE -> exact.put(name, BinaryMetrics.ece(eceCounts.get(e.getKey())[0], eceCounts.get(e.getKey())[1],
                            eceScores.get(e.getKey()), count));
                    default -> exact.put(name, value);
                }
            });
            MetricValues atThreshold = new MetricValues();
            BinaryMetrics.atThreshold((long) s[2], (long) s[3], positives, count - positives, atThreshold);
            atThreshold.values().forEach(exact::put);
            values.undefined().forEach(exact::undefined);
            String reason = "the calibration fit needs every distinct score: more than " + maxScores + " (" + MAX_SCORES_ENV + ")";
            if (values.get(AUC) != null) {
                exact.undefined(CALIBRATION_SLOPE, reason);
                exact.undefined(CALIBRATION_INTERCEPT, reason);
            }
            out.put(e.getKey(), ordered(exact));
            if (e.getKey() == null) {
                overall = blocks;
                aucBound = aucBound(blocks);
                prAucBound = prAucBound(blocks);
            }
        }
        Map<String, Double> bounds = new LinkedHashMap<>();
        if (key == null) {
            bounds.put(AUC, aucBound);
            bounds.put(PR_AUC, prAucBound);
        }
        String reason = "more than " + maxScores + " distinct scores" + (key == null ? "" : " (with " + key + ")")
                + ": scores grouped into " + bins + " equal-width bins; count, log_loss, brier, accuracy, precision, recall,"
                + " f1 and ece are exact, calibration is undefined (raise " + MAX_SCORES_ENV + " for exact values)";
        return new Grouped(out, overall, new Evaluation.Approximation(maxScores, bins, bounds, reason));
    }

    /** The metrics in the order the exact computation puts them. */
    private static MetricValues ordered(MetricValues values) {
        MetricValues out = new MetricValues();
        for (String name : new String[] {COUNT, POSITIVES, AUC, PR_AUC, LOG_LOSS, BRIER, ACCURACY, PRECISION, RECALL, F1,
                CALIBRATION_SLOPE, CALIBRATION_INTERCEPT, ECE}) {
            Double v = values.get(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        values.undefined().forEach(out::undefined);
        return out;
    }

    /**
     * Within a bin the rows' order is unknown and the binned AUC counts its positive–negative pairs as ties (½):
     * the exact AUC differs by at most half of those pairs over all pairs.
     */
    static double aucBound(ScoreBlocks b) {
        long positives = 0;
        long negatives = 0;
        double tied = 0;
        for (int i = 0; i < b.size(); i++) {
            positives += b.positives[i];
            negatives += b.negatives[i];
            tied += (double) b.positives[i] * b.negatives[i];
        }
        return positives == 0 || negatives == 0 ? 0 : tied / (2.0 * positives * negatives);
    }

    /**
     * Average precision adds, for each positive, its precision over P. A positive in a bin with {@code a} positives
     * and {@code n} rows above it, {@code k} positives and {@code m} negatives in it, has precision between
     * (a + 1) / (n + 1 + m) and (a + k) / (n + k), whatever the order inside; the binned value lies there too.
     */
    static double prAucBound(ScoreBlocks b) {
        long positives = 0;
        for (int i = 0; i < b.size(); i++) {
            positives += b.positives[i];
        }
        if (positives == 0) {
            return 0;
        }
        double bound = 0;
        long above = 0;
        long positivesAbove = 0;
        for (int i = b.size() - 1; i >= 0; i--) {
            long k = b.positives[i];
            long m = b.negatives[i];
            if (k > 0) {
                double high = (double) (positivesAbove + k) / (above + k);
                double low = (double) (positivesAbove + 1) / (above + 1 + m);
                bound += (double) k / positives * (high - low);
            }
            above += k + m;
            positivesAbove += k;
        }
        return bound;
    }

    private static ScoreBlocks blocks(List<double[]> rows, boolean binned) {
        double[] scores = new double[rows.size()];
        long[] positives = new long[rows.size()];
        long[] negatives = new long[rows.size()];
        for (int i = 0; i < scores.length; i++) {
            double[] r = rows.get(i);
            scores[i] = r[0];
            positives[i] = (long) r[1];
            negatives[i] = (long) r[2] - (long) r[1];
        }
        return new ScoreBlocks(new ScoreLevels(scores, scores.length), positives, negatives);
    }

    /** Regression metrics per value of {@code key} (null: all rows) from sums computed in Spark. */
    private Map<String, MetricValues> regressionMetrics(String key) {
        String keySelect = key == null ? "" : key + ", ";
        Map<String, double[]> sums = new LinkedHashMap<>();
        table.query("SELECT " + keySelect + "COUNT(*), SUM(y), SUM(p), SUM((y - p) * (y - p)), SUM(abs(y - p)) FROM " + rows
                + " WHERE " + VALID + (key == null ? "" : " GROUP BY " + key + " ORDER BY " + key), rs -> {
                    int c = key == null ? 1 : 2;
                    sums.put(key == null ? null : level(rs.getString(1)), new double[] {rs.getLong(c), rs.getDouble(c + 1),
                            rs.getDouble(c + 2), rs.getDouble(c + 3), rs.getDouble(c + 4)});
                });
        // The labels' spread around each group's mean, the mean computed here so both passes agree on it.
        StringBuilder mean = new StringBuilder(key == null ? "" : "CASE");
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            double m = e.getValue()[0] == 0 ? 0 : e.getValue()[1] / e.getValue()[0];
            if (key == null) {
                mean.append(d.number(m));
            } else {
                mean.append(" WHEN ").append(e.getKey().equals(Categorical.MISSING) ? key + " IS NULL"
                        : key + " = " + d.string(e.getKey())).append(" THEN ").append(d.number(m));
            }
        }
        if (key != null) {
            mean.append(" END");
        }
        Map<String, Double> totals = new LinkedHashMap<>();
        if (!sums.isEmpty()) {
            table.query("SELECT " + keySelect + "SUM((y - (" + mean + ")) * (y - (" + mean + "))) FROM " + rows + " WHERE " + VALID
                    + (key == null ? "" : " GROUP BY " + key), rs -> totals.put(key == null ? null : level(rs.getString(1)),
                            rs.getDouble(key == null ? 1 : 2)));
        }
        Map<String, MetricValues> out = new LinkedHashMap<>();
        if (key == null && sums.isEmpty()) {
            out.put(null, RegressionSample.fromSums(0, 0, 0, 0, 0, 0));
        }
        sums.forEach((level, s) -> out.put(level, RegressionSample.fromSums((long) s[0], s[1], s[2], s[3], s[4],
                totals.getOrDefault(level, 0.0))));
        return out;
    }

    private static String level(String value) {
        return value == null ? Categorical.MISSING : value;
    }

    private static String countIf(String condition) {
        return "COUNT(CASE WHEN " + condition + " THEN 1 END)";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
