package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.stats.PercentileInterval;
import java.util.Map;

/**
 * Poisson-bootstrap confidence for the overall metrics.
 *
 * @param replicates          number of replicates
 * @param seed                seed of the row weights
 * @param rowKey              what keys a row's weights: {@code id:<column>} or {@code row-number}
 * @param keyDigest           order-independent digest of the evaluated rows' keys; equal digests (and
 *                            equal seed, replicates, rowKey) mean two evaluations resampled the same rows
 *                            identically, so their replicate values pair up
 * @param intervals           per metric, the percentile interval
 * @param samples             per metric, the value in each replicate (NaN where undefined in that replicate)
 * @param undefinedReplicates per metric, how many replicates could not compute it
 */
public record BootstrapResult(
        int replicates,
        long seed,
        String rowKey,
        String keyDigest,
        Map<String, PercentileInterval> intervals,
        Map<String, double[]> samples,
        Map<String, Integer> undefinedReplicates) {

    public static final double LEVEL = 0.95;
}
