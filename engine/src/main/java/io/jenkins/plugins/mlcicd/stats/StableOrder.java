package io.jenkins.plugins.mlcicd.stats;

/**
 * The permutation that sorts a {@code double[]} ascending, stable (equal values keep their index
 * order). Ranking metrics need both the order and the original position of tied values (ties are
 * broken by file order), so this is an LSD radix sort of the values' order-preserving bit patterns
 * carrying the index along: linear time, no boxing, deterministic.
 */
public final class StableOrder {
    private static final int DIGIT_BITS = 16;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private StableOrder() {
    }

    /**
     * Indices of {@code values} in ascending order of value, equal values in ascending index.
     * {@code -0.0} and {@code 0.0} are equal.
     *
     * @throws IllegalArgumentException when a value is NaN (it has no place in an order)
     */
    public static int[] ascending(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = sortableBits(values[i]);
            order[i] = i;
        }
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        int[] start = new int[BUCKETS];
        for (int shift = 0; shift < Long.SIZE; shift += DIGIT_BITS) {
            java.util.Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                start[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (n == 0 || start[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int position = 0;
            for (int d = 0; d < BUCKETS; d++) {
                int count = start[d];
                start[d] = position;
                position += count;
            }
            for (int i = 0; i < n; i++) {
                int p = start[(int) (keys[i] >>> shift) & (BUCKETS - 1)]++;
                keysOut[p] = keys[i];
                orderOut[p] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
        return order;
    }

    /** A long whose unsigned order is the order of the doubles (IEEE 754 total order, ±0 merged). */
    static long sortableBits(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("NaN cannot be ordered");
        }
        long bits = Double.doubleToRawLongBits(value == 0.0 ? 0.0 : value);
        // Negative numbers: flip all bits (larger magnitude sorts first); others: flip the sign bit.
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }
}
