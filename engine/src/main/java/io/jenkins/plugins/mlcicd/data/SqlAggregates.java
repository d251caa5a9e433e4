package io.jenkins.plugins.mlcicd.data;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL fragments the profiler, the validator and drift share, written once per concept. */
final class SqlAggregates {
    private SqlAggregates() {
    }

    /** Portable COUNT_IF: counts rows where the condition holds (0, never NULL). */
    static String countIf(String condition) {
        return "COUNT(CASE WHEN " + condition + " THEN 1 END)";
    }

    /** The column's numeric value with NaN turned into NULL, as a double (what statistics are computed on). */
    static String finite(SqlDialect dialect, DataTable.Column column) {
        String asDouble = column.type() == ColumnType.DOUBLE ? column.value()
                : "CAST(" + column.value() + " AS " + dialect.typeName(ColumnType.DOUBLE) + ")";
        if (column.type() != ColumnType.DOUBLE) {
            return asDouble;
        }
        return "CASE WHEN NOT " + dialect.isNaN(column.value()) + " THEN " + asDouble + " END";
    }

    /**
     * COUNT expressions of the {@code edges.length + 1} bins of {@code value}: bin i holds the values
     * with exactly i edges ≤ x (stats.Histograms' convention).
     */
    static List<String> binCounts(SqlDialect dialect, String value, double[] edges) {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i <= edges.length; i++) {
            String low = i == 0 ? null : value + " >= " + dialect.number(edges[i - 1]);
            String high = i == edges.length ? null : value + " < " + dialect.number(edges[i]);
            String condition = low == null ? high : high == null ? low : low + " AND " + high;
            counts.add(edges.length == 0 ? "COUNT(" + value + ")" : countIf(condition));
        }
        return counts;
    }

    /** A SQL array/list column as doubles; null when the value is NULL. */
    static double[] doubles(ResultSet rs, int column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return out;
    }

    /** A nullable double column. */
    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
