package io.jenkins.plugins.mlcicd.data;

import java.nio.file.Path;

/**
 * Where a dataset lives: files read by embedded DuckDB, a table/query in a database over JDBC, or a
 * table, query or path in a Spark cluster reached through Spark Connect.
 */
public sealed interface DataSource permits DataSource.Files, DataSource.Jdbc, DataSource.Spark {
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

    /**
     * A table, a query or files in a Spark cluster, reached through Spark Connect: the checks run there as
     * Spark SQL and only aggregates (and at most a few sample rows) come back. The token is a named secret
     * ({@code input.Secrets}), never part of the URL, which command lines and logs show.
     *
     * @param url      Spark Connect URL, {@code sc://host:port} (parameters such as {@code ;use_ssl=true} allowed, no token)
     * @param table    table name (may be catalog- and schema-qualified), or null
     * @param query    a Spark SQL SELECT, or null
     * @param path     files Spark reads (Parquet, CSV with a header, JSON Lines; a directory or glob; any
     *                 file system the cluster can read, e.g. {@code s3a://}), or null
     * @param tokenEnv name of the secret (or environment variable) holding the bearer token; absent = no token
     */
    record Spark(String url, String table, String query, String path, String tokenEnv) implements DataSource {
        public static final String DEFAULT_TOKEN_ENV = "MLCICD_SPARK_TOKEN";

        public Spark {
            int given = (table == null ? 0 : 1) + (query == null ? 0 : 1) + (path == null ? 0 : 1);
            if (given != 1) {
                throw new io.jenkins.plugins.mlcicd.input.BadInputException(
                        "--spark needs exactly one of --table, --query and --data");
            }
        }

        /** The same cluster and token, another path (a reference dataset). */
        public Spark withPath(String otherPath) {
            return new Spark(url, null, null, otherPath, tokenEnv);
        }

        @Override
        public String describe() {
            String where = SparkConnection.redact(url);
            return table != null ? where + " table " + table : query != null ? where + " query" : where + " " + path;
        }
    }
}
