package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.stats.PercentileInterval;
import io.jenkins.plugins.mlcicd.stats.PoissonBootstrap;
import io.jenkins.plugins.mlcicd.stats.SimpleLogisticRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Evaluates a predictions table: overall metrics, slices, fairness and bootstrap intervals. */
public final class Evaluator {
    /** Slice key of the whole table among the slices. */
    public static final String OVERALL = "overall";

    private Evaluator() {
    }

    public static Evaluation evaluate(EvaluationRequest request) {
        return evaluate(request, System.getenv());
    }

    /** @param environment where a Spark source's token and {@value SparkEvaluation#MAX_SCORES_ENV} are looked up */
    public static Evaluation evaluate(EvaluationRequest request, Map<String, String> environment) {
        if (request.database() instanceof io.jenkins.plugins.mlcicd.data.DataSource.Spark) {
            return SparkEvaluation.evaluate(request, environment);
        }
        return evaluate(request, new PredictionReader(request).read());
    }

    static Evaluation evaluate(EvaluationRequest request, PredictionTable table) {
        return request.task() == Task.BINARY ? binary(request, table) : regression(request, table);
    }

    private static Evaluation binary(EvaluationRequest request, PredictionTable table) {
        BinaryMetrics metrics = new BinaryMetrics(request.threshold(), request.k());
        boolean rowLevel = request.k() != null || table.sensitive() != null || !table.slices().isEmpty()
                || request.bootstrap() > 0;
        // Without row-level work, two primitive sorts of the scores by class are all it takes.
        BinarySample sample = rowLevel ? BinarySample.of(table) : null;
        ScoreBlocks blocks = rowLevel ? ScoreBlocks.of(sample, null) : ScoreBlocks.of(table.label(), table.score());
        MetricValues overall = metrics.compute(blocks, null);
        if (request.k() != null) {
            metrics.atK(sample, null, overall);
        }
        FairnessMetrics.Result fairness = null;
        if (table.sensitive() != null) {
            fairness = FairnessMetrics.compute(sample, table.sensitive().levels(), null, request.threshold());
            merge(overall, fairness.values());
        }
        SliceSet slices = new SliceSet(request.topSlices());
        if (!table.slices().isEmpty()) {
            slices.add(OVERALL, overall);
            for (Categorical column : table.slices()) {
                int[][] positions = positionsByLevel(column, sample.origin);
                for (int level = 0; level < positions.length; level++) {
                    BinarySample slice = sample.select(positions[level]);
                    MetricValues values = metrics.compute(ScoreBlocks.of(slice, null), null);
                    if (request.k() != null) {
                        metrics.atK(slice, null, values);
                    }
                    slices.add(column.column() + "=" + column.levels()[level], values);
                }
            }
        }
        BootstrapResult bootstrap = null;
        if (request.bootstrap() > 0) {
            SimpleLogisticRegression.Fit start = BinaryMetrics.calibrationFit(blocks, null).orElse(null);
            String[] levels = table.sensitive() == null ? null : table.sensitive().levels();
            bootstrap = bootstrap(request, overall, sample.key, weights -> {
                MetricValues replicate = metrics.compute(ScoreBlocks.of(sample, weights), start);
                if (request.k() != null) {
                    metrics.atK(sample, weights, replicate);
                }
                if (levels != null) {
                    merge(replicate, FairnessMetrics.compute(sample, levels, weights, request.threshold()).values());
                }
                return replicate;
            });
        }
        return new Evaluation(request, table, overall, slices.kept(), slices.omitted(), fairness, bootstrap, Curves.of(blocks));
    }

    private static Evaluation regression(EvaluationRequest request, PredictionTable table) {
        RegressionSample sample = RegressionSample.of(table);
        MetricValues overall = sample.metrics(null);
        SliceSet slices = new SliceSet(request.topSlices());
        if (!table.slices().isEmpty()) {
            slices.add(OVERALL, overall);
            for (Categorical column : table.slices()) {
                int[][] positions = positionsByLevel(column, sample.origin);
                for (int level = 0; level < positions.length; level++) {
                    slices.add(column.column() + "=" + column.levels()[level], sample.select(positions[level]).metrics(null));
                }
            }
        }
        BootstrapResult bootstrap = request.bootstrap() > 0
                ? bootstrap(request, overall, sample.key, sample::metrics)
                : null;
        return new Evaluation(request, table, overall, slices.kept(), slices.omitted(), null, bootstrap, null);
    }

