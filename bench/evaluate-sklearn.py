#!/usr/bin/python3
"""Peer side of bench/evaluate.

  evaluate-sklearn.py generate OUT.csv ROWS SEED   write the seeded predictions table (y, p)
  evaluate-sklearn.py evaluate IN.csv              read it with pandas and compute, in this one process,
                                                   the binary metrics `mlcicd evaluate` reports, with
                                                   scikit-learn; print them as JSON
"""
import json
import sys

import numpy as np


def generate(path, rows, seed):
    import pandas as pd
    rng = np.random.default_rng(seed)
    y = (rng.random(rows) < 0.3).astype(np.int8)
    p = 1 / (1 + np.exp(-(rng.normal(-0.9, 1.0, rows) + 1.4 * y)))
    pd.DataFrame({"y": y, "p": np.round(p, 6)}).to_csv(path, index=False, float_format="%.6f")


def evaluate(path):
    import pandas as pd
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score, log_loss,
                                 precision_score, recall_score, roc_auc_score)
    frame = pd.read_csv(path)
    y = frame["y"].to_numpy()
    p = frame["p"].to_numpy(dtype=np.float64)
    predicted = (p >= 0.5).astype(np.int8)
    clipped = np.clip(p, 1e-15, 1 - 1e-15)
    x = np.log(clipped / (1 - clipped)).reshape(-1, 1)
    calibration = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-8).fit(x, y)
    edges = np.arange(1, 10) / 10.0
    bins = np.searchsorted(edges, p, side="right")
    count = np.bincount(bins, minlength=10)
    label_sum = np.bincount(bins, weights=y, minlength=10)
    score_sum = np.bincount(bins, weights=p, minlength=10)
    nonempty = count > 0
    ece = float(np.sum(count[nonempty] / len(p)
                       * np.abs(label_sum[nonempty] / count[nonempty] - score_sum[nonempty] / count[nonempty])))
    metrics = {
        "count": int(len(y)),
        "positives": int(y.sum()),
        "auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "log_loss": log_loss(y, p),
        "brier": brier_score_loss(y, p),
        "accuracy": accuracy_score(y, predicted),
        "precision": precision_score(y, predicted, zero_division=0),
        "recall": recall_score(y, predicted, zero_division=0),
        "f1": f1_score(y, predicted, zero_division=0),
        "calibration_slope": float(calibration.coef_[0][0]),
        "calibration_intercept": float(calibration.intercept_[0]),
        "ece": ece,
    }
    print(json.dumps({k: float(v) for k, v in metrics.items()}))


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        evaluate(sys.argv[2])
