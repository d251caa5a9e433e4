package io.jenkins.plugins.mlcicd.eval;

import io.jenkins.plugins.mlcicd.data.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to evaluate and how.
 *
 * @param predictions    the predictions table (CSV, Parquet, JSON Lines, glob or directory)
 * @param label          label column
 * @param score          score column: probability of class 1 (binary) or the prediction (regression)
 * @param task           binary or regression
 * @param threshold      binary: a score ≥ threshold is a predicted positive
 * @param slices         columns whose every value becomes a slice
 * @param topSlices      keep only this many largest slices (by count), null for all
 * @param sensitive      column of the sensitive attribute for fairness metrics, or null
 * @param k              cut-off of precision_at_k / recall_at_k, or null
 * @param group          column whose groups (e.g. queries, users) rank separately for the @k metrics, or null
 * @param bootstrap      number of bootstrap replicates, 0 for none
 * @param seed           bootstrap seed
 * @param id             row-id column that keys the bootstrap resampling (pairing across evaluations), or null
 * @param dropInvalid    drop rows with a missing/NaN label or score instead of refusing the input
 * @param database       the table or query in a database ({@link DataSource.Jdbc}) or a Spark cluster
 *                       ({@link DataSource.Spark}) holding the predictions instead of {@code predictions}, or null
 */
public record EvaluationRequest(
        Path predictions,
        String label,
        String score,
        Task task,
        double threshold,
        List<String> slices,
        Integer topSlices,
        String sensitive,
        Integer k,
        String group,
        int bootstrap,
        long seed,
        String id,
        boolean dropInvalid,
        DataSource database) {
    /** Replicates are kept per metric in the document: bounded so an option cannot exhaust memory. */
    public static final int MAX_BOOTSTRAP = 100_000;


    public EvaluationRequest {
        if ((predictions == null) == (database == null)) {
            throw new IllegalArgumentException("give exactly one of --predictions, --jdbc and --spark");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(task, "task");
        slices = slices == null ? List.of() : List.copyOf(slices);
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("--threshold must be a finite number");
        }
        if (topSlices != null && topSlices < 1) {
            throw new IllegalArgumentException("--top-slices must be at least 1");
        }
        if (k != null && k < 1) {
            throw new IllegalArgumentException("--k must be at least 1");
        }
        if (bootstrap < 0 || bootstrap > MAX_BOOTSTRAP) {
            throw new IllegalArgumentException("--bootstrap must be between 0 and " + MAX_BOOTSTRAP
                    + " (a 99.9% interval needs 10000; more only costs memory and time)");
        }
        if (task == Task.REGRESSION && (sensitive != null || k != null || group != null)) {
            throw new IllegalArgumentException("--sensitive, --k and --group apply to --task binary only");
        }
        if (group != null && k == null) {
            throw new IllegalArgumentException("--group needs --k (it groups the precision_at_k/recall_at_k ranking)");
        }
        if (database != null && !(database instanceof DataSource.Jdbc) && !(database instanceof DataSource.Spark)) {
            throw new IllegalArgumentException("predictions in files go in --predictions");
        }
        if (id != null && bootstrap == 0) {
            throw new IllegalArgumentException("--id keys the bootstrap resampling; it needs --bootstrap N");
        }
    }

    /** Predictions in files. */
    public EvaluationRequest(Path predictions, String label, String score, Task task, double threshold, List<String> slices,
                             Integer topSlices, String sensitive, Integer k, String group, int bootstrap, long seed, String id,
                             boolean dropInvalid) {
        this(predictions, label, score, task, threshold, slices, topSlices, sensitive, k, group, bootstrap, seed, id, dropInvalid, null);
    }

    /** A binary request with defaults, for tests and callers that need only the basics. */
    public static EvaluationRequest binary(Path predictions, String label, String score) {
        return new EvaluationRequest(predictions, label, score, Task.BINARY, 0.5, List.of(), null, null, null, null, 0, 0, null, false);
    }
}
