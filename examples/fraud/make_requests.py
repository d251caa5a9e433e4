#!/usr/bin/env python3
"""Writes a production request log and its delayed outcomes, as a serving platform would keep them.

Usage: python3 make_requests.py --out logs/ [--count 2000] [--seed 7] [--inject-drift]
  logs/requests.jsonl  one request body per line: {"id": "r000001", "amount": ..., "country": "US", ...}
  logs/outcomes.csv    request_id,is_fraud: the label that arrives later (chargebacks), for shadow --labels

The transactions come from the same generator as the training data (make_data.py), so a model trained
there scores them sensibly; --inject-drift shifts amounts up and adds a country the contract does not know.
Standard library only; seeded, so the same arguments give the same files.
"""
import argparse
import json
import os
import random

from make_data import FEATURES, transaction

COUNTRIES = ["US", "DE", "FR", "GB", "ES"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="logs")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--inject-drift", action="store_true")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "requests.jsonl"), "w") as requests, \
            open(os.path.join(args.out, "outcomes.csv"), "w") as outcomes:
        outcomes.write("request_id,is_fraud\n")
        for i in range(1, args.count + 1):
            *values, fraud = transaction(rng)
            body = dict(zip(FEATURES, values))
            if args.inject_drift:
                body["amount"] = round(body["amount"] * 3.0, 2)
            country = "BR" if args.inject_drift and rng.random() < 0.1 else rng.choice(COUNTRIES)
            request_id = f"r{i:06d}"
            requests.write(json.dumps({"id": request_id, "country": country, **body}) + "\n")
            outcomes.write(f"{request_id},{fraud}\n")


if __name__ == "__main__":
    main()
