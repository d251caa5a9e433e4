#!/usr/bin/env bash
# Times `mlcicd gate` on a large sliced metrics document (default 20000 slices, about 40000 checks).
# There is no peer tool to compare a gate with; the number to watch is seconds per run on this machine
# next to the same run on the shipped example (JVM start-up dominates that one).
# Usage: bench/gate/run.sh [SLICES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
slices="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${PYTHON:-/usr/bin/python3}"
"$python" - "$work" "$slices" <<'PY'
import json, random, sys
work, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
def doc(shift):
    return {"auc": 0.9 + shift, "log_loss": 0.3 - shift,
            "slices": {f"segment={i}": {"count": random.randint(10, 100000),
                                         "auc": 0.85 + random.random() * 0.1 + shift,
                                         "recall": 0.6 + random.random() * 0.2} for i in range(n)}}
json.dump(doc(0.0), open(f"{work}/baseline.json", "w"))
json.dump(doc(0.001), open(f"{work}/candidate.json", "w"))
open(f"{work}/policy.yaml", "w").write(
    "rules:\n"
    "  - {metric: auc, atLeast: 0.8, maxRegression: 0.01, slices: all}\n"
    "  - {metric: recall, atLeast: 0.5, slices: top:100}\n"
    "  - {metric: log_loss, maxRegression: 0.05, relative: true}\n")
PY
"$root/mlcicd" --version >/dev/null   # builds the jar if needed, outside the timing
run() {
  local start end
  start=$(date +%s.%N)
  "$root/mlcicd" gate "$@" >/dev/null || true
  end=$(date +%s.%N)
  "$python" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$start" "$end"
}
big=$(run --policy "$work/policy.yaml" --candidate "$work/candidate.json" --baseline "$work/baseline.json" \
          --out "$work/gate.json" --junit "$work/gate.xml")
small=$(run --policy "$root/examples/gate/policy.yaml" --candidate "$root/examples/gate/candidate.json" \
            --baseline "$root/examples/gate/baseline.json")
checks=$("$python" -c "import json,sys; print(len(json.load(open(sys.argv[1]))['checks']))" "$work/gate.json")
echo "slices=$slices checks=$checks large_run_s=$big example_run_s=$small ratio=$("$python" -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$big" "$small") (load: $(cut -d' ' -f1 /proc/loadavg))"
