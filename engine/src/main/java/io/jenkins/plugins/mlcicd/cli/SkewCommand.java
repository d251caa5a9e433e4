package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.CsvOptions;
import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.data.SkewDetection;
import io.jenkins.plugins.mlcicd.data.SkewRequest;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.result.ResultDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "skew", mixinStandardHelpOptions = true,
        description = "Training-serving skew: join two datasets on a key, compare each feature per example, and measure drift between them.")
final class SkewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--training", paramLabel = "PATH",
            description = "Features as logged for training (file, directory or glob; with --spark a path Spark reads, e.g. s3a://…).")
    String training;

    @Option(names = "--serving", paramLabel = "PATH", description = "Features as logged at serving time (with --spark read by Spark).")
    String serving;

    @Option(names = "--spark", paramLabel = "URL",
            description = "Spark Connect URL (sc://host:15002): both sides are read and joined in that Spark session.")
    String spark;

    @Option(names = "--spark-token-env", paramLabel = "VAR", defaultValue = DataSource.Spark.DEFAULT_TOKEN_ENV,
            description = "Environment variable holding the Spark Connect bearer token, if the server wants one (default: ${DEFAULT-VALUE}).")
    String sparkTokenEnv;

    @Option(names = "--training-table", paramLabel = "TABLE", description = "With --spark: the training side is this table.")
    String trainingTable;

    @Option(names = "--training-query", paramLabel = "SQL", description = "With --spark: the training side is this SELECT's result.")
    String trainingQuery;

    @Option(names = "--serving-table", paramLabel = "TABLE", description = "With --spark: the serving side is this table.")
    String servingTable;

    @Option(names = "--serving-query", paramLabel = "SQL", description = "With --spark: the serving side is this SELECT's result.")
    String servingQuery;

    @Option(names = "--key", required = true, paramLabel = "COL", description = "Column that identifies an example on both sides.")
    String key;

    @Option(names = "--features", split = ",", paramLabel = "COL", description = "Features to compare (comma-separated); default: all common columns.")
    List<String> features;

    @Option(names = "--tolerance", defaultValue = "1e-6", paramLabel = "REL",
            description = "Relative tolerance for numbers: differ when |a-b| > REL * max(|a|,|b|) (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--max-mismatch-fraction", defaultValue = "0", paramLabel = "F",
            description = "A feature fails when more than this fraction of joined examples differ (default: ${DEFAULT-VALUE}).")
    double maxMismatchFraction;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "CSV field delimiter (default: ${DEFAULT-VALUE}).")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "CSV quote character (default: ${DEFAULT-VALUE}).")
    String quote;

    @Option(names = "--no-header", description = "CSV files have no header row.")
    boolean noHeader;

    @Mixin
    ResultOutputOptions outputs;

    @Override
    public Integer call() {
        CsvOptions csv = new CsvOptions(CsvOptions.character("--delimiter", delimiter), CsvOptions.character("--quote", quote), !noHeader);
        SkewRequest request = new SkewRequest(side("training", training, trainingTable, trainingQuery, csv),
                side("serving", serving, servingTable, servingQuery, csv), key, features, tolerance, maxMismatchFraction);
        ResultDocument document = new SkewDetection(System.getenv(), Clock.systemUTC()).run(request);
        return outputs.finish(document, spec.commandLine().getOut());
    }

    /** One side: a path, or with --spark exactly one of a path, a table and a query. */
    private DataSource side(String name, String path, String table, String query, CsvOptions csv) {
        int given = (path == null ? 0 : 1) + (table == null ? 0 : 1) + (query == null ? 0 : 1);
        if (spark == null) {
            if (table != null || query != null) {
                throw new BadInputException("--" + name + "-table and --" + name + "-query go with --spark");
            }
            if (path == null) {
                throw new BadInputException("missing --" + name + " PATH");
            }
            return new DataSource.Files(Path.of(path), csv);
        }
        if (given != 1) {
            throw new BadInputException("--spark needs exactly one of --" + name + ", --" + name + "-table and --" + name + "-query");
        }
        return new DataSource.Spark(spark, table, query, path, sparkTokenEnv);
    }
}
