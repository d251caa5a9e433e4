package io.jenkins.plugins.mlcicd.data;

import java.nio.file.Path;

/** Where a dataset lives: files read by embedded DuckDB, or a table/query in a database over JDBC. */
public sealed interface DataSource permits DataSource.Files, DataSource.Jdbc {
    /** For messages and reports; never contains credentials. */
    String describe();

    /**
     * A CSV, Parquet or JSON Lines file, a directory of them, or a glob.
     *
     * @param path the file, directory or glob
     * @param csv  how CSV files are written (ignored for other formats)
     */
    record Files(Path path, CsvOptions csv) implements DataSource {
        public Files(Path path) {
            this(path, CsvOptions.DEFAULT);
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A table or a query in a database. The user name and password are the named secrets given here
     * ({@code input.Secrets}: the run's secrets file, else the environment variable of that name),
     * never arguments, which other users of the machine can read.
     *
     * @param url         JDBC URL without credentials
     * @param table       table name (may be schema-qualified), or null when {@code query} is given
     * @param query       a SELECT, or null
     * @param userEnv     name of the secret (or environment variable) with the user name
     * @param passwordEnv name of the secret (or environment variable) with the password
     */
    record Jdbc(String url, String table, String query, String userEnv, String passwordEnv) implements DataSource {
        public static final String DEFAULT_USER_ENV = "MLCICD_JDBC_USER";
        public static final String DEFAULT_PASSWORD_ENV = "MLCICD_JDBC_PASSWORD";

        @Override
        public String describe() {
            String where = JdbcTables.redact(url);
            return table != null ? where + " table " + table : where + " query";
        }
    }
}
