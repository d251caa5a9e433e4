#!/usr/bin/python3
"""The peer of `mlcicd validate` in bench/validate: the same contract checks and drift statistics with
pandas + SciPy (Debian python3-pandas, python3-scipy). Usage: validate_pandas.py DATA REFERENCE."""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

ALLOWED = ["US", "DE", "FR", "GB", "ES", "IT"]


def read(path):
    # Every column as text first, as mlcicd does, so a bad value is found, not coerced silently.
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def typed(frame):
    out = {}
    bad = {}
    for name, kind in [("id", "int"), ("amount", "float"), ("age", "int"), ("score", "float"), ("qty", "int"),
                       ("price", "float")]:
        raw = frame[name]
        value = pd.to_numeric(raw, errors="coerce")
        if kind == "int":
            value = value.where(raw.str.fullmatch(r"\s*[-+]?\d+\s*", na=False))
        out[name] = value
        bad[name] = int((raw.notna() & value.isna()).sum())
    for name in ["ts", "day"]:
        value = pd.to_datetime(frame[name], errors="coerce")
        out[name] = value
        bad[name] = int((frame[name].notna() & value.isna()).sum())
    flag = frame["flag"].str.lower().map({"true": True, "false": False})
    out["flag"] = flag
    bad["flag"] = int((frame["flag"].notna() & flag.isna()).sum())
    for name in ["country", "email", "category"]:
        out[name] = frame[name]
        bad[name] = 0
    return out, bad


def drift(ref, cur, categorical, integer=False):
    if categorical:
        keys = sorted(set(ref.dropna().unique()) | set(cur.dropna().unique()), key=str)
        rc = ref.value_counts().reindex(keys, fill_value=0).to_numpy(dtype=float)
        cc = cur.value_counts().reindex(keys, fill_value=0).to_numpy(dtype=float)
        return "jensen_shannon", float(jensenshannon(rc, cc))  # natural log, as the engine (issue 17)
    r = ref.dropna().to_numpy(dtype=float)
    c = cur.dropna().to_numpy(dtype=float)
    few = 10 if integer else 5  # an integer column with <= 10 values is categorical (Evidently 0.7, issue 17)
    if len(np.unique(np.concatenate([r[:100000], c[:100000]]))) <= few and len(np.unique(np.concatenate([r, c]))) <= few:
        keys = np.union1d(np.unique(r), np.unique(c))
        rc = np.array([(r == k).sum() for k in keys])
        cc = np.array([(c == k).sum() for k in keys])
        return "jensen_shannon", float(jensenshannon(rc, cc))  # natural log, as the engine (issue 17)
    wd = stats.wasserstein_distance(r, c)
    return "wasserstein_normed", float(wd / max(np.std(r), 0.001))


def main():
    data, reference = sys.argv[1], sys.argv[2]
    cur_frame = read(data)
    ref_frame = read(reference)
    cur, bad = typed(cur_frame)
    ref, _ = typed(ref_frame)
    rows = len(cur_frame)
    checks = {"rows": rows, "type": bad}
    checks["id.nulls"] = int(cur["id"].isna().sum())
    checks["id.unique"] = int(cur["id"].duplicated().sum() - max(cur["id"].isna().sum() - 1, 0))
    checks["amount.nulls"] = int(cur["amount"].isna().sum())
    for name, lo, hi in [("amount", 0, 1000000), ("age", 18, 120), ("qty", 1, 10), ("price", 0, 500)]:
        checks[name + ".min"] = int((cur[name] < lo).sum())
        checks[name + ".max"] = int((cur[name] > hi).sum())
    checks["ts.min"] = int((cur["ts"] < pd.Timestamp("2024-01-01")).sum())
    checks["ts.max"] = int((cur["ts"] > pd.Timestamp("2025-01-01")).sum())
    checks["day.min"] = int((cur["day"] < pd.Timestamp("2024-01-01")).sum())
    checks["day.max"] = int((cur["day"] > pd.Timestamp("2024-12-31")).sum())
    country = cur["country"]
    checks["country.allowed"] = int((country.notna() & ~country.isin(ALLOWED)).sum())
    email = cur["email"]
    checks["email.pattern"] = int((email.notna() & ~email.str.fullmatch(r"[^@]+@[^@]+", na=False)).sum())
    drifts = {}
    for name in ["amount", "age", "score", "qty", "price"]:
        drifts[name] = drift(ref[name], cur[name], False, integer=name in ("age", "qty"))
    for name in ["country", "flag", "category"]:
        drifts[name] = drift(ref[name].astype("string"), cur[name].astype("string"), True)
    print(json.dumps({"checks": checks, "drift": drifts}, default=str))


if __name__ == "__main__":
    main()
