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

    /**
     * Queries that read many columns at once (counts, aggregates, histograms) take at most this many: DuckDB's planning
     * time and per-expression state grow faster than the statement (the profile's aggregates of 500 columns ran 3x faster
     * as five statements of 100 than as one), so a statement per batch keeps each bounded and the total linear.
     */
    public static final int BATCH_COLUMNS = 100;

    /**
     * A file wider than this is stored in parts of this many columns, each loaded by a scan that reads only its columns
     * ({@link Part}); measured on 10,000 columns: 500 is as fast as 250 or 1,000, and one scan of all 10,000 CSV columns
     * alone needs more than DuckDB's 1 GB default memory limit.
     */
    public static final int PART_COLUMNS = 500;

    /**
     * One relation holding some typed columns, all of them unless the data is wider than {@link #PART_COLUMNS}:
     * a query on a relation costs time in proportion to its width, so a per-column query on one 10,000-column
     * table would make the whole run quadratic. Every part has the same rows in the same order.
     *
     * @param from       its FROM expression
     * @param sampleFrom its FROM expression in which the row number and file name are defined
     * @param columns    the typed columns it holds
     */
    public record Part(String from, String sampleFrom, List<Column> columns) {
        public Part {
            columns = List.copyOf(columns);
        }
    }

    private final String source;
    private final QueryRunner runner;
    private final SqlDialect dialect;
    private final String from;
    private final String sampleFrom;
    private final List<String> columnNames;
    private final Set<String> columnNameSet;
    private final Map<String, Column> columns;
    private final Map<String, Part> partOf = new HashMap<>();
    private final List<Part> parts;
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
        this(source, runner, dialect, columnNames, List.of(new Part(from, sampleFrom, columns)), rowNumber, fileName);
    }

    /** A table stored as several parts (relations) with the same rows; the first one is the table's {@link #from()}. */
    public DataTable(String source, Connection connection, SqlDialect dialect, List<String> columnNames, List<Part> parts,
            String rowNumber, String fileName) {
        this(source, QueryRunner.of(connection), dialect, columnNames, parts, rowNumber, fileName);
    }

    DataTable(String source, QueryRunner runner, SqlDialect dialect, List<String> columnNames, List<Part> parts,
            String rowNumber, String fileName) {
        this.source = source;
        this.runner = runner;
        this.dialect = dialect;
        this.parts = List.copyOf(parts);
        this.from = this.parts.get(0).from();
        this.sampleFrom = this.parts.get(0).sampleFrom();
        this.columnNames = List.copyOf(columnNames);
        this.columnNameSet = Set.copyOf(columnNames);
        Map<String, Column> byName = new LinkedHashMap<>();
        for (Part part : this.parts) {
            for (Column c : part.columns()) {
                byName.put(c.name(), c);
                partOf.put(c.name(), part);
            }
        }
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

    /** The FROM expression of the table's rows; it holds every typed column only when {@link #parts()} has one part. */
    public String from() {
        return from;
    }

    /** The FROM expression for queries that select row numbers. */
    public String sampleFrom() {
        return sampleFrom;
    }

    /** The FROM expression that holds {@code column}. */
    public String from(Column column) {
        Part part = partOf.get(column.name());
        return part == null ? from : part.from();
    }

    /** The FROM expression that holds {@code column} and in which row numbers are defined. */
    public String sampleFrom(Column column) {
        Part part = partOf.get(column.name());
        return part == null ? sampleFrom : part.sampleFrom();
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * {@code columns} in batches that one query can read: columns of the same part, at most {@link #BATCH_COLUMNS}
     * each, in the given order within a batch.
     */
    public List<List<Column>> batches(List<Column> columns) {
        Map<String, List<Column>> byPart = new LinkedHashMap<>();
        for (Column c : columns) {
            byPart.computeIfAbsent(from(c), k -> new ArrayList<>()).add(c);
        }
        List<List<Column>> batches = new ArrayList<>();
        for (List<Column> group : byPart.values()) {
            for (int i = 0; i < group.size(); i += BATCH_COLUMNS) {
                batches.add(group.subList(i, Math.min(group.size(), i + BATCH_COLUMNS)));
            }
        }
        return batches;
    }

    /** Whether the data has a column of this name (typed or not). */
    public boolean hasColumn(String name) {
        return columnNameSet.contains(name);
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
