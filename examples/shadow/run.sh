#!/usr/bin/env bash
# The three ways to run `mlcicd shadow` on the example: replay against two toy model servers,
# a join of prediction logs, and labels. Servers listen on 127.0.0.1 and are stopped by PID.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
python3 "$here/model_server.py" 18091 0.0 & baseline=$!
python3 "$here/model_server.py" 18092 0.15 & candidate=$!
trap 'kill $baseline $candidate 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -s -o /dev/null -X POST -d '{}' http://127.0.0.1:18091/ && curl -s -o /dev/null -X POST -d '{}' http://127.0.0.1:18092/ && break
  sleep 0.1
done
set +e
# 1. Replay: both models get every request; a secret header comes from the environment, never the command line.
export MODEL_TOKEN=example-token
"$root/mlcicd" shadow --requests "$here/requests.jsonl" \
  --baseline-url http://127.0.0.1:18091/predict --candidate-url http://127.0.0.1:18092/predict \
  --score-pointer /score --decision-pointer /label --header 'Authorization: Bearer ${MODEL_TOKEN}' \
  --concurrency 4 --slice country --max-latency-p95 200ms --min-agreement 0.9 \
  --labels "$here/outcomes.csv" --key request_id --label clicked \
  --out "$out/replay.json" --html "$out/replay.html"
echo "replay: exit $?"
# 2. Log join: the prediction logs both models wrote for mirrored traffic.
"$root/mlcicd" shadow --baseline-log "$here/baseline-predictions.csv" --candidate-log "$here/candidate-predictions.csv" \
  --key request_id --slice country --policy "$here/shadow-gate.yaml" \
  --out "$out/logs.json" --html "$out/logs.html"
echo "log join: exit $?"
# 3. Log join with labels: every evaluation metric of both models and their paired difference.
"$root/mlcicd" shadow --baseline-log "$here/baseline-predictions.csv" --candidate-log "$here/candidate-predictions.csv" \
  --key request_id --labels "$here/outcomes.csv" --label clicked --bootstrap 200 \
  --out "$out/labels.json" --html "$out/labels.html"
echo "labels: exit $?"
echo "results in $out"
