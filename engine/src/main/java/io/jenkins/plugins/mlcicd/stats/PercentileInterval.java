package io.jenkins.plugins.mlcicd.stats;

import java.util.Arrays;

/**
 * A bootstrap percentile interval: the (1−level)/2 and (1+level)/2 quantiles (numpy 'linear') of
 * the replicate values.
 *
 * @param lower lower bound
 * @param upper upper bound
 * @param level coverage, e.g. 0.95
 */
public record PercentileInterval(double lower, double upper, double level) {
    /**
     * @throws IllegalArgumentException for no replicates, a NaN replicate or a level outside (0, 1)
     */
    public static PercentileInterval of(double[] replicates, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval level must be in (0, 1), was " + level);
        }
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        if (sorted.length > 0 && Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("NaN among bootstrap replicates");
        }
        double tail = (1 - level) / 2;
        return new PercentileInterval(Quantiles.ofSorted(sorted, tail), Quantiles.ofSorted(sorted, 1 - tail), level);
    }
}
