package io.jenkins.plugins.mlcicd.stats;

import java.util.Arrays;

/**
 * Binning on fixed edges, the convention of the binned drift measures: with edges e₀ ≤ … ≤ e_{k−1}
 * there are k + 1 bins and a value's bin index is the number of edges ≤ x, so the first and last
 * bins are open-ended and a value equal to an edge falls into the bin above it.
 */
public final class Histograms {
    private Histograms() {
    }

    /** Number of edges ≤ x (edges ascending); NaN has no bin and is refused. */
    public static int binIndex(double[] edges, double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("NaN has no bin");
        }
        int low = 0;
        int high = edges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (edges[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Counts of {@code values} in the {@code edges.length + 1} bins; NaN values are skipped. */
    public static long[] counts(double[] values, double[] edges) {
        checkAscending(edges);
        long[] counts = new long[edges.length + 1];
        for (double x : values) {
            if (!Double.isNaN(x)) {
                counts[binIndex(edges, x)]++;
            }
        }
        return counts;
    }

    /** The reference's deciles (numpy 'linear'), the edges of the 10 drift bins. */
    public static double[] decileEdges(double[] referenceValues) {
        double[] sorted = Arrays.stream(referenceValues).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return Quantiles.ofSorted(sorted, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
    }

    static void checkAscending(double[] edges) {
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i - 1] <= edges[i])) {
                throw new IllegalArgumentException("bin edges must be ascending");
            }
        }
    }
}
