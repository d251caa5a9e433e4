#!/usr/bin/env python3
"""Generates the example's card-transaction data (seeded, so the committed CSVs are reproducible).

Usage: python3 make_data.py   -> data/train.csv (2000 rows), data/valid.csv (800 rows)
       python3 make_data.py --serving --out DIR [--inject-drift] [--break-schema] [--label-shift]
           -> DIR/serving.csv (1000 rows): a later batch of the same population, optionally broken:
              --inject-drift  amounts three times larger (validation reports drift on 'amount')
              --break-schema  'hour' holds text on some rows (a contract type violation)
              --label-shift   twice as much fraud (the label's distribution moves)
Standard library only.
"""
import argparse
import csv
import math
import os
import random

FEATURES = ["amount", "hour", "merchant_risk", "distance_km", "txn_24h", "foreign"]


def transaction(rng, fraud_offset=0.0):
    amount = round(math.exp(rng.gauss(3.6, 1.1)), 2)
    hour = rng.randrange(24)
    merchant_risk = round(rng.betavariate(2, 6), 4)
    distance_km = round(rng.expovariate(1 / 25.0), 1)
    txn_24h = min(int(rng.expovariate(1 / 3.0)), 40)
    foreign = 1 if rng.random() < 0.12 else 0
    night = 1 if hour < 6 else 0
    score = (-6.4 + 0.45 * math.log1p(amount) + 7.0 * merchant_risk + 0.025 * distance_km
             + 0.15 * txn_24h + 2.0 * foreign + 1.8 * night + fraud_offset)
    fraud = 1 if rng.random() < 1 / (1 + math.exp(-score)) else 0
    return [amount, hour, merchant_risk, distance_km, txn_24h, foreign, fraud]


def write(path, rows):
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(FEATURES + ["is_fraud"])
        out.writerows(rows)


def serving(args):
    rng = random.Random(args.seed)
    rows = [transaction(rng, 0.9 if args.label_shift else 0.0) for _ in range(1000)]
    for i, row in enumerate(rows):
        if args.inject_drift:
            row[0] = round(row[0] * 3.0, 2)
        if args.break_schema and i % 97 == 0:
            row[1] = "noon"
    os.makedirs(args.out, exist_ok=True)
    write(os.path.join(args.out, "serving.csv"), rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serving", action="store_true")
    parser.add_argument("--out", default="serving")
    parser.add_argument("--seed", type=int, default=99)
    parser.add_argument("--inject-drift", action="store_true")
    parser.add_argument("--break-schema", action="store_true")
    parser.add_argument("--label-shift", action="store_true")
    args = parser.parse_args()
    if args.serving:
        serving(args)
        return
    rng = random.Random(20261128)
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(os.path.join(here, "data"), exist_ok=True)
    write(os.path.join(here, "data", "train.csv"), [transaction(rng) for _ in range(2000)])
    write(os.path.join(here, "data", "valid.csv"), [transaction(rng) for _ in range(800)])


if __name__ == "__main__":
    main()
