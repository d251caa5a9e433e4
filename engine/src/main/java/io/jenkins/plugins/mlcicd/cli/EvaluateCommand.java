package io.jenkins.plugins.mlcicd.cli;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.eval.EvaluationDocument;
import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Evaluator;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compute model-quality metrics from a predictions table (CSV, Parquet, JSON Lines, or a database table or query):",
            "binary: count, positives, auc, pr_auc, log_loss, brier, accuracy, precision, recall, f1,",
            "calibration_slope, calibration_intercept, ece, precision_at_k, recall_at_k;",
            "regression: count, rmse, mae, r2, mean_prediction, mean_label.",
            "Verdict: PASSED, or INCONCLUSIVE (exit 4) when a metric is undefined (e.g. one class only)."
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Predictions table: .csv/.tsv, .parquet, .jsonl; a glob or directory of them (or --jdbc).")
    Path predictions;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "JDBC URL of a database holding the predictions instead (credentials from the environment, see --jdbc-user-env).")
    String jdbc;

    @Option(names = "--spark", paramLabel = "URL",
            description = "Spark Connect URL (sc://host:15002) of a Spark cluster holding the predictions (--table, --query or --data):"
                    + " the metrics are computed from per-score aggregates made there.")
    String spark;

    @Option(names = "--data", paramLabel = "PATH", description = "With --spark: predictions files Spark reads (Parquet, CSV, JSON Lines; e.g. s3a://…).")
    String data;

    @Option(names = "--spark-token-env", paramLabel = "VAR", defaultValue = DataSource.Spark.DEFAULT_TOKEN_ENV,
            description = "Environment variable holding the Spark Connect bearer token, if the server wants one (default: ${DEFAULT-VALUE}).")
    String sparkTokenEnv;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --jdbc or --spark: the table (optionally schema-qualified).")
    String table;

    @Option(names = "--query", paramLabel = "SQL", description = "With --jdbc or --spark: a SELECT whose result is the predictions table.")
    String query;

    @Option(names = "--jdbc-user-env", paramLabel = "VAR", defaultValue = DataSource.Jdbc.DEFAULT_USER_ENV,
            description = "Environment variable holding the database user (default: ${DEFAULT-VALUE}).")
    String userEnv;

    @Option(names = "--jdbc-password-env", paramLabel = "VAR", defaultValue = DataSource.Jdbc.DEFAULT_PASSWORD_ENV,
            description = "Environment variable holding the database password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

        @Option(names = "--label", required = true, paramLabel = "COL", description = "Label column; binary: 0/1 or true/false (any case), nothing else.")
    String label;

    @Option(names = "--score", required = true, paramLabel = "COL",
            description = "Score column: probability of label 1 (binary), prediction (regression).")
    String score;

    @Option(names = "--task", paramLabel = "binary|regression", defaultValue = "binary",
            description = "Task (default: ${DEFAULT-VALUE}).")
    Task task;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Binary: score >= T is a predicted positive (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--slice", paramLabel = "COL", description = "Compute every metric per value of COL (repeatable).")
    List<String> slices = new ArrayList<>();

    @Option(names = "--top-slices", paramLabel = "N", description = "Keep only the N largest slices (by count), plus overall.")
    Integer topSlices;

    @Option(names = "--sensitive", paramLabel = "COL",
            description = "Sensitive attribute: demographic_parity_difference, equal_opportunity_difference and per-group rates.")
    String sensitive;

    @Option(names = "--k", paramLabel = "K", description = "Add precision_at_k and recall_at_k (top K by score, ties in file order).")
    Integer k;

    @Option(names = "--group", paramLabel = "COL", description = "With --k: rank within each group of COL and average over groups.")
    String group;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "0",
            description = "Poisson-bootstrap replicates for 95%% percentile intervals (default: none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--id", paramLabel = "COL",
            description = "Row-id column keying the bootstrap, so evaluations of the same rows pair up for the gate.")
    String id;

    @Option(names = "--drop-invalid",
            description = "Drop rows with a missing or NaN label/score (counted in the document) instead of refusing the input.")
    boolean dropInvalid;

    @Mixin
    ResultOutputOptions output;

    @Override
    public Integer call() {
        Instant started = Instant.now();
        EvaluationRequest request;
        try {
            request = new EvaluationRequest(predictions, label, score, task, threshold, slices, topSlices, sensitive, k,
                    group, bootstrap, seed, id, dropInvalid, database());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return output.finish(EvaluationDocument.of(Evaluator.evaluate(request), started), spec.commandLine().getOut());
    }

    /** The database or Spark source, or null for files; --table/--query only with --jdbc or --spark, and exactly one of them. */
    private DataSource database() {
        if (spark != null) {
            if (jdbc != null || predictions != null) {
                throw new BadInputException("--spark reads the predictions from the cluster: not with --jdbc or --predictions");
            }
            return new DataSource.Spark(spark, table, query, data, sparkTokenEnv);
        }
        if (data != null) {
            throw new BadInputException("--data goes with --spark; files on this machine go in --predictions");
        }
        if (jdbc == null) {
            if (table != null || query != null) {
                throw new BadInputException("--table and --query go with --jdbc or --spark, not --predictions");
            }
            return null;
        }
        if ((table == null) == (query == null)) {
            throw new BadInputException("--jdbc needs exactly one of --table and --query");
        }
        return new DataSource.Jdbc(jdbc, table, query, userEnv, passwordEnv);
    }
}
