package io.jenkins.plugins.mlcicd.data;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bin counts through DuckDB's {@code histogram(x, boundaries)} aggregate, which finds a value's bin by
 * binary search and is several times faster on large tables than a CASE chain. DuckDB puts x into the
 * first bucket whose boundary is ≥ x (and larger values into an overflow bucket); our bins are
 * half-open the other way (bin index = number of edges ≤ x). For doubles {@code x < e} is exactly
 * {@code x ≤ nextDown(e)}, so the boundaries are the distinct edges stepped one ulp down, and the bin
 * between two equal edges, which no value can fall into, is filled in with zero.
 */
final class BoundaryHistogram {
    private final double[] edges;
    private final double[] boundaries;
    /** For each DuckDB bucket (the last is the overflow), the bin index on the original edges. */
    private final int[] binOfBucket;

    private BoundaryHistogram(double[] edges, double[] boundaries, int[] binOfBucket) {
        this.edges = edges;
        this.boundaries = boundaries;
        this.binOfBucket = binOfBucket;
    }

    /**
     * The plan for {@code edges}, or null when the edges are not finite and ascending (or stepping an
     * edge down leaves the finite doubles), where the caller keeps its portable CASE chain.
     */
    static BoundaryHistogram of(double[] edges) {
        List<Double> distinct = new ArrayList<>();
        List<Integer> bins = new ArrayList<>();
        bins.add(0);
        for (int i = 0; i < edges.length; i++) {
            double e = edges[i];
            if (!Double.isFinite(e) || !Double.isFinite(Math.nextDown(e)) || i > 0 && e < edges[i - 1]) {
                return null;
            }
            if (i + 1 < edges.length && edges[i + 1] == e) {
                continue; // the last of equal edges opens the next non-empty bin
            }
            distinct.add(Math.nextDown(e));
            bins.add(i + 1);
        }
        return new BoundaryHistogram(edges.clone(), distinct.stream().mapToDouble(Double::doubleValue).toArray(),
                bins.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The aggregate over {@code value} (a DOUBLE expression; NULLs are not counted). */
    String aggregate(SqlDialect dialect, String value) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < boundaries.length; i++) {
            // From text: DuckDB parses a double's shortest decimal form exactly, a numeric literal goes through DECIMAL.
            list.append(i > 0 ? ", " : "").append(dialect.string(Double.toString(boundaries[i])));
        }
        return "histogram(" + value + ", CAST(" + list.append("] AS DOUBLE[]))");
    }

    /** The counts in the {@code edges.length + 1} bins from the key and count lists at {@code column}, {@code column + 1}. */
    long[] counts(ResultSet rs, int column) throws SQLException {
        long[] out = new long[edges.length + 1];
        Array keys = rs.getArray(column);
        Array counts = rs.getArray(column + 1);
        if (keys == null || counts == null) {
            return out; // no non-null value at all
        }
        Object[] k = (Object[]) keys.getArray();
        Object[] n = (Object[]) counts.getArray();
        // One bucket per boundary in the given (ascending) order, then the overflow bucket when it is not empty.
        if (k.length != n.length || k.length < boundaries.length || k.length > boundaries.length + 1) {
            throw new IllegalStateException(k.length + " histogram buckets for " + boundaries.length + " boundaries");
        }
        for (int i = 0; i < k.length; i++) {
            out[binOfBucket[i]] += ((Number) n[i]).longValue();
        }
        return out;
    }
}
