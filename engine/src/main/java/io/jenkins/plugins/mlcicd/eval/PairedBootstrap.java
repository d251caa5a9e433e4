package io.jenkins.plugins.mlcicd.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlcicd.stats.PercentileInterval;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The paired-bootstrap comparison of two evaluation documents of the same rows (a candidate and a
 * baseline model), for gates that require a difference to be significant: replicate r of both
 * documents resampled the same rows (Poisson weights keyed by seed, replicate and row key), so
 * {@code candidate[r] − baseline[r]} are draws of the difference, and their percentiles are its
 * confidence interval.
 */
public final class PairedBootstrap {
    /** What must be equal in {@code bootstrap} of both documents for replicates to pair up. */
    private static final List<String> PAIRING = List.of("method", "replicates", "seed", "rowKey", "keyDigest");

    /**
     * A comparison's outcome: either a difference with its interval, or why there is none.
     *
     * @param metric     the metric compared
     * @param difference candidate − baseline of the point estimates, null when not comparable
     * @param interval   percentile interval of the paired replicate differences, null when not comparable
     * @param replicates replicates where both documents had the metric
     * @param reason     why there is no interval, null when there is one
     */
    public record Difference(String metric, Double difference, PercentileInterval interval, int replicates, String reason) {
        public boolean comparable() {
            return interval != null;
        }
    }

    /** Replicates that must lie beyond each end of a percentile interval for its ends to mean anything. */
    static final int MIN_TAIL = 5;

    private PairedBootstrap() {
    }

    /**
     * The fewest replicates for a percentile interval at {@code level}: {@link #MIN_TAIL} in each tail,
     * e.g. 200 for 95%, 1000 for 99%. Fewer, and the interval's ends are one or two draws.
     */
    public static int minimumReplicates(double level) {
        double tail = (1 - level) / 2;
        return tail <= 0 ? Integer.MAX_VALUE : (int) Math.ceil(MIN_TAIL / tail - 1e-9);
    }

    /** A document that declares N replicates must hold N samples per metric: fewer is a cut or edited document. */
    private static String sampleCountProblem(String metric, JsonNode bootstrap, JsonNode samples, String role) {
        JsonNode declared = bootstrap.path("replicates");
        if (!declared.isIntegralNumber() || declared.asLong() < 1) {
            return "the " + role + "'s bootstrap declares no replicate count (bootstrap.replicates: " + declared + ")";
        }
        if (samples.size() != declared.asLong()) {
            return "the " + role + "'s bootstrap declares " + declared.asLong() + " replicates but holds "
                    + samples.size() + " samples of " + metric + "; the document is incomplete";
        }
        return null;
    }

    /**
     * Compares {@code metric} of two evaluation documents (their top-level JSON) at confidence
     * {@code level} (e.g. 0.95).
     */
    public static Difference compare(JsonNode candidate, JsonNode baseline, String metric, double level) {
        Objects.requireNonNull(metric, "metric");
        JsonNode candidateBootstrap = candidate.path("bootstrap");
        JsonNode baselineBootstrap = baseline.path("bootstrap");
        if (!candidateBootstrap.isObject() || !baselineBootstrap.isObject()) {
            return none(metric, "both evaluations need --bootstrap for a paired comparison");
        }
        for (String field : PAIRING) {
            if (!candidateBootstrap.path(field).equals(baselineBootstrap.path(field))) {
                return none(metric, "the evaluations were not resampled alike (bootstrap." + field + " differs: "
                        + candidateBootstrap.path(field) + " vs " + baselineBootstrap.path(field)
                        + "); evaluate the same rows with the same --bootstrap, --seed and --id");
            }
        }
        JsonNode candidateValue = candidate.path("metrics").path(metric);
        JsonNode baselineValue = baseline.path("metrics").path(metric);
        JsonNode candidateSamples = candidateBootstrap.path("samples").path(metric);
        JsonNode baselineSamples = baselineBootstrap.path("samples").path(metric);
        if (!candidateValue.isNumber() || !baselineValue.isNumber()
                || !candidateSamples.isArray() || !baselineSamples.isArray()) {
            return none(metric, metric + " is not in both evaluations (or has no bootstrap samples)");
        }
        String count = sampleCountProblem(metric, candidateBootstrap, candidateSamples, "candidate");
        if (count == null) {
            count = sampleCountProblem(metric, baselineBootstrap, baselineSamples, "baseline");
        }
        if (count != null) {
            return none(metric, count);
        }
        int n = Math.min(candidateSamples.size(), baselineSamples.size());
        double[] differences = new double[n];
        int paired = 0;
        for (int r = 0; r < n; r++) {
            JsonNode c = candidateSamples.get(r);
            JsonNode b = baselineSamples.get(r);
            if (c.isNumber() && b.isNumber()) {
                differences[paired++] = c.asDouble() - b.asDouble();
            }
        }
        if (paired == 0) {
            return none(metric, metric + " is undefined in every bootstrap replicate");
        }
        int needed = minimumReplicates(level);
        if (paired < needed) {
            return none(metric, "only " + paired + " paired replicates of " + metric + "; a " + Math.round(level * 1000) / 10.0
                    + "% interval needs at least " + needed + " (" + MIN_TAIL + " beyond each end); evaluate with a larger --bootstrap");
        }
        PercentileInterval interval = PercentileInterval.of(Arrays.copyOf(differences, paired), level);
        return new Difference(metric, candidateValue.asDouble() - baselineValue.asDouble(), interval, paired, null);
    }

    private static Difference none(String metric, String reason) {
        return new Difference(metric, null, null, 0, reason);
    }
}
