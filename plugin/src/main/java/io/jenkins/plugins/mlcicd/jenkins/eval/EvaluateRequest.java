package io.jenkins.plugins.mlcicd.jenkins.eval;

import io.jenkins.plugins.mlcicd.eval.EvaluationRequest;
import io.jenkins.plugins.mlcicd.eval.Task;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.DatabaseSource;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of {@code mlEvaluate} that are its own, as either front end received them: every
 * option of {@code mlcicd evaluate}. Null means "the engine's default".
 *
 * @param predictions workspace path of the predictions table (CSV, Parquet, JSON Lines; a file, a directory or a glob)
 * @param label       the label column (0/1 for a binary task)
 * @param score       the score column: probability of label 1 (binary) or the prediction (regression)
 * @param task        {@code binary} (default) or {@code regression}
 * @param threshold   binary: a score at or above it is a predicted positive (default 0.5)
 * @param slices      columns whose every value is evaluated as a slice
 * @param topSlices   keep only this many largest slices
 * @param sensitive   sensitive attribute column for the fairness metrics
 * @param k           cut-off of precision_at_k and recall_at_k
 * @param group       with {@code k}: rank within each group of this column
 * @param bootstrap   bootstrap replicates for 95% intervals (default none)
 * @param seed        bootstrap seed (default 0)
 * @param pairWith    row-id column keying the bootstrap, so that two evaluations of the same rows pair up in
 *                    the gate ({@code mlcicd evaluate --id}; named differently here because {@code id} names the step)
 * @param dropInvalid drop rows with a missing or NaN label or score instead of refusing the input
 * @param database    the table or query in a database holding the predictions instead, or null
 * @param spark       the Spark cluster holding the predictions instead (the metrics come from aggregates made there), or null
 */
