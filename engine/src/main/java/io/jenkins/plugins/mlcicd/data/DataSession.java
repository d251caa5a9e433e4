package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.output.ShutdownCleanup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens datasets for one validation, profile or skew run and cleans up after it. Files are read once
 * by DuckDB into a typed table of an in-memory work database: later queries scan typed columns
 * instead of re-parsing text, DuckDB's memory stays within its limit (it spills to a temporary directory),
 * the Java heap holds aggregates only, and the table's row ids are the rows' order in the file.
 * Database sources are never copied; their SQL runs in the database.
 */
public final class DataSession implements AutoCloseable {
    /** Environment variable: DuckDB's memory limit (e.g. {@code 2GB}); 1GB by default. */
    public static final String MEMORY_LIMIT_ENV = "MLCICD_DUCKDB_MEMORY_LIMIT";
    /** Environment variable: DuckDB's worker threads; all processors by default. */
    public static final String THREADS_ENV = "MLCICD_DUCKDB_THREADS";

    private final Map<String, String> environment;
    private final List<Connection> databases = new ArrayList<>();
    /** One Spark session per URL, so a reference and the data it is compared with are read in one engine. */
    private final Map<String, SparkConnection> sparks = new java.util.LinkedHashMap<>();
    private Path workDir;
    private Connection duckDb;
    private ShutdownCleanup.Registration workDirCleanup;

    public DataSession() {
        this(System.getenv());
    }

