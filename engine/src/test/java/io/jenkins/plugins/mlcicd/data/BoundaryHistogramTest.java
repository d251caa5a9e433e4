package io.jenkins.plugins.mlcicd.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlcicd.stats.Histograms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DuckDB's histogram(x, boundaries) must bin exactly as stats.Histograms (number of edges ≤ x). */
class BoundaryHistogramTest {
    private Connection db;

    @BeforeEach
    void open() {
        db = FileTables.openDuckDb();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private DataTable table(double[] x, double[] y) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE t (x DOUBLE, y DOUBLE)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < x.length; i++) {
                insert.setDouble(1, x[i]);
                insert.setDouble(2, y[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new DataTable("t", db, DuckDbDialect.INSTANCE, "t", "t", List.of("x", "y"),
                List.of(new DataTable.Column("x", ColumnType.DOUBLE, "x", null),
                        new DataTable.Column("y", ColumnType.DOUBLE, "y", null)), "(rowid + 1)", null);
    }

    private static double[] finite(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    @Test
    void binsValuesOnAndAroundEdgesLikeHistogramsCounts() throws Exception {
        double[] xEdges = {-1.5, 0.0, 0.0, 2.0, 2.0, 2.0, 100000.90000000001, 1e300};
        double[] yEdges = {7.19, 10.23, 13.2};
        Random random = new Random(7);
        List<Double> xs = new ArrayList<>();
        for (double e : xEdges) {
            xs.add(e);
            xs.add(Math.nextDown(e));
            xs.add(Math.nextUp(e));
        }
        xs.addAll(List.of(-0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -1e308, 1e308));
        for (int i = 0; i < 2000; i++) {
            xs.add(random.nextGaussian() * 3);
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3 == 0 ? yEdges[i % yEdges.length] : 5 + random.nextDouble() * 10;
        }
        DataTable t = table(x, y);
        Map<DataTable.Column, double[]> edges = new LinkedHashMap<>();
        edges.put(t.column("x"), xEdges);
        edges.put(t.column("y"), yEdges);

        Map<String, long[]> counts = Profiler.histograms(t, edges);

        assertThat(counts.keySet()).containsExactly("x", "y");
        assertThat(counts.get("x")).containsExactly(Histograms.counts(finite(x), xEdges));
        assertThat(counts.get("y")).containsExactly(Histograms.counts(y, yEdges));
        assertThat(Profiler.histogram(t, t.column("y"), yEdges)).containsExactly(Histograms.counts(y, yEdges));
    }

    @Test
    void edgesItCannotTakeFallBackToTheCaseChainWithTheSameBins() throws Exception {
        double[] x = {-Double.MAX_VALUE, -1, 0, 1, 5, Double.POSITIVE_INFINITY};
        DataTable t = table(x, x);
        double[] lowest = {-Double.MAX_VALUE, 1};
        assertThat(BoundaryHistogram.of(lowest)).isNull();
        assertThat(BoundaryHistogram.of(new double[] {2, 1})).isNull();
        assertThat(Profiler.histogram(t, t.column("x"), lowest)).containsExactly(Histograms.counts(x, lowest));
    }

    @Test
    void anEmptyOrAllNullColumnHasOnlyEmptyBins() throws Exception {
        DataTable empty = table(new double[0], new double[0]);
        assertThat(Profiler.histogram(empty, empty.column("x"), new double[] {1, 2})).containsExactly(0, 0, 0);
        DataTable nan = table(new double[] {Double.NaN}, new double[] {1});
        assertThat(Profiler.histogram(nan, nan.column("x"), new double[] {1, 2})).containsExactly(0, 0, 0);
    }
}
