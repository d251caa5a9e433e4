package io.jenkins.plugins.mlcicd.stats;

/**
 * Poisson bootstrap weights: in replicate {@code r}, the row with key {@code k} occurs
 * Poisson(1)-many times, drawn from a counter-based generator keyed by (seed, r, k). Unlike
 * drawing n indices, a row's weight depends on nothing but its key, so two evaluations of the same
 * rows (same keys, same seed) resample identically whatever the row order — the basis of paired
 * bootstrap comparisons — and replicates can be computed in any order or in parallel.
 */
public final class PoissonBootstrap {
    /** P(X ≤ m) for X ~ Poisson(1), m = 0..; the tail beyond the last entry is below 1e-17. */
    private static final double[] CUMULATIVE;

    static {
        double[] cumulative = new double[20];
        double term = Math.exp(-1);
        double total = 0;
        for (int m = 0; m < cumulative.length; m++) {
            total += term;
            cumulative[m] = total;
            term /= m + 1;
        }
        CUMULATIVE = cumulative;
    }

    private PoissonBootstrap() {
    }

    /** How often the row with {@code key} occurs in replicate {@code replicate} of bootstrap {@code seed}. */
    public static int weight(long seed, int replicate, long key) {
        return draw(stream(seed, replicate), key);
    }

    private static long stream(long seed, int replicate) {
        return mix(mix(seed) ^ replicate);
    }

    private static int draw(long stream, long key) {
        long h = mix(stream ^ key);
        double u = (h >>> 11) * 0x1.0p-53;
        int m = 0;
        while (m < CUMULATIVE.length && u >= CUMULATIVE[m]) {
            m++;
        }
        return m;
    }

    /** Fills {@code weights[i]} with the weight of {@code keys[i]}. */
    public static void weights(long seed, int replicate, long[] keys, byte[] weights) {
        long stream = stream(seed, replicate);
        for (int i = 0; i < keys.length; i++) {
            weights[i] = (byte) draw(stream, keys[i]);
        }
    }

    /** A well-mixed hash of a row key, e.g. for order-independent digests of key sets. */
    public static long keyHash(long key) {
        return mix(key ^ 0x9e3779b97f4a7c15L);
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
