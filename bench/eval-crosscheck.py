#!/usr/bin/python3
"""Writes engine/src/test/resources/eval/crosscheck.json: ~50 seeded evaluation cases with the
metric values scikit-learn (Debian's python3-sklearn) computes for them. EvaluationCrossCheckTest
asserts that the engine reproduces every value (1e-9; calibration 1e-6).

Run: /usr/bin/python3 bench/eval-crosscheck.py
Metrics without a scikit-learn function (ece, precision_at_k/recall_at_k, fairness differences) are
computed here by straightforward reference code that follows the definitions in docs/evaluation.md.
A value of null means the metric must be undefined (e.g. one class only).
"""
import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_score, r2_score, recall_score,
                             roc_auc_score)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine", "src", "test", "resources", "eval",
                   "crosscheck.json")


def calibration(y, p):
    if len(set(y.tolist())) < 2:
        return None, None
    clipped = np.clip(p, 1e-15, 1 - 1e-15)
    x = np.log(clipped / (1 - clipped))
    if np.all(x == x[0]):
        return None, None
    if x[y == 1].min() >= x[y == 0].max() or x[y == 1].max() <= x[y == 0].min():
        return None, None  # (quasi-)separated by the score: no finite maximum-likelihood fit
    model = LogisticRegression(penalty=None, solver="newton-cholesky", tol=1e-12, max_iter=1000)
    model.fit(x.reshape(-1, 1), y)
    a, b = float(model.intercept_[0]), float(model.coef_[0][0])
    # Refine/verify with plain Newton steps in float64 so the reference is converged far below 1e-6.
    for _ in range(50):
        mu = 1 / (1 + np.exp(-(a + b * x)))
        g = np.array([np.sum(y - mu), np.sum((y - mu) * x)])
        v = mu * (1 - mu)
        h = np.array([[np.sum(v), np.sum(v * x)], [np.sum(v * x), np.sum(v * x * x)]])
        step = np.linalg.solve(h, g)
        a, b = a + step[0], b + step[1]
        if np.max(np.abs(step)) < 1e-14:
            break
    if abs(a - model.intercept_[0]) > 1e-5 or abs(b - model.coef_[0][0]) > 1e-5:
        raise SystemExit("sklearn LogisticRegression did not converge on a case")
    return b, a


def ece(y, p):
    edges = np.arange(1, 10) / 10.0  # bin b holds b/10 <= p < (b+1)/10
    bins = np.searchsorted(edges, p, side="right")
    total = 0.0
    for b in range(10):
        mask = bins == b
        if mask.any():
            total += mask.sum() / len(p) * abs(y[mask].mean() - p[mask].mean())
    return total


def at_k(y, p, k, groups):
    if groups is None:
        groups = [0] * len(y)
    precisions, recalls = [], []
    for g in dict.fromkeys(groups):
        rows = [i for i in range(len(y)) if groups[i] == g]
        ranked = sorted(rows, key=lambda i: (-p[i], i))  # ties at the K-th score: file order
        top = ranked[:k]
        hits = sum(int(y[i]) for i in top)
        precisions.append(hits / len(top))
        positives = sum(int(y[i]) for i in rows)
        if positives:
            recalls.append(hits / positives)
    return (sum(precisions) / len(precisions), sum(recalls) / len(recalls) if recalls else None)


def fairness(y, p, threshold, sensitive):
    selection, tpr = [], []
    for g in dict.fromkeys(sensitive):
        mask = np.array([s == g for s in sensitive])
        predicted = p[mask] >= threshold
        selection.append(predicted.mean())
        positives = y[mask] == 1
        if positives.any():
            tpr.append(recall_score(y[mask], predicted.astype(int), zero_division=0))
    return max(selection) - min(selection), (max(tpr) - min(tpr)) if tpr else None


def binary_case(name, y, p, threshold=0.5, k=None, groups=None, sensitive=None):
    y = np.asarray(y, dtype=np.int64)
    p = np.asarray(p, dtype=np.float64)
    predicted = (p >= threshold).astype(int)
    both = len(set(y.tolist())) == 2
    slope, intercept = calibration(y, p)
    expected = {
        "count": len(y),
        "positives": int(y.sum()),
        "auc": float(roc_auc_score(y, p)) if both else None,
        "pr_auc": float(average_precision_score(y, p)) if both else None,
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "brier": float(brier_score_loss(y, p)),
        "accuracy": float(accuracy_score(y, predicted)),
        "precision": float(precision_score(y, predicted, zero_division=0)),
        "recall": float(recall_score(y, predicted, zero_division=0)),
        "f1": float(f1_score(y, predicted, zero_division=0)),
        "calibration_slope": slope,
        "calibration_intercept": intercept,
        "ece": float(ece(y, p)),
    }
    case = {"name": name, "task": "binary", "threshold": threshold, "labels": y.tolist(),
            "scores": [float(v) for v in p]}
    if k is not None:
        expected["precision_at_k"], expected["recall_at_k"] = at_k(y.tolist(), p.tolist(), k, groups)
        case["k"] = k
        if groups is not None:
            case["groups"] = groups
    if sensitive is not None:
        expected["demographic_parity_difference"], expected["equal_opportunity_difference"] = \
            fairness(y, p, threshold, sensitive)
        case["sensitive"] = sensitive
    case["expected"] = expected
    return case


