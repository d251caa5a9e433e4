package io.jenkins.plugins.mlcicd.data;

import java.sql.ResultSet;
import java.sql.SQLException;

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
     * The bin index of {@code value} on {@code edges} (number of edges ≤ x) as one CASE chain with early
     * exit (measured faster in DuckDB than a branch-free sum of comparisons); NULL for a NULL value.
     */
    static String binIndex(SqlDialect dialect, String value, double[] edges) {
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(value).append(" IS NULL THEN NULL");
        for (int i = 0; i < edges.length; i++) {
            sql.append(" WHEN ").append(value).append(" < ").append(dialect.number(edges[i])).append(" THEN ").append(i);
        }
        return sql.append(" ELSE ").append(edges.length).append(" END").toString();
    }

    /** A nullable double column. */
    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
