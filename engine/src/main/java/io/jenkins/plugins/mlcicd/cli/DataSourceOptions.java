package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.CsvOptions;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data of {@code validate} and {@code profile} lives: a file/directory/glob, a database, or a Spark cluster. */
final class DataSourceOptions {
    @Option(names = "--data", paramLabel = "PATH",
            description = "CSV, Parquet or JSON Lines file, a directory of them, or a glob (with --spark: read by Spark, e.g. s3a://…).")
    String data;

    @Option(names = "--spark", paramLabel = "URL",
            description = "Spark Connect URL (sc://host:15002): the checks run in that Spark cluster; with --table, --query or --data.")
    String spark;

    @Option(names = "--spark-token-env", paramLabel = "VAR", defaultValue = DataSource.Spark.DEFAULT_TOKEN_ENV,
            description = "Environment variable holding the Spark Connect bearer token, if the server wants one (default: ${DEFAULT-VALUE}).")
    String sparkTokenEnv;

    @Option(names = "--jdbc", paramLabel = "URL", description = "JDBC URL of a database (credentials from the environment, see --jdbc-user-env).")
    String jdbc;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --jdbc or --spark: the table (optionally schema-qualified).")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "With --jdbc or --spark: a SELECT whose result is the dataset.")
    String query;

    @Option(names = "--jdbc-user-env", paramLabel = "VAR", defaultValue = DataSource.Jdbc.DEFAULT_USER_ENV,
            description = "Environment variable holding the database user (default: ${DEFAULT-VALUE}).")
    String userEnv;

    @Option(names = "--jdbc-password-env", paramLabel = "VAR", defaultValue = DataSource.Jdbc.DEFAULT_PASSWORD_ENV,
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field delimiter; '\\t' or 'tab' for tabs (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"",
            description = "CSV quote character, doubled to escape it inside a field (default: ${DEFAULT-VALUE}).")
    String quote;

    @Option(names = "--no-header", description = "CSV files have no header row; columns are named column1, column2, …")
    boolean noHeader;

    CsvOptions csv() {
        return new CsvOptions(CsvOptions.character("--delimiter", delimiter), CsvOptions.character("--quote", quote), !noHeader);
    }

    /** The source; exactly one of --data and --jdbc, or --spark with one of --table, --query and --data. */
    DataSource source() {
        if (spark != null) {
            if (jdbc != null) {
                throw new BadInputException("give one of --jdbc and --spark");
            }
            return new DataSource.Spark(spark, table, query, data, sparkTokenEnv);
        }
        if ((data == null) == (jdbc == null)) {
            throw new BadInputException("give exactly one of --data, --jdbc and --spark");
        }
        if (data != null) {
            if (table != null || query != null) {
                throw new BadInputException("--table and --query go with --jdbc or --spark, not --data");
            }
            return new DataSource.Files(Path.of(data), csv());
        }
        if ((table == null) == (query == null)) {
            throw new BadInputException("--jdbc needs exactly one of --table and --query");
        }
        return new DataSource.Jdbc(jdbc, table, query, userEnv, passwordEnv);
    }

    /** A file source with the same CSV options, for a reference or second dataset; with --spark, read by Spark too. */
    DataSource file(String path) {
        if (spark != null) {
            return new DataSource.Spark(spark, null, null, path, sparkTokenEnv);
        }
        return new DataSource.Files(Path.of(path), csv());
    }
}
