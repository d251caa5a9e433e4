package io.jenkins.plugins.mlcicd.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricTendencyTest {
    @ParameterizedTest
    @ValueSource(strings = {"auc", "accuracy", "precision", "recall", "f1", "pr_auc", "r2", "roc_auc", "AUC",
        "eval.auc", "val_auc", "test_accuracy", "recall_at_10", "f1_macro", "precision_at_k", "auc_mean", "ndcg_at_5",
        "balanced_accuracy", "pr-auc"})
    void higherIsBetter(String metric) {
        assertThat(MetricTendency.higherIsBetter(metric)).contains(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log_loss", "brier", "ece", "rmse", "mae", "latency", "latency_p99", "latency_ms",
        "p99_latency_ms", "eval.log_loss", "test_log_loss", "val_rmse", "brier_score", "mean_absolute_error", "latencyP95"})
    void lowerIsBetter(String metric) {
        assertThat(MetricTendency.higherIsBetter(metric)).contains(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"calibration_slope", "psi", "auc_std", "rows", "mean_prediction", "f1_loss_ratio_x"})
    void unknownIsNotGuessed(String metric) {
        assertThat(MetricTendency.higherIsBetter(metric)).isEmpty();
    }
}