    private static void merge(MetricValues into, MetricValues from) {
        from.values().forEach(into::put);
        from.undefined().forEach(into::undefined);
    }

    /** For each level of {@code column}, the sample positions holding it, ascending. */
    private static int[][] positionsByLevel(Categorical column, int[] origin) {
        int levels = column.levelCount();
        int[] counts = new int[levels];
        int[] codes = BinarySample.permute(column.codes(), origin);
        for (int code : codes) {
            counts[code]++;
        }
        int[][] positions = new int[levels][];
        for (int level = 0; level < levels; level++) {
            positions[level] = new int[counts[level]];
        }
        int[] filled = new int[levels];
        for (int j = 0; j < codes.length; j++) {
            positions[codes[j]][filled[codes[j]]++] = j;
        }
        return positions;
    }

    /** Computes the metrics of one replicate given its row weights. */
    @FunctionalInterface
    interface Replicate {
        MetricValues metrics(byte[] weights);
    }

    private static BootstrapResult bootstrap(EvaluationRequest request, MetricValues overall, long[] keys, Replicate replicate) {
        int replicates = request.bootstrap();
        long seed = request.seed();
        // Replicates depend only on (seed, replicate, key): computing them in parallel stays deterministic.
        MetricValues[] results = IntStream.range(0, replicates).parallel().mapToObj(r -> {
            byte[] weights = new byte[keys.length];
            PoissonBootstrap.weights(seed, r, keys, weights);
            return replicate.metrics(weights);
        }).toArray(MetricValues[]::new);
        Map<String, PercentileInterval> intervals = new LinkedHashMap<>();
        Map<String, double[]> samples = new LinkedHashMap<>();
        Map<String, Integer> undefined = new LinkedHashMap<>();
        for (String metric : overall.values().keySet()) {
            if (MetricNames.COUNTS.contains(metric)) {
                continue;
            }
            double[] values = new double[replicates];
            int missing = 0;
            for (int r = 0; r < replicates; r++) {
                Double value = results[r].get(metric);
                values[r] = value == null ? Double.NaN : value;
                missing += value == null ? 1 : 0;
            }
            samples.put(metric, values);
            undefined.put(metric, missing);
            double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
            if (defined.length > 0) {
                intervals.put(metric, PercentileInterval.of(defined, BootstrapResult.LEVEL));
            }
        }
        String rowKey = request.id() == null ? "row-number" : "id:" + request.id();
        return new BootstrapResult(replicates, seed, rowKey, keyDigest(keys), intervals, samples, undefined);
    }

    /** Order-independent digest of a set of row keys (sum of mixed keys, with the count). */
    static String keyDigest(long[] keys) {
        long sum = 0;
        long xor = 0;
        for (long key : keys) {
            long mixed = PoissonBootstrap.keyHash(key);
            sum += mixed;
            xor ^= Long.rotateLeft(mixed, 17);
        }
        return String.format("%d-%016x%016x", keys.length, sum, xor);
    }

    /** Slices kept in order of size (largest first, then by name), at most {@code limit} plus overall. */
    static final class SliceSet {
        private final Integer limit;
        private final List<Map.Entry<String, MetricValues>> entries = new ArrayList<>();
        private MetricValues overall;

        SliceSet(Integer limit) {
            this.limit = limit;
        }

        void add(String key, MetricValues values) {
            if (key.equals(OVERALL)) {
                overall = values;
            } else {
                entries.add(Map.entry(key, values));
            }
        }

        Map<String, MetricValues> kept() {
            Map<String, MetricValues> kept = new LinkedHashMap<>();
            if (overall != null) {
                kept.put(OVERALL, overall);
            }
            sorted().stream().limit(limit == null ? Long.MAX_VALUE : limit).forEach(e -> kept.put(e.getKey(), e.getValue()));
            return kept;
        }

        int omitted() {
            return limit == null ? 0 : Math.max(0, entries.size() - limit);
        }

        private List<Map.Entry<String, MetricValues>> sorted() {
            List<Map.Entry<String, MetricValues>> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.<Map.Entry<String, MetricValues>>comparingLong(e -> -e.getValue().count())
                    .thenComparing(Map.Entry::getKey));
            return sorted;
        }
    }
}
