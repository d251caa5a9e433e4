#!/usr/bin/env python3
"""Trains the example fraud model: L2-regularised logistic regression by full-batch gradient descent.

Usage: python3 train.py --train data/train.csv --valid data/valid.csv --out out/ [--lr 0.5] [--epochs 400] [--l2 0.001]
Writes out/model.bin (standardisation + weights, little-endian float64) and out/metrics.json.
Standard library only; deterministic: the same data and parameters give the same model bytes.
"""
import argparse
import csv
import json
import math
import os
import struct

LABEL = "is_fraud"


def load(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        features = [c for c in reader.fieldnames if c != LABEL]
        rows = list(reader)
    if not rows:
        raise SystemExit(f"{path}: no rows")
    x = [[float(r[c]) for c in features] for r in rows]
    y = [int(r[LABEL]) for r in rows]
    return features, x, y


def standardiser(x):
    n, d = len(x), len(x[0])
    means = [sum(row[j] for row in x) / n for j in range(d)]
    stds = []
    for j in range(d):
        var = sum((row[j] - means[j]) ** 2 for row in x) / n
        stds.append(math.sqrt(var) or 1.0)
    return means, stds


def scale(x, means, stds):
    return [[(v - m) / s for v, m, s in zip(row, means, stds)] for row in x]


def sigmoid(z):
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def predict(x, w, b):
    return [sigmoid(b + sum(wi * xi for wi, xi in zip(w, row))) for row in x]


def fit(x, y, lr, epochs, l2):
    n, d = len(x), len(x[0])
    w, b = [0.0] * d, 0.0
    for _ in range(epochs):
        p = predict(x, w, b)
        grad_w = [0.0] * d
        grad_b = 0.0
        for row, pi, yi in zip(x, p, y):
            err = pi - yi
            grad_b += err
            for j in range(d):
                grad_w[j] += err * row[j]
        w = [wj - lr * (gj / n + l2 * wj) for wj, gj in zip(w, grad_w)]
        b -= lr * grad_b / n
    return w, b


def auc(y, p):
    """Area under the ROC curve by the rank-sum (Mann-Whitney) formula, ties given average ranks."""
    order = sorted(range(len(p)), key=lambda i: p[i])
    ranks = [0.0] * len(p)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and p[order[j + 1]] == p[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(y)
    neg = len(y) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    rank_sum = sum(r for r, yi in zip(ranks, y) if yi == 1)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def logloss(y, p):
    eps = 1e-15
    return -sum(yi * math.log(max(pi, eps)) + (1 - yi) * math.log(max(1 - pi, eps)) for yi, pi in zip(y, p)) / len(y)


def classification(y, p, threshold):
    tp = sum(1 for yi, pi in zip(y, p) if pi >= threshold and yi == 1)
    fp = sum(1 for yi, pi in zip(y, p) if pi >= threshold and yi == 0)
    fn = sum(1 for yi, pi in zip(y, p) if pi < threshold and yi == 1)
    tn = len(y) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"accuracy": (tp + tn) / len(y), "precision": precision, "recall": recall}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default="data/train.csv")
    parser.add_argument("--valid", default="data/valid.csv")
    parser.add_argument("--out", default="out")
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--l2", type=float, default=0.001)
    parser.add_argument("--threshold", type=float, default=0.3)
    args = parser.parse_args()

    features, x_train, y_train = load(args.train)
    valid_features, x_valid, y_valid = load(args.valid)
    if valid_features != features:
        raise SystemExit(f"{args.valid}: columns {valid_features} differ from {args.train}: {features}")
    means, stds = standardiser(x_train)
    w, b = fit(scale(x_train, means, stds), y_train, args.lr, args.epochs, args.l2)
    print(f"trained on {len(y_train)} rows, {len(features)} features, {args.epochs} epochs")

    p_train = predict(scale(x_train, means, stds), w, b)
    p_valid = predict(scale(x_valid, means, stds), w, b)
    metrics = {"auc": auc(y_valid, p_valid), "logloss": logloss(y_valid, p_valid)}
    metrics.update(classification(y_valid, p_valid, args.threshold))
    metrics["train"] = {"auc": auc(y_train, p_train), "logloss": logloss(y_train, p_train)}
    metrics["rows"] = {"train": len(y_train), "valid": len(y_valid)}
    print("validation: " + ", ".join(f"{k}={v:.4f}" for k, v in metrics.items() if isinstance(v, float)))

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "model.bin"), "wb") as f:
        f.write(b"MLCICDLR")
        f.write(struct.pack("<I", len(features)))
        for name in features:
            encoded = name.encode("utf-8")
            f.write(struct.pack("<H", len(encoded)) + encoded)
        f.write(struct.pack(f"<{len(features)}d", *means))
        f.write(struct.pack(f"<{len(features)}d", *stds))
        f.write(struct.pack(f"<{len(features)}d", *w))
        f.write(struct.pack("<d", b))
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