def regression_case(name, y, p):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    constant = np.all(y == y[0])
    return {"name": name, "task": "regression", "labels": [float(v) for v in y], "scores": [float(v) for v in p],
            "expected": {
                "count": len(y),
                "rmse": float(math.sqrt(mean_squared_error(y, p))),
                "mae": float(mean_absolute_error(y, p)),
                "r2": None if constant else float(r2_score(y, p)),
                "mean_prediction": float(np.mean(p)),
                "mean_label": float(np.mean(y)),
            }}


def sigmoid(t):
    return 1 / (1 + np.exp(-t))


def main():
    cases = []
    sizes = [7, 20, 50, 200, 1000, 3000]
    for seed in range(12):  # informative scores, varied size and prevalence
        rng = np.random.default_rng(seed)
        n = sizes[seed % len(sizes)]
        prevalence = [0.5, 0.3, 0.1][seed % 3]
        y = (rng.random(n) < prevalence).astype(int)
        if y.sum() == 0:
            y[0] = 1
        if y.sum() == n:
            y[0] = 0
        p = sigmoid(rng.normal(0, 1, n) + 1.5 * (y - 0.5) + rng.normal(0, 0.3))
        cases.append(binary_case(f"random-{seed}-n{n}", y, p, threshold=[0.5, 0.3, 0.7][seed % 3]))
    for seed in range(8):  # tie-heavy: scores rounded to one or two decimals
        rng = np.random.default_rng(100 + seed)
        n = [30, 200, 1000, 2500][seed % 4]
        y = (rng.random(n) < 0.4).astype(int)
        p = np.round(np.clip(0.3 + 0.35 * y + rng.normal(0, 0.25, n), 0, 1), 1 + seed % 2)
        cases.append(binary_case(f"ties-{seed}-n{n}", y, p, k=[5, 50][seed % 2]))
    for seed in range(5):  # imbalanced
        rng = np.random.default_rng(200 + seed)
        n = [500, 2000, 5000, 800, 3000][seed]
        y = (rng.random(n) < [0.01, 0.02, 0.005, 0.05, 0.03][seed]).astype(int)
        y[seed] = 1
        p = sigmoid(rng.normal(-3, 1, n) + 2 * y)
        cases.append(binary_case(f"imbalanced-{seed}-n{n}", y, p, k=20))
    for seed in range(4):  # ranking groups (queries) for @k
        rng = np.random.default_rng(300 + seed)
        n = [60, 300, 1000, 150][seed]
        groups = [f"q{int(g)}" for g in rng.integers(0, [3, 10, 25, 7][seed], n)]
        y = (rng.random(n) < 0.3).astype(int)
        p = np.round(sigmoid(rng.normal(0, 1, n) + y), 2)
        cases.append(binary_case(f"grouped-at-k-{seed}-n{n}", y, p, k=[3, 5, 10, 4][seed], groups=groups))
    for seed in range(4):  # fairness over a sensitive attribute
        rng = np.random.default_rng(400 + seed)
        n = [100, 400, 1200, 60][seed]
        sensitive = [["F", "M", "X"][int(g)] for g in rng.integers(0, [2, 3, 3, 2][seed], n)]
        y = (rng.random(n) < 0.35).astype(int)
        shift = np.array([0.3 if s == "F" else 0.0 for s in sensitive])
        p = sigmoid(rng.normal(0, 1, n) + y + shift)
        cases.append(binary_case(f"fairness-{seed}-n{n}", y, p, sensitive=sensitive))
    # Degenerate and edge cases.
    cases.append(binary_case("all-equal-scores", [0, 1, 1, 0, 1, 0, 0, 1], [0.4] * 8))
    cases.append(binary_case("one-class-positive", [1, 1, 1, 1], [0.2, 0.9, 0.5, 0.7]))
    cases.append(binary_case("one-class-negative", [0, 0, 0], [0.2, 0.9, 0.5], k=2))
    cases.append(binary_case("exact-zero-and-one", [0, 1, 1, 0, 1, 0], [0.0, 1.0, 0.0, 1.0, 0.6, 0.3]))
    cases.append(binary_case("bin-edges", [0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0],
                             [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], k=4))
    cases.append(binary_case("threshold-ties", [1, 0, 1, 0, 1], [0.5, 0.5, 0.49999999, 0.5000001, 0.2]))
    cases.append(binary_case("no-predicted-positive", [1, 0, 1, 0, 0], [0.1, 0.2, 0.3, 0.4, 0.2]))
    for seed in range(8):  # regression
        rng = np.random.default_rng(500 + seed)
        n = [5, 40, 300, 2000, 1000, 100, 3000, 25][seed]
        scale = [1, 10, 100, 1, 1000, 0.01, 5, 1][seed]
        y = rng.normal(3, 2, n) * scale
        p = y + rng.normal(0, 1, n) * scale
        if seed == 4:
            p[::50] += 20 * scale  # outliers
        if seed == 7:
            p = np.round(p)
        cases.append(regression_case(f"regression-{seed}-n{n}", y, p))
    cases.append(regression_case("regression-constant-label", [2.0] * 5, [1.0, 2.0, 3.0, 2.5, 2.0]))
    document = {
        "generator": "bench/eval-crosscheck.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    with open(OUT, "w") as out:
        json.dump(document, out, separators=(",", ":"))
        out.write("\n")
    print(f"{len(cases)} cases written to {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
