package io.jenkins.plugins.mlcicd.eval;

import java.util.Set;

/** Metric names: part of the result-document contract, read by gates and policies. */
public final class MetricNames {
    public static final String COUNT = "count";
    public static final String POSITIVES = "positives";
    public static final String AUC = "auc";
    public static final String PR_AUC = "pr_auc";
    public static final String LOG_LOSS = "log_loss";
    public static final String BRIER = "brier";
    public static final String ACCURACY = "accuracy";
    public static final String PRECISION = "precision";
    public static final String RECALL = "recall";
    public static final String F1 = "f1";
    public static final String CALIBRATION_SLOPE = "calibration_slope";
    public static final String CALIBRATION_INTERCEPT = "calibration_intercept";
    public static final String ECE = "ece";
    public static final String PRECISION_AT_K = "precision_at_k";
    public static final String RECALL_AT_K = "recall_at_k";

    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String R2 = "r2";
    public static final String MEAN_PREDICTION = "mean_prediction";
    public static final String MEAN_LABEL = "mean_label";

    public static final String DEMOGRAPHIC_PARITY_DIFFERENCE = "demographic_parity_difference";
    public static final String EQUAL_OPPORTUNITY_DIFFERENCE = "equal_opportunity_difference";

    /** Sizes, not estimates: they get no confidence interval. */
    public static final Set<String> COUNTS = Set.of(COUNT, POSITIVES);
    /**
     * Metrics that depend on the decision threshold (or k): a candidate may trade one for another by
     * design (more recall for less precision), so a worse value is a trade-off to judge, not a defect.
     */
    public static final Set<String> AT_THRESHOLD = Set.of(ACCURACY, PRECISION, RECALL, F1, PRECISION_AT_K, RECALL_AT_K);

    private MetricNames() {
    }
}
