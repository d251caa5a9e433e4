#!/usr/bin/python3
"""Side-by-side drift cross-check with Evidently 0.7.21 (issue 17, docs/data.md "Parity with Evidently").

Writes, under engine/src/test/resources/data/evidently/:
  <size>-reference.csv, <size>-same.csv, <size>-shifted.csv   seeded data, seven columns
  expectations.json    what Evidently decides per column and per pair, asserted by EvidentlyParityTest

How it was run (Evidently is not on any registry this project's machines reach, so it is built from source):
  fetch github:evidentlyai/evidently (a bare git dir), tag v0.7.21 = commit recorded in the JSON;
  its src/ tree extracted with `git ls-tree -r v0.7.21 src` + `git cat-file blob` (git archive stops at
  absent notebook blobs, which the drift code never reads) into /tmp/evidently-src;
  Debian 12 packages: apt-get install python3-pandas python3-scipy python3-sklearn python3-plotly
    python3-statsmodels python3-nltk python3-pydantic python3-yaml python3-typing-inspect python3-ujson
    python3-deprecation;
  import stubs (empty modules, never committed) in /tmp/evidently-stubs for packages Debian lacks that
    the drift code path never calls;
  PYTHONPATH=/tmp/evidently-src/src:/tmp/evidently-stubs /usr/bin/python3 bench/drift-evidently.py <commit>

Nothing of Evidently's code is committed; only its outputs. Per column the script calls Evidently's own code:
  - column type: evidently.core.datasets.infer_column_type (the 0.7 Dataset API: integer columns with
    <= 10 distinct values are categorical) and, for the legacy ColumnMapping API,
    evidently.legacy.utils.data_preprocessing._get_column_type (<= 5);
  - default test: evidently.legacy.calculations.stattests.registry.get_stattest(ref, cur, type, None), the
    call get_one_column_drift (behind both DataDriftPresets) makes, run with its default threshold;
  - PSI and Jensen-Shannon named explicitly (our `binning: evidently` option must match these);
  - the whole preset as a user runs it, Report([DataDriftPreset()]).run(Dataset.from_pandas(current),
    Dataset.from_pandas(reference)): its ValueDrift values must equal the direct calls above (checked here,
    recorded per column as "preset"), and its DriftedColumnsCount(drift_share=0.5) is the dataset decision.
"""
import re
import json
import pathlib
import sys

import numpy as np
import pandas as pd

import evidently
from evidently import Dataset, Report
from evidently.presets import DataDriftPreset
from evidently.core.datasets import infer_column_type
from evidently.legacy.calculations.stattests.registry import get_stattest
from evidently.legacy.core import ColumnType
from evidently.legacy.utils.data_preprocessing import _get_column_type, _InputData

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "engine/src/test/resources/data/evidently"
SIZES = [800, 2000, 20000]
COLUMNS = ["score", "amount", "age", "visits", "rating", "flag", "segment"]
SEGMENTS = ["a", "b", "c", "d", "e"]


def frame(rng, n, shift):
    """Seven columns: two doubles, a wide integer, an 8-valued and a 4-valued integer, a boolean, 5 categories."""
    s = 1.0 if shift else 0.0
    return pd.DataFrame({
        "score": np.round(rng.normal(0.12 * s, 1.0 + 0.05 * s, n), 4),
        "amount": np.round(rng.lognormal(3.0 + 0.08 * s, 0.8, n), 2),
        "age": rng.integers(18, 80 + int(6 * s), n).astype("int64"),
        "visits": rng.binomial(7, 0.30 + 0.04 * s, n).astype("int64"),
        "rating": rng.choice([1, 2, 3, 4], n, p=[0.1, 0.2, 0.3 - 0.04 * s, 0.4 + 0.04 * s]).astype("int64"),
        "flag": rng.random(n) < 0.2 + 0.03 * s,
        "segment": rng.choice(SEGMENTS, n, p=[0.3, 0.25, 0.2 - 0.03 * s, 0.15, 0.1 + 0.03 * s]),
    })


