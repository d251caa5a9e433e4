package io.jenkins.plugins.mlcicd.data;

import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Files as SQL tables through embedded DuckDB: the one place that knows how a CSV, Parquet or
 * JSON Lines file (or a glob of them) becomes a {@code FROM} expression.
 */
public final class FileTables {
    /** File formats DuckDB reads for us, chosen by extension. */
    public enum Format {
        CSV, PARQUET, JSON_LINES;

        public static Format of(String path) {
            String name = path.toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz") || name.endsWith(".zst")) {
                name = name.substring(0, name.lastIndexOf('.'));
            }
            if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
                return CSV;
            }
            if (name.endsWith(".parquet") || name.endsWith(".pq")) {
                return PARQUET;
            }
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
                return JSON_LINES;
            }
            throw new BadInputException(path + ": unknown file type (expected .csv, .tsv, .parquet, .jsonl or .json)");
        }
    }

    private FileTables() {
    }

    /** A fresh in-memory DuckDB database; close it when done. */
    public static Connection openDuckDb() {
        try {
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start embedded DuckDB: " + e.getMessage(), e);
        }
    }

    /**
     * The table function that scans {@code path}: a file, a glob ({@code data/*.parquet}) or a
     * directory (all files of the format of its first file). Fails with a clear message when
     * nothing matches.
     */
    public static String scan(Path path) {
        String location = path.toString();
        if (Files.isDirectory(path)) {
            location = directoryGlob(path);
        } else if (!isGlob(location) && !Files.exists(path)) {
            throw new BadInputException(location + ": file not found");
        }
        String literal = sqlString(location);
        return switch (Format.of(location)) {
            case CSV -> "read_csv(" + literal + ", header = true, auto_detect = true)";
            case PARQUET -> "read_parquet(" + literal + ")";
            case JSON_LINES -> "read_json(" + literal + ", format = 'newline_delimited')";
        };
    }

    private static String directoryGlob(Path dir) {
        try (var files = Files.list(dir)) {
            Path first = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> new BadInputException(dir + ": directory holds no data files"));
            String name = first.getFileName().toString();
            return dir.resolve("*" + name.substring(name.indexOf('.'))).toString();
        } catch (java.io.IOException e) {
            throw new BadInputException(dir + ": cannot list directory: " + e.getMessage(), e);
        }
    }

    static boolean isGlob(String location) {
        return location.indexOf('*') >= 0 || location.indexOf('?') >= 0 || location.indexOf('[') >= 0;
    }

    /** A SQL string literal with embedded quotes doubled. */
    public static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A SQL identifier, double-quoted, for column names that come from users or files. */
    public static String sqlIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