    /** @param environment where JDBC credentials and DuckDB settings are looked up */
    public DataSession(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Opens a dataset as table {@code alias}, typed as {@code plan} says; a wide file is stored in parts
     * ({@link DataTable.Part}), so queries must take their FROM from {@link DataTable#from(DataTable.Column)}.
     */
    public DataTable open(DataSource source, String alias, TypePlan plan) {
        if (source instanceof DataSource.Files files) {
            return openFiles(files, alias, plan, true);
        }
        if (source instanceof DataSource.Spark spark) {
            return SparkTables.open(spark(spark), spark, alias, plan);
        }
        return openJdbc((DataSource.Jdbc) source, plan);
    }

    /** {@link #open} as one relation however wide, for queries that join whole rows ({@link DataTable#from()}). */
    public DataTable openWhole(DataSource source, String alias, TypePlan plan) {
        if (source instanceof DataSource.Files files) {
            return openFiles(files, alias, plan, false);
        }
        if (source instanceof DataSource.Spark spark) {
            return SparkTables.open(spark(spark), spark, alias, plan);
        }
        return openJdbc((DataSource.Jdbc) source, plan);
    }

    /** The embedded DuckDB work database (created on first use). */
    public Connection duckDb() {
        if (duckDb == null) {
            try {
                workDir = Files.createTempDirectory("mlcicd-data-");
                // SIGINT/SIGTERM run no finally blocks: the work directory (and DuckDB's spill files) must not stay behind
                Path created = workDir;
                workDirCleanup = ShutdownCleanup.register(() -> deleteTree(created));
                // In-memory: several times faster to load than a database file; beyond memory_limit DuckDB
                // offloads blocks to temp_directory, so large files still fit.
                duckDb = DriverManager.getConnection("jdbc:duckdb:");
                try (Statement st = duckDb.createStatement()) {
                    st.execute("SET memory_limit = " + FileTables.sqlString(environment.getOrDefault(MEMORY_LIMIT_ENV, "1GB")));
                    st.execute("SET temp_directory = " + FileTables.sqlString(workDir.resolve("spill").toString()));
                    st.execute("SET preserve_insertion_order = true");
                    String threads = environment.get(THREADS_ENV);
                    if (threads != null) {
                        st.execute("SET threads = " + Integer.parseInt(threads.strip()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary work directory: " + e.getMessage(), e);
            } catch (SQLException | NumberFormatException e) {
                throw new BadInputException("cannot start embedded DuckDB: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        return duckDb;
    }

    private DataTable openFiles(DataSource.Files source, String alias, TypePlan plan, boolean splittable) {
        Connection db = duckDb();
        String location = FileTables.location(source.path());
        List<Path> files = FileTables.files(db, location);
        boolean several = files.size() > 1;
        FileTables.Format format = FileTables.Format.of(location);
        String describedAs = source.path().toString();
        String scan;
        List<SourceColumn> columns;
        if (format == FileTables.Format.CSV) {
            List<String> names = FileTables.csvHeader(files.get(0), source.csv());
            for (Path other : files.subList(1, files.size())) {
                if (!FileTables.csvHeader(other, source.csv()).equals(names)) {
                    throw new BadInputException(other + ": header differs from " + files.get(0));
                }
            }
            scan = FileTables.csvScan(location, source.csv(), names, several);
            List<ColumnType> guessed = sniffTypes(db, location, source.csv(), names.size());
            columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                columns.add(new SourceColumn(names.get(i), "VARCHAR", guessed.get(i), true));
            }
        } else {
            scan = FileTables.nativeScan(location, several);
            columns = describe(db, describedAs, scan, several);
        }
        Map<String, ColumnType> types = plan.plan(columns);
        List<SourceColumn> planned = columns.stream().filter(c -> types.containsKey(c.name())).toList();
        // A wide table is stored in parts of at most PART_COLUMNS columns, each loaded by its own scan that reads only its
        // columns: one scan of 10,000 CSV columns alone exceeds DuckDB's memory limit, and a query on a relation costs time
        // in proportion to its width (DataTable.Part).
        int size = splittable ? DataTable.PART_COLUMNS : Math.max(1, planned.size());
        boolean split = planned.size() > size;
        List<DataTable.Part> parts = new ArrayList<>();
        int first = 0;
        do {
            List<SourceColumn> slice = planned.subList(first, Math.min(planned.size(), first + size));
            String name = split ? alias + "__part" + parts.size() : alias;
            parts.add(loadPart(db, describedAs, scan, several, name, slice, types, first));
            first += size;
        } while (first < planned.size());
        return new DataTable(describedAs, db, DuckDbDialect.INSTANCE, columns.stream().map(SourceColumn::name).toList(), parts,
                several ? "__row" : "(rowid + 1)", several ? "__file" : null);
    }

    /** Loads {@code columns} (the {@code first}-th planned column onwards) from {@code scan} into table {@code name}. */
    private static DataTable.Part loadPart(Connection db, String describedAs, String scan, boolean several, String name,
            List<SourceColumn> columns, Map<String, ColumnType> types, int first) {
        List<DataTable.Column> typed = new ArrayList<>();
        // Each value is parsed once, below; the raw text of values that did not parse goes into one list column
        // that is NULL on rows where everything parsed: one column per typed column would hold mostly NULLs and,
        // stored, cost as much memory as the data itself.
        List<String> inner = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        List<String> anyInvalid = new ArrayList<>();
        List<String> invalidTexts = new ArrayList<>();
        if (several) {
            inner.add("filename AS __file");
            outer.add("__file");
        }
        int index = first;
        for (SourceColumn column : columns) {
            ColumnType type = types.get(column.name());
            Expressions e = expressions(DuckDbDialect.INSTANCE, column, type);
            String value = "__v" + index;
            String valueName = "__c" + index;
            inner.add(e.value() + " AS " + value);
            outer.add(value + " AS " + valueName);
            String invalidName = null;
            if (e.text() != null) {
                String text = "__t" + index;
                inner.add(e.text() + " AS " + text);
                anyInvalid.add("(" + text + " IS NOT NULL AND " + value + " IS NULL)");
                invalidTexts.add(Expressions.invalid(value, text));
                invalidName = "__bad[" + invalidTexts.size() + "]";
            }
            typed.add(new DataTable.Column(column.name(), type, valueName, invalidName));
            index++;
        }
        if (!invalidTexts.isEmpty()) {
            outer.add("CASE WHEN " + String.join(" OR ", anyInvalid) + " THEN [" + String.join(", ", invalidTexts)
                    + "] END AS __bad");
        }
        if (outer.isEmpty()) {
            inner.add("1 AS __none");
            outer.add("__none");
        }
        String select = "SELECT " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", inner) + " FROM " + scan + ") s";
        String table = DuckDbDialect.INSTANCE.identifier(name);
        execute(db, describedAs, "CREATE OR REPLACE TABLE " + table + " AS " + select);
        String sampleFrom = table;
        if (several) {
            String view = DuckDbDialect.INSTANCE.identifier(name + "_rows");
            execute(db, describedAs, "CREATE OR REPLACE VIEW " + view + " AS SELECT t.*, t.rowid - f.first_row + 1 AS __row"
                    + " FROM " + table + " t JOIN (SELECT __file, min(rowid) AS first_row FROM " + table
                    + " GROUP BY __file) f USING (__file)");
            sampleFrom = view;
        }
        return new DataTable.Part(table, sampleFrom, typed);
    }

    private DataTable openJdbc(DataSource.Jdbc source, TypePlan plan) {
        Connection connection = JdbcTables.connect(source, environment);
        databases.add(connection);
        SqlDialect dialect = JdbcTables.dialectFor(source.url());
        String from = JdbcTables.from(source, dialect);
        List<SourceColumn> columns = JdbcTables.describe(connection, source.describe(), from);
        Map<String, ColumnType> types = plan.plan(columns);
        List<DataTable.Column> typed = new ArrayList<>();
        for (SourceColumn column : columns) {
            ColumnType type = types.get(column.name());
            if (type != null) {
                Expressions e = expressions(dialect, column, type);
                typed.add(new DataTable.Column(column.name(), type, e.value(),
                        e.text() == null ? null : Expressions.invalid(e.value(), e.text())));
            }
        }
        return new DataTable(source.describe(), connection, dialect, from, from,
                columns.stream().map(SourceColumn::name).toList(), typed, null, null);
    }

    /** The Spark session for {@code source}'s URL and token (opened on first use). */
    SparkConnection spark(DataSource.Spark source) {
        String key = source.url() + "\n" + source.tokenEnv();
        SparkConnection connection = sparks.get(key);
        if (connection == null) {
            connection = SparkConnection.open(source, environment);
            sparks.put(key, connection);
        }
        return connection;
    }

    /**
     * The typed value of a source column, and its text when a value may fail to parse (null when the source's
     * own type already is the wanted one).
     */
    record Expressions(String value, String text) {
        /** The raw text of a value that did not parse, else NULL. */
        static String invalid(String value, String text) {
            return "CASE WHEN " + text + " IS NOT NULL AND (" + value + ") IS NULL THEN " + text + " END";
        }
    }

    static Expressions expressions(SqlDialect dialect, SourceColumn column, ColumnType type) {
        String raw = dialect.identifier(column.name());
        if (!column.text() && compatible(column.inferred(), type)) {
            String value = column.inferred() == type ? raw : "CAST(" + raw + " AS " + dialect.typeName(type) + ")";
            return new Expressions(value, null);
        }
        String text = column.text() ? raw : dialect.toText(raw);
        if (type == ColumnType.STRING) {
            return new Expressions(text, null);
        }
        return new Expressions(dialect.parse(text, type), text);
    }

    private static boolean compatible(ColumnType source, ColumnType wanted) {
        return source == wanted || source == ColumnType.INTEGER && wanted == ColumnType.DOUBLE
                || source == ColumnType.DATE && wanted == ColumnType.TIMESTAMP;
    }

    private static List<ColumnType> sniffTypes(Connection db, String location, CsvOptions options, int count) {
        List<ColumnType> types = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + FileTables.csvSniffScan(location, options))) {
            while (rs.next()) {
                types.add(ColumnType.fromSqlType(rs.getString("column_type")));
            }
        } catch (SQLException e) {
            // The sniffer gave up (e.g. on a ragged file); the strict scan will report the real problem.
            types.clear();
        }
        if (types.size() != count) {
            types.clear();
            for (int i = 0; i < count; i++) {
                types.add(ColumnType.STRING);
            }
        }
        return types;
    }

    private static List<SourceColumn> describe(Connection db, String source, String scan, boolean withFileName) {
        List<SourceColumn> columns = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + scan)) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                if (withFileName && name.equals("filename")) {
                    continue;
                }
                String type = rs.getString("column_type");
                ColumnType inferred = ColumnType.fromSqlType(type);
                boolean text = type.toUpperCase(Locale.ROOT).equals("VARCHAR");
                columns.add(new SourceColumn(name, type, inferred, text));
            }
        } catch (SQLException e) {
            throw DataErrors.describe(source, e);
        }
        return columns;
    }

    private static void execute(Connection db, String source, String sql) {
        long start = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute(sql);
            SqlTrace.log(start, sql);
        } catch (SQLException e) {
            throw DataErrors.describe(source, e);
        }
    }

    @Override
    public void close() {
        for (SparkConnection spark : sparks.values()) {
            spark.close();
        }
        sparks.clear();
        for (Connection c : databases) {
            closeQuietly(c);
        }
        databases.clear();
        if (duckDb != null) {
            closeQuietly(duckDb);
            duckDb = null;
        }
        if (workDir != null) {
            deleteTree(workDir);
            workDir = null;
            workDirCleanup.close();
            workDirCleanup = null;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is not worth failing a finished run for.
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after the work is done; nothing to recover
        }
    }
}
