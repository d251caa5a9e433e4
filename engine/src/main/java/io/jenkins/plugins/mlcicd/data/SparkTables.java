package io.jenkins.plugins.mlcicd.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tables, queries and files in a Spark cluster as {@link DataTable}s whose SQL runs in the cluster through a
 * {@link SparkConnection}; the counterpart of {@link JdbcTables} and of the DuckDB file loading in {@link DataSession}.
 */
final class SparkTables {
    private SparkTables() {
    }

    /**
     * A Spark table, query or path. A query and files become temporary views of the session; Parquet files also
     * get a view with each row's position in its file (Spark's {@code _metadata.row_index}), the row identity of
     * samples; a table has no row order, as in a database.
     */
    static DataTable open(SparkConnection spark, DataSource.Spark source, String alias, TypePlan plan) {
        SparkDialect dialect = SparkDialect.INSTANCE;
        String describedAs = source.describe();
        String view = "mlcicd_" + alias;
        String from;
        String sampleFrom;
        String rowNumber = null;
        String fileName = null;
        if (source.table() != null) {
            from = Arrays.stream(source.table().split("\\.")).map(dialect::identifier)
                    .collect(Collectors.joining("."));
            sampleFrom = from;
        } else if (source.query() != null) {
            String query = source.query().strip();
            from = spark.viewOfQuery(describedAs, view, query.endsWith(";") ? query.substring(0, query.length() - 1) : query);
            sampleFrom = from;
        } else {
            String format = sparkFormat(source.path());
            from = spark.viewOfFiles(describedAs, view, source.path(), format);
            sampleFrom = from;
            if (format.equals("parquet")) {
                sampleFrom = spark.viewOfParquetRows(describedAs, view + "_rows", source.path());
                rowNumber = "__row";
                fileName = severalFiles(source.path()) ? "__file" : null;
            }
        }
        List<SourceColumn> columns = spark.describe(describedAs, from);
        Map<String, ColumnType> types = plan.plan(columns);
        List<DataTable.Column> typed = new ArrayList<>();
        for (SourceColumn column : columns) {
            ColumnType type = types.get(column.name());
            if (type != null) {
                DataSession.Expressions e = DataSession.expressions(dialect, column, type);
                String value = e.value();
                if (e.text() == null && type.isNumeric() && value.equals(dialect.identifier(column.name()))
                        && !column.sqlType().equalsIgnoreCase(dialect.typeName(type))) {
                    // decimal, int, float: Spark keeps a decimal's AVG a decimal (rounded to its scale + 4) and an
                    // int's SUM an int; DuckDB's statistics are doubles, so are ours.
                    value = "CAST(" + value + " AS " + dialect.typeName(type) + ")";
                }
                typed.add(new DataTable.Column(column.name(), type, value,
                        e.text() == null ? null : DataSession.Expressions.invalid(value, e.text())));
            }
        }
        return new DataTable(describedAs, spark, dialect, from, sampleFrom,
                columns.stream().map(SourceColumn::name).toList(), typed, rowNumber, fileName);
    }

    /** Spark's reader for a path: by extension, Parquet for a directory or anything else. */
    static String sparkFormat(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (p.endsWith(".csv") || p.endsWith(".tsv") || p.endsWith(".csv.gz")) {
            return "csv";
        }
        if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) {
            return "json";
        }
        return "parquet";
    }

    /** A directory or glob: samples then name the file a row is in, as for DuckDB. */
    private static boolean severalFiles(String path) {
        if (path.contains("*") || path.contains("?") || path.contains("{") || path.endsWith("/")) {
            return true;
        }
        if (!path.contains("://")) {
            return Files.isDirectory(Path.of(path));
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

}
