package io.jenkins.plugins.mlcicd.jenkins.data;

import io.jenkins.plugins.mlcicd.data.DataSource;
import io.jenkins.plugins.mlcicd.input.BadInputException;
import io.jenkins.plugins.mlcicd.jenkins.common.SparkSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters of {@code mlSkew}, as either front end received them: every option of {@code mlcicd skew}.
 *
 * @param training            workspace path of the features as logged for training (file, directory or glob)
 * @param serving             workspace path of the same examples' features as logged at serving time
 * @param key                 the column identifying an example on both sides
 * @param features            the features to compare; empty for every common column
 * @param tolerance           numbers differ when |a − b| &gt; tolerance · max(|a|, |b|); null for the engine's 1e-6
 * @param maxMismatchFraction a feature fails when more than this fraction of joined examples differ; null for 0
 * @param csv                 how CSV files are written
 * @param spark               Spark Connect URL: both sides are then paths the cluster reads and are joined there; or null
 * @param credentialsId       with {@code spark}: a secret-text credential holding the bearer token, or null
 */
public record SkewRequest(String training, String serving, String key, List<String> features, Double tolerance,
                          Double maxMismatchFraction, CsvFormat csv, String spark, String credentialsId) {
    public SkewRequest(String training, String serving, String key, List<String> features, Double tolerance,
            Double maxMismatchFraction, CsvFormat csv) {
        this(training, serving, key, features, tolerance, maxMismatchFraction, csv, null, null);
    }

    public SkewRequest {
        spark = DataValidateRequest.trimmed(spark);
        credentialsId = DataValidateRequest.trimmed(credentialsId);
        training = DataValidateRequest.trimmed(training);
        serving = DataValidateRequest.trimmed(serving);
        key = DataValidateRequest.trimmed(key);
        features = features == null ? List.of()
                : features.stream().map(DataValidateRequest::trimmed).filter(f -> f != null).toList();
        csv = csv == null ? CsvFormat.DEFAULT : csv;
    }

    /**
     * {@code features} as a Pipeline list ({@code ['amount', 'country']}) or one comma-separated text (a
     * form field, or a script that prefers it).
     */
    static List<String> features(Object value, String functionName) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof CharSequence text) {
            return Arrays.stream(text.toString().split(",")).map(DataValidateRequest::trimmed).filter(f -> f != null).toList();
        }
        if (value instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof CharSequence name)) {
                    throw new BadInputException(functionName + ": features: expected column names, e.g. ['amount', 'country'], found "
                            + (item == null ? "null" : item.getClass().getSimpleName()));
                }
                names.add(name.toString());
            }
            return names;
        }
        throw new BadInputException(functionName + ": features: expected a list of column names, not a " + value.getClass().getSimpleName());
    }

    /**
     * Checks the required parameters, then the engine's own rules ({@link io.jenkins.plugins.mlcicd.data.SkewRequest}),
     * with its option names replaced by the step's; returns this.
     */
    public SkewRequest validated(String functionName) {
        if (training == null) {
            throw new BadInputException(functionName + ": training: required (workspace path of the features logged for training)");
        }
        if (serving == null) {
            throw new BadInputException(functionName + ": serving: required (workspace path of the features logged at serving time)");
        }
        if (key == null) {
            throw new BadInputException(functionName + ": key: required (the column identifying an example on both sides, e.g. 'request_id')");
        }
        csv.validated(functionName);
        if (spark != null) {
            cluster().validated(functionName);
        } else if (credentialsId != null) {
            throw new BadInputException(functionName + ": credentialsId goes with spark (the token of the Spark cluster)");
        }
        DataSource any = new DataSource.Files(Path.of("."));
        try {
            new io.jenkins.plugins.mlcicd.data.SkewRequest(any, any, key, features, tolerance == null ? 1e-6 : tolerance,
                    maxMismatchFraction == null ? 0 : maxMismatchFraction);
        } catch (BadInputException e) {
            throw new BadInputException(functionName + ": " + e.getMessage().replace("--max-mismatch-fraction", "maxMismatchFraction")
                    .replace("--tolerance", "tolerance").replace("--key", "key"), e);
        }
        return this;
    }

    /** The Spark cluster both sides are read in (its URL and token; the training path stands for the data), or null. */
    public SparkSource cluster() {
        return SparkSource.of(spark, null, null, training, credentialsId);
    }

    /** The {@code mlcicd skew} arguments, written {@code --name=value} so that a value starting with {@code -} stays a value. */
    public List<String> cliArguments() {
        List<String> args = new ArrayList<>(List.of("skew", "--training=" + training, "--serving=" + serving, "--key=" + key));
        for (String feature : features) {
            args.add("--features=" + feature);
        }
        if (tolerance != null) {
            args.add("--tolerance=" + tolerance);
        }
        if (maxMismatchFraction != null) {
            args.add("--max-mismatch-fraction=" + maxMismatchFraction);
        }
        args.addAll(csv.cliArguments());
        if (spark != null) {
            args.add("--spark=" + spark);
        }
        return args;
    }
}
