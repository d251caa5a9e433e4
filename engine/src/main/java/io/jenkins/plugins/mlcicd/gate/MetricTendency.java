package io.jenkins.plugins.mlcicd.gate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which direction is better for well-known metrics, so that a policy need not say
 * {@code higherIsBetter} for {@code auc} or {@code log_loss}. The name is matched on its last
 * dotted segment ({@code eval.auc} → {@code auc}), case-insensitively, with {@code -} and spaces
 * read as {@code _}; then on its underscore-separated suffixes ({@code val_auc},
 * {@code test_log_loss}), and on prefixes followed only by qualifiers such as {@code at},
 * {@code k}, numbers, {@code macro} or {@code mean} ({@code recall_at_10}, {@code auc_mean}), so
 * that {@code auc_std} is not mistaken for an AUC. Anything containing a {@code latency} token is
 * lower-is-better. A name whose suffix and prefix readings disagree is unknown rather than guessed.
 */
public final class MetricTendency {
    private static final Set<String> HIGHER = Set.of(
            "auc", "roc_auc", "auroc", "pr_auc", "auprc", "average_precision", "ap",
            "accuracy", "acc", "balanced_accuracy", "top_k_accuracy",
            "precision", "recall", "sensitivity", "specificity", "tpr", "tnr", "hit_rate",
            "f1", "f1_score", "f1_macro", "f1_micro", "f1_weighted", "fbeta", "f2",
            "r2", "r2_score", "explained_variance",
            "mcc", "matthews_corrcoef", "kappa", "cohen_kappa", "gini",
            "map", "ndcg", "mrr", "bleu", "rouge", "iou", "miou", "dice",
            "throughput", "qps", "rps");

    private static final Set<String> LOWER = Set.of(
            "log_loss", "logloss", "cross_entropy", "nll", "loss", "hinge_loss",
            "brier", "brier_score", "ece", "mce", "calibration_error",
            "rmse", "mse", "mae", "mape", "smape", "wape", "msle", "rmsle", "medae",
            "error", "error_rate", "fpr", "fnr", "perplexity", "wer", "cer");

    /** Tokens that qualify a metric without changing its direction ({@code recall_at_10}, {@code f1_macro}). */
    private static final Set<String> QUALIFIERS = Set.of(
            "at", "k", "macro", "micro", "weighted", "samples", "score", "mean", "avg", "average",
            "overall", "total", "train", "val", "valid", "validation", "test", "eval", "holdout", "oof", "cv");

    private MetricTendency() {
    }

    /** True for higher-is-better, false for lower-is-better, empty when the metric is not known. */
    public static Optional<Boolean> higherIsBetter(String metric) {
        String leaf = metric.substring(metric.lastIndexOf('.') + 1)
                .strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        Optional<Boolean> exact = lookup(leaf);
        if (exact.isPresent()) {
            return exact;
        }
        String[] tokens = Arrays.stream(leaf.split("_")).filter(t -> !t.isEmpty()).toArray(String[]::new);
        if (Arrays.stream(tokens).anyMatch(t -> t.startsWith("latency"))) {
            return Optional.of(false);
        }
        Optional<Boolean> bySuffix = Optional.empty();
        for (int start = 1; start < tokens.length && bySuffix.isEmpty(); start++) {
            bySuffix = lookup(String.join("_", Arrays.copyOfRange(tokens, start, tokens.length)));
        }
        Optional<Boolean> byPrefix = Optional.empty();
        for (int end = tokens.length - 1; end > 0 && byPrefix.isEmpty(); end--) {
            if (Arrays.stream(tokens, end, tokens.length).allMatch(MetricTendency::isQualifier)) {
                byPrefix = lookup(String.join("_", Arrays.copyOfRange(tokens, 0, end)));
            }
        }
        if (bySuffix.isPresent() && byPrefix.isPresent() && !bySuffix.equals(byPrefix)) {
            return Optional.empty();
        }
        return bySuffix.isPresent() ? bySuffix : byPrefix;
    }

    private static boolean isQualifier(String token) {
        return QUALIFIERS.contains(token) || token.chars().allMatch(Character::isDigit);
    }

    private static Optional<Boolean> lookup(String name) {
        if (HIGHER.contains(name)) {
            return Optional.of(true);
        }
        return LOWER.contains(name) ? Optional.of(false) : Optional.empty();
    }
}