def write(df, path):
    text = df.to_csv(index=False, lineterminator="\n").replace("True", "true").replace("False", "false")
    path.write_text(text, encoding="utf-8")


def legacy_type(ref, cur, name):
    return _get_column_type(name, _InputData(ref, cur), None)


def run_test(test, ref, cur, column_type):
    result = test(ref, cur, column_type, None)
    return {"stattest": test.name, "value": float(result.drift_score), "threshold": float(result.actual_threshold),
            "drifted": bool(result.drifted)}


def column_case(ref, cur, name):
    out = {"column": name}
    new_type = infer_column_type(cur[name])
    out["columnType"] = new_type.value
    column_type = new_type
    out["default"] = run_test(get_stattest(ref[name], cur[name], column_type, None), ref[name], cur[name], column_type)
    old_type = legacy_type(ref, cur, name)
    out["legacyColumnType"] = old_type.value
    out["legacyDefault"] = run_test(get_stattest(ref[name], cur[name], old_type, None), ref[name], cur[name], old_type)
    for method, test_name in (("psi", "psi"), ("jensen_shannon", "jensenshannon")):
        out[method] = run_test(get_stattest(ref[name], cur[name], column_type, test_name), ref[name], cur[name], column_type)
    return out


def main():
    commit = sys.argv[1] if len(sys.argv) > 1 else "unknown"
    OUT.mkdir(parents=True, exist_ok=True)
    pairs = []
    for size in SIZES:
        rng = np.random.default_rng(17_000 + size)
        ref = frame(rng, size, False)
        write(ref, OUT / f"{size}-reference.csv")
        for label, shift in (("same", False), ("shifted", True)):
            cur = frame(rng, size, shift)
            write(cur, OUT / f"{size}-{label}.csv")
            # Evidently sees exactly what our engine reads: the values parsed back from the committed text.
            ref_read = pd.read_csv(OUT / f"{size}-reference.csv", true_values=["true"], false_values=["false"])
            cur_read = pd.read_csv(OUT / f"{size}-{label}.csv", true_values=["true"], false_values=["false"])
            columns = [column_case(ref_read, cur_read, name) for name in COLUMNS]
            preset = Report([DataDriftPreset()]).run(Dataset.from_pandas(cur_read), Dataset.from_pandas(ref_read)).dict()
            share = None
            for metric in preset["metrics"]:
                name = metric["metric_name"]
                found = re.match(r"ValueDrift\(column=(\w+),method=([^,]+),threshold=([^)]+)\)", name)
                if found:
                    column = next(c for c in columns if c["column"] == found.group(1))
                    column["preset"] = {"method": found.group(2), "value": float(metric["value"]),
                                        "threshold": float(found.group(3))}
                    assert column["preset"]["value"] == column["default"]["value"], (name, column)
                elif name.startswith("DriftedColumnsCount(drift_share=0.5)"):
                    share = float(metric["value"]["share"])
            drifted = sum(c["default"]["drifted"] for c in columns)
            assert share == drifted / len(columns), (share, drifted)
            pairs.append({"name": f"{size}-{label}", "reference": f"{size}-reference.csv",
                          "current": f"{size}-{label}.csv", "rows": size, "columns": columns,
                          "datasetDrift": {"share": share, "driftShare": 0.5, "drifted": share >= 0.5}})
    doc = {"producer": "bench/drift-evidently.py", "evidentlyVersion": evidently.__version__,
           "evidentlyTag": "v0.7.21", "evidentlyCommit": commit, "numpy": np.__version__, "pandas": pd.__version__,
           "scipy": __import__("scipy").__version__, "pairs": pairs}
    (OUT / "expectations.json").write_text(json.dumps(doc, indent=1) + "\n")


if __name__ == "__main__":
    main()
