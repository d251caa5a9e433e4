package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A dataset as SQL: a FROM expression in some engine, its column names, and for each column the
 * checks care about, an expression of its typed value and one that holds the raw text of values
 * that did not parse (so a bad value is reported with its row, never silently becomes null).
 */
public final class DataTable {
    /**
     * @param name        column name in the data
     * @param type        the type it is checked and profiled as
     * @param value       SQL of the typed value (NULL for a null or unparseable value)
     * @param invalidText SQL of the raw text when it did not parse as {@code type}, else NULL; null when
     *                    the source's own type already is {@code type}
     */
    public record Column(String name, ColumnType type, String value, String invalidText) {
    }

    private final String source;
    private final QueryRunner runner;
    private final SqlDialect dialect;
    private final String from;
    private final String sampleFrom;
    private final List<String> columnNames;
    private final Map<String, Column> columns;
    private final String rowNumber;
    private final String fileName;
    private final Map<String, Object> memo = new HashMap<>();

    /**
     * @param sampleFrom FROM expression in which {@code rowNumber} and {@code fileName} are defined
     * @param rowNumber SQL of the 1-based data row number within its file, or null when the source has no row order
     * @param fileName  SQL of the file a row came from when several files are read, else null
     */
    public DataTable(String source, Connection connection, SqlDialect dialect, String from, String sampleFrom,
            List<String> columnNames, List<Column> columns, String rowNumber, String fileName) {
        this(source, QueryRunner.of(connection), dialect, from, sampleFrom, columnNames, columns, rowNumber, fileName);
    }

    DataTable(String source, QueryRunner runner, SqlDialect dialect, String from, String sampleFrom,
            List<String> columnNames, List<Column> columns, String rowNumber, String fileName) {
        this.source = source;
        this.runner = runner;
        this.dialect = dialect;
        this.from = from;
        this.sampleFrom = sampleFrom;
        this.columnNames = List.copyOf(columnNames);
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        this.columns = byName;
        this.rowNumber = rowNumber;
        this.fileName = fileName;
    }

    public String source() {
        return source;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public String from() {
        return from;
    }

    /** The FROM expression for queries that select row numbers. */
    public String sampleFrom() {
        return sampleFrom;
    }

    /** All column names of the data, in order. */
    public List<String> columnNames() {
        return columnNames;
    }

    /** The typed columns (those planned for checks/profiles). */
    public List<Column> columns() {
        return List.copyOf(columns.values());
    }

    public Column column(String name) {
        return columns.get(name);
    }

    public Set<String> typedColumnNames() {
        return columns.keySet();
    }

    /** SQL of the row number, or null when the source has no rows in order (a database table). */
    public String rowNumber() {
        return rowNumber;
    }

    public String fileName() {
        return fileName;
    }

    /** Runs a query and hands each row to {@code handler}; engine errors become bad input naming the source. */
    public void query(String sql, RowHandler handler) {
        long start = System.nanoTime();
        try {
            runner.query(sql, handler);
        } catch (SQLException e) {
            throw DataErrors.describe(source, e);
        } finally {
            SqlTrace.log(start, sql);
        }
    }

    /** Runs a query that returns exactly one row. */
    public <T> T queryOne(String sql, RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>(1);
        query(sql, rs -> rows.add(mapper.map(rs)));
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row from " + sql);
        }
        return rows.get(0);
    }

    /**
     * The result of an aggregate computed once per table and key: the report and the drift check both need,
     * for instance, a column's category counts, and the data does not change during a run.
     */
    @SuppressWarnings("unchecked")
    <T> T memo(String key, Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** True when both tables live in the same database connection (or Spark session), so one query can read both. */
    public boolean sameConnection(DataTable other) {
        return runner.equals(other.runner);
    }

    public long rowCount() {
        return queryOne("SELECT COUNT(*) FROM " + from, rs -> rs.getLong(1));
    }

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Maps one row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static BadInputException unknownColumn(String source, String name) {
        return new BadInputException(source + ": no column '" + name + "'");
    }
}
