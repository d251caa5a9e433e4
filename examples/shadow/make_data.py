#!/usr/bin/env python3
"""Writes the example inputs: requests.jsonl, the two prediction logs and the outcomes (deterministic)."""
import csv
import json
import math
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
random.seed(42)


def score(amount, age, shift):
    z = amount / 400.0 - age / 60.0 + shift
    return 1 / (1 + math.exp(-z))


rows = []
for i in range(500):
    amount = round(random.expovariate(1 / 300), 2)
    age = random.randint(18, 80)
    country = random.choice(["DE", "FR", "US"])
    p = score(amount, age, 0.0)
    clicked = 1 if random.random() < score(amount, age, 0.1) else 0
    rows.append((f"req-{i:04d}", amount, age, country, clicked))

with open(os.path.join(here, "requests.jsonl"), "w") as f:
    for rid, amount, age, country, _ in rows:
        f.write(json.dumps({"id": rid, "amount": amount, "age": age, "country": country}) + "\n")

for name, shift, latency in (("baseline", 0.0, 12), ("candidate", 0.15, 15)):
    with open(os.path.join(here, f"{name}-predictions.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["request_id", "score", "latency_ms", "country", "error"])
        for rid, amount, age, country, _ in rows:
            if name == "candidate" and rid == "req-0007":
                w.writerow([rid, "", 5000, country, "timeout"])
                continue
            w.writerow([rid, round(score(amount, age, shift), 6), round(random.gauss(latency, 3), 1), country, ""])

with open(os.path.join(here, "outcomes.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["request_id", "clicked"])
    for rid, *_, clicked in rows:
        w.writerow([rid, clicked])
