#!/usr/bin/python3
"""Writes engine/src/test/resources/data/drift-crosscheck.json: drift statistics computed by SciPy/numpy
on seeded data, asserted by DriftCrossCheckTest. Run with Debian's /usr/bin/python3 (numpy, scipy)."""
import json
import pathlib

import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "engine/src/test/resources/data/drift-crosscheck.json"
LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
FLOOR = 1e-4


def binned(ref, cur):
    edges = np.quantile(ref, LEVELS)  # numpy 'linear'
    rc = np.bincount(np.searchsorted(edges, ref, side="right"), minlength=10)
    cc = np.bincount(np.searchsorted(edges, cur, side="right"), minlength=10)
    return edges, rc, cc


def psi(rc, cc):
    r = np.maximum(rc / rc.sum(), FLOOR)
    c = np.maximum(cc / cc.sum(), FLOOR)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric_case(name, ref, cur):
    ref = np.round(np.asarray(ref, dtype=float), 4)
    cur = np.round(np.asarray(cur, dtype=float), 4)
    edges, rc, cc = binned(ref, cur)
    ks = stats.ks_2samp(ref, cur, method="auto")
    wd = stats.wasserstein_distance(ref, cur)
    return {
        "name": name, "kind": "numeric",
        "reference": ref.tolist(), "current": cur.tolist(),
        "edges": edges.tolist(), "referenceCounts": rc.tolist(), "currentCounts": cc.tolist(),
        "psi": psi(rc, cc),
        "ksStatistic": float(ks.statistic), "ksPValue": float(ks.pvalue),
        "ksMethod": "EXACT" if max(len(ref), len(cur)) <= 10000 else "ASYMPTOTIC",
        "wasserstein": float(wd),
        "wassersteinNormed": float(wd / max(np.std(ref), 0.001)),
        "jensenShannon": float(jensenshannon(rc, cc, base=2)),
    }


def categorical_case(name, ref_counts, cur_counts):
    rc = np.asarray(ref_counts, dtype=float)
    cc = np.asarray(cur_counts, dtype=float)
    table = np.vstack([rc, cc])
    table = table[:, table.sum(axis=0) > 0]
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    return {
        "name": name, "kind": "categorical",
        "referenceCounts": list(map(int, ref_counts)), "currentCounts": list(map(int, cur_counts)),
        "lInfinity": float(np.max(np.abs(rc / rc.sum() - cc / cc.sum()))),
        "jensenShannon": float(jensenshannon(rc, cc, base=2)),
        "psi": psi(rc, cc),
        "chiSquareStatistic": float(chi2), "chiSquarePValue": float(p), "chiSquareDof": int(dof),
    }


def main():
    rng = np.random.default_rng(20261128)
    cases = []
    cases.append(numeric_case("normal same 200/300", rng.normal(0, 1, 200), rng.normal(0, 1, 300)))
    cases.append(numeric_case("normal shifted 500/500", rng.normal(0, 1, 500), rng.normal(0.3, 1, 500)))
    cases.append(numeric_case("normal scaled 1000/800", rng.normal(5, 2, 1000), rng.normal(5, 3, 800)))
    cases.append(numeric_case("tiny 7/5", rng.normal(0, 1, 7), rng.normal(1, 1, 5)))
    cases.append(numeric_case("equal sizes 50/50 shifted", rng.normal(0, 1, 50), rng.normal(0.8, 1, 50)))
    cases.append(numeric_case("integers with ties 400/600", rng.integers(0, 20, 400), rng.integers(2, 22, 600)))
    cases.append(numeric_case("exponential 3000/2000", rng.exponential(2, 3000), rng.exponential(2.2, 2000)))
    cases.append(numeric_case("lognormal 10000/9999", rng.lognormal(0, 1, 10000), rng.lognormal(0.02, 1, 9999)))
    cases.append(numeric_case("asymptotic 12000/15000", rng.normal(0, 1, 12000), rng.normal(0.02, 1, 15000)))
    cases.append(numeric_case("asymptotic shifted 11000/4000", rng.normal(0, 1, 11000), rng.normal(0.1, 1.1, 4000)))
    cases.append(numeric_case("asymptotic unbalanced 20000/30", rng.uniform(0, 1, 20000), rng.uniform(0.1, 1, 30)))
    cases.append(numeric_case("constant reference 100/100", np.full(100, 3.0), rng.normal(3, 0.01, 100)))
    cases.append(numeric_case("identical 300/300", np.arange(300) / 7.0, np.arange(300) / 7.0))
    cases.append(numeric_case("disjoint 80/120", rng.uniform(0, 1, 80), rng.uniform(5, 6, 120)))
    cases.append(numeric_case("heavy tails 2000/2500", rng.standard_t(2, 2000), rng.standard_t(2, 2500)))
    cases.append(numeric_case("bimodal 700/900", np.concatenate([rng.normal(-2, 1, 350), rng.normal(2, 1, 350)]),
                              rng.normal(0, 2, 900)))
    cases.append(categorical_case("3 categories same", [500, 300, 200], [480, 320, 200]))
    cases.append(categorical_case("3 categories shifted", [500, 300, 200], [300, 300, 400]))
    cases.append(categorical_case("binary", [900, 100], [850, 150]))
    cases.append(categorical_case("new category in current", [100, 50, 0], [90, 40, 30]))
    cases.append(categorical_case("category missing in current", [100, 50, 25], [110, 60, 0]))
    cases.append(categorical_case("many categories", list(rng.integers(1, 500, 40)), list(rng.integers(1, 500, 40))))
    cases.append(categorical_case("large counts small shift", [5_000_000, 3_000_000, 2_000_000],
                                  [5_010_000, 2_995_000, 1_995_000]))
    cases.append(categorical_case("single category each", [10, 0], [0, 10]))
    cases.append(categorical_case("identical", [7, 7, 7, 7], [7, 7, 7, 7]))
    kolmogorov = []
    for n, x in [(5, 0.15), (5, 0.6), (10, 0.2), (20, 0.1), (50, 0.05), (50, 0.2), (100, 0.12), (140, 0.3),
                 (141, 0.01), (200, 0.05), (500, 0.04), (1000, 0.02), (1000, 0.06), (5000, 0.01), (5000, 0.03),
                 (20000, 0.005), (20000, 0.012), (99999, 0.004), (150000, 0.002), (150000, 0.004),
                 (400000, 0.001), (1000, 0.0009), (3, 0.9), (2000, 0.3)]:
        kolmogorov.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    chi2 = []
    for x, dof in [(0.5, 1), (3.84, 1), (10, 3), (0.01, 2), (50, 10), (120, 100), (1e4, 9999), (300, 200),
                   (0.2, 7), (1e-8, 1), (45, 3), (2000, 1000)]:
        chi2.append({"x": x, "dof": dof, "sf": float(stats.chi2.sf(x, dof))})
    document = {
        "generatedBy": "bench/drift-crosscheck.py",
        "numpy": np.__version__, "scipy": __import__("scipy").__version__,
        "cases": cases, "kolmogorov": kolmogorov, "chiSquare": chi2,
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({len(cases)} drift cases, {len(kolmogorov)} kstwo, {len(chi2)} chi2)")


if __name__ == "__main__":
    main()
