package io.jenkins.plugins.mlcicd.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a {@link DataTable}'s SQL runs: a JDBC connection (DuckDB, PostgreSQL) or a Spark Connect session.
 * The checks read results through {@link ResultSet} either way, so the plan is written once.
 */
interface QueryRunner {
    /** Runs {@code sql} and hands each row to {@code handler}. */
    void query(String sql, DataTable.RowHandler handler) throws SQLException;

    /** A JDBC connection. */
    static QueryRunner of(Connection connection) {
        return new Jdbc(connection);
    }

    /** Equal for the same connection: {@link DataTable#sameConnection} compares runners. */
    record Jdbc(Connection connection) implements QueryRunner {
        @Override
        public void query(String sql, DataTable.RowHandler handler) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