public record EvaluateRequest(String predictions, String label, String score, String task, Double threshold, List<String> slices,
                              Integer topSlices, String sensitive, Integer k, String group, Integer bootstrap, Long seed,
                              String pairWith, boolean dropInvalid, DatabaseSource database, SparkSource spark) {
    /** How the engine's messages name its options, and how the step names the same parameters. */
    private static final Map<String, String> PARAMETER_NAMES = Map.of(
            "--threshold", "threshold", "--top-slices", "topSlices", "--k", "k", "--bootstrap", "bootstrap",
            "--sensitive", "sensitive", "--group", "group", "--id", "pairWith", "--task binary", "task: 'binary'",
            "--task", "task");

    public EvaluateRequest {
        predictions = trimmed(predictions);
        label = trimmed(label);
        score = trimmed(score);
        task = trimmed(task);
        slices = slices == null ? List.of() : slices.stream().map(EvaluateRequest::trimmed).filter(s -> s != null).toList();
        sensitive = trimmed(sensitive);
        group = trimmed(group);
        pairWith = trimmed(pairWith);
        database = database == null ? null
                : DatabaseSource.of(database.url(), database.table(), database.query(), database.credentialsId());
        spark = spark == null ? null : SparkSource.of(spark.url(), spark.table(), spark.query(), spark.path(), spark.credentialsId());
    }

    /** Predictions in the workspace or a database. */
    public EvaluateRequest(String predictions, String label, String score, String task, Double threshold, List<String> slices,
                           Integer topSlices, String sensitive, Integer k, String group, Integer bootstrap, Long seed,
                           String pairWith, boolean dropInvalid, DatabaseSource database) {
        this(predictions, label, score, task, threshold, slices, topSlices, sensitive, k, group, bootstrap, seed, pairWith,
                dropInvalid, database, null);
    }

    /** Predictions in the workspace. */
    public EvaluateRequest(String predictions, String label, String score, String task, Double threshold, List<String> slices,
                           Integer topSlices, String sensitive, Integer k, String group, Integer bootstrap, Long seed,
                           String pairWith, boolean dropInvalid) {
        this(predictions, label, score, task, threshold, slices, topSlices, sensitive, k, group, bootstrap, seed, pairWith,
                dropInvalid, null);
    }

    /** The basics: a binary evaluation with the engine's defaults. */
    public EvaluateRequest(String predictions, String label, String score) {
        this(predictions, label, score, null, null, List.of(), null, null, null, null, null, null, null, false, null);
    }

    static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * {@code slices} as Pipeline scripts give it, a list ({@code ['country', 'device']}), or as a form or
     * a script may give it, one text of comma-separated names ({@code 'country, device'}).
     */
    static List<String> slices(Object value, String functionName) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof CharSequence text) {
            return Arrays.stream(text.toString().split(",")).map(EvaluateRequest::trimmed).filter(s -> s != null).toList();
        }
        if (value instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof CharSequence name)) {
                    throw new BadInputException(functionName + ": slices: expected column names, e.g. ['country', 'device'], found "
                            + (item == null ? "null" : item.getClass().getSimpleName()));
                }
                names.add(name.toString());
            }
            return names;
        }
        throw new BadInputException(functionName + ": slices: expected a list of column names, e.g. ['country', 'device'], not a "
                + value.getClass().getSimpleName());
    }

    /** What was evaluated, for the build page: the workspace path, or the database table or query (no login). */
    public String describePredictions() {
        return spark != null ? spark.describe() : database != null ? database.describe() : predictions;
    }

    /** The task as the engine knows it; null stays null (binary). */
    Task parsedTask(String functionName) {
        if (task == null) {
            return null;
        }
        try {
            return Task.valueOf(task.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(functionName + ": task: expected 'binary' or 'regression', was '" + task + "'");
        }
    }

    /**
     * Checks that the required parameters are there and go together; returns this. The rules between
     * options are the engine's ({@link EvaluationRequest}), so they cannot drift apart; only its
     * messages' option names are translated to the step's parameter names.
     */
    public EvaluateRequest validated(String functionName) {
        if (spark != null) {
            if (database != null && database.url() != null) {
                throw new BadInputException(functionName + ": give either spark (a Spark cluster) or jdbc (a database), not both");
            }
            spark.validated(functionName);
        } else if (predictions != null && database != null && database.url() != null) {
            throw new BadInputException(functionName + ": give either predictions (a workspace path) or jdbc (a database), not both");
        }
        if (predictions == null && database == null && spark == null) {
            throw new BadInputException(functionName + ": predictions or jdbc: required (predictions: workspace path of the "
                    + "predictions table, e.g. 'out/predictions.parquet'; jdbc: a JDBC URL with table or query)");
        }
        if (database != null && spark == null) {
            database.validated(functionName);
        }
        if (label == null) {
            throw new BadInputException(functionName + ": label: required (the column holding the true label)");
        }
        if (score == null) {
            throw new BadInputException(functionName + ": score: required (the column holding the model's score or prediction)");
        }
        Task parsed = parsedTask(functionName);
        try {
            new EvaluationRequest(Path.of("."), label, score, parsed == null ? Task.BINARY : parsed,
                    threshold == null ? 0.5 : threshold, slices, topSlices, sensitive, k, group,
                    bootstrap == null ? 0 : bootstrap, seed == null ? 0 : seed, pairWith, dropInvalid);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(functionName + ": " + stepNames(e.getMessage()));
        }
        return this;
    }

    /** The engine's message with its option names replaced by the step's parameter names. */
    static String stepNames(String message) {
        String text = message;
        // longest first, so that "--task binary" is not cut by "--task" and "--top-slices" not by "--t…"
        List<String> options = PARAMETER_NAMES.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList();
        for (String option : options) {
            text = text.replace(option, PARAMETER_NAMES.get(option));
        }
        return text;
    }

    /**
     * The {@code mlcicd evaluate} arguments (the engine's CLI is the request format), written
     * {@code --name=value} so that a value starting with {@code -} stays a value.
     */
    public List<String> cliArguments() {
        List<String> args = new ArrayList<>(List.of("evaluate"));
        if (spark != null) {
            args.addAll(spark.cliArguments());
        } else if (database != null) {
            args.addAll(database.cliArguments());
        } else {
            args.add("--predictions=" + predictions);
        }
        args.add("--label=" + label);
        args.add("--score=" + score);
        if (task != null) {
            args.add("--task=" + task.toLowerCase(Locale.ROOT));
        }
        if (threshold != null) {
            args.add("--threshold=" + threshold);
        }
        for (String slice : slices) {
            args.add("--slice=" + slice);
        }
        if (topSlices != null) {
            args.add("--top-slices=" + topSlices);
        }
        if (sensitive != null) {
            args.add("--sensitive=" + sensitive);
        }
        if (k != null) {
            args.add("--k=" + k);
        }
        if (group != null) {
            args.add("--group=" + group);
        }
        if (bootstrap != null) {
            args.add("--bootstrap=" + bootstrap);
        }
        if (seed != null) {
            args.add("--seed=" + seed);
        }
        if (pairWith != null) {
            args.add("--id=" + pairWith);
        }
        if (dropInvalid) {
            args.add("--drop-invalid");
        }
        return args;
    }
}
