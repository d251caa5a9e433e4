#!/usr/bin/env bash
# Benchmark of `mlcicd shadow` replay against two local model servers (nginx returning a fixed score),
# next to wrk against one of them at the same concurrency; then a 1 M-request replay in a 256 MB heap.
#
#   bench/shadow/run.sh [REQUESTS=200000] [CONCURRENCY=8] [ROUNDS=3] [BIG=1000000]
#
# Reports per round: our requests/s per server and p95, wrk's requests/s and p95 (wrk's own numbers,
# from its Lua done() hook), and the medians over the rounds. Rounds alternate ours/wrk so that a
# change in machine load hits both alike. Servers listen on 127.0.0.1 only and are stopped by PID.
# Needs: nginx, wrk (Debian packages), python3, java.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
requests="${1:-200000}"
concurrency="${2:-8}"
rounds="${3:-3}"
big="${4:-1000000}"
work="$(mktemp -d)"
base_port="${SHADOW_BENCH_PORT:-18181}"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
command -v nginx >/dev/null || { echo "bench/shadow: needs nginx (apt-get install nginx)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "bench/shadow: needs wrk (apt-get install wrk)" >&2; exit 2; }

# Two model servers, one nginx worker each (a model server is one process; wrk hits one of them).
start_server() {
  local name="$1" port="$2" score="$3"
  mkdir -p "$work/$name"
  cat > "$work/$name/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/$name/nginx.pid;
error_log $work/$name/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$name/body;
  keepalive_requests 100000000;
  keepalive_timeout 600s;
  server { listen 127.0.0.1:$port; location / { default_type application/json; return 200 '{"score":$score}'; } }
}
CONF
  nginx -c "$work/$name/nginx.conf" -p "$work/$name" >"$work/$name/out.log" 2>&1 &
  pids+=("$!")
}
start_server baseline "$base_port" 0.5
start_server candidate "$((base_port + 1))" 0.52
for _ in $(seq 50); do
  if curl -s -o /dev/null "http://127.0.0.1:$base_port/" && curl -s -o /dev/null "http://127.0.0.1:$((base_port + 1))/"; then break; fi
  sleep 0.1
done

python3 - "$work" "$requests" "$big" <<'PY'
import gzip, json, random, sys
work, n, big = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
def line(i):
    return json.dumps({"id": f"r{i}", "amount": round(random.random() * 100, 2),
                       "country": random.choice(["DE", "FR", "US"])}) + "\n"
with open(f"{work}/requests.jsonl", "w") as f:
    f.writelines(line(i) for i in range(n))
if big > 0:
    with gzip.open(f"{work}/big.jsonl.gz", "wt", compresslevel=1) as f:
        f.writelines(line(i) for i in range(big))
PY
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"id": "r1", "amount": 55.21, "country": "DE"}'
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("WRK %.1f %.3f\n", summary.requests / (summary.duration / 1e6), latency:percentile(95.0) / 1000))
end
LUA
"$root/mlcicd" --version >/dev/null   # builds the jar if needed, outside the timing
url() { echo "http://127.0.0.1:$1/predict"; }

ours_rates=(); ours_p95=(); wrk_rates=(); wrk_p95=(); both_rates=(); both_p95s=()
for round in $(seq "$rounds"); do
  "$root/mlcicd" shadow --requests "$work/requests.jsonl" --baseline-url "$(url "$base_port")" \
      --candidate-url "$(url $((base_port + 1)))" --concurrency "$concurrency" --out "$work/ours.json" >/dev/null
  read -r rate p95 elapsed < <(python3 -c "
import json, sys
d = json.load(open(sys.argv[1])); m = d['models']
print(min(m['baseline']['throughput'], m['candidate']['throughput']), m['baseline']['latencyMs']['p95'], d['input']['elapsedMs'] / 1000)" "$work/ours.json")
  seconds=$(python3 -c "import sys; print(max(5, round(float(sys.argv[1]))))" "$elapsed")
  read -r _ wrate wp95 < <(wrk -t2 -c"$concurrency" -d"${seconds}s" -s "$work/post.lua" "$(url "$base_port")" | grep '^WRK')
  # The same work as ours: both servers loaded at once, one wrk each (one thread per model, as ours).
  # On a machine with fewer cores than two servers plus a client need, this row shows what the
  # machine allows per server, whoever the client is.
  wrk -t1 -c"$concurrency" -d"${seconds}s" -s "$work/post.lua" "$(url "$base_port")" | grep '^WRK' >"$work/wrk-a" &
  wrk_a=$!
  wrk -t1 -c"$concurrency" -d"${seconds}s" -s "$work/post.lua" "$(url $((base_port + 1)))" | grep '^WRK' >"$work/wrk-b"
  wait "$wrk_a"
  read -r both both_p95 < <(python3 -c "
import sys
rows = [open(f).read().split() for f in sys.argv[1:]]
print(min(float(r[1]) for r in rows), max(float(r[2]) for r in rows))" "$work/wrk-a" "$work/wrk-b")
  printf 'round %d: mlcicd shadow %.0f req/s per server (p95 %.3f ms) | wrk %.0f req/s (p95 %.3f ms) | two wrk, both servers: %.0f req/s per server (p95 %.3f ms) | load %s\n' \
      "$round" "$rate" "$p95" "$wrate" "$wp95" "$both" "$both_p95" "$(cut -d' ' -f1 /proc/loadavg)"
  ours_rates+=("$rate"); ours_p95+=("$p95"); wrk_rates+=("$wrate"); wrk_p95+=("$wp95"); both_rates+=("$both"); both_p95s+=("$both_p95")
done
python3 - "${ours_rates[*]}" "${ours_p95[*]}" "${wrk_rates[*]}" "${wrk_p95[*]}" "$concurrency" "$requests" "${both_rates[*]}" "${both_p95s[*]}" <<'PY'
import statistics, sys
o, op, w, wp = (list(map(float, a.split())) for a in sys.argv[1:5])
mo, mop, mw, mwp = (statistics.median(x) for x in (o, op, w, wp))
mb = statistics.median(map(float, sys.argv[7].split()))
mbp = statistics.median(map(float, sys.argv[8].split()))
print(f"median over {len(o)} rounds, {sys.argv[6]} requests, concurrency {sys.argv[5]}: "
      f"mlcicd shadow {mo:.0f} req/s per server, p95 {mop:.3f} ms; wrk {mw:.0f} req/s, p95 {mwp:.3f} ms; "
      f"rate ratio {mo / mw:.2f} (goal >= 0.70), p95 ratio {mop / mwp:.2f} (goal within 0.90-1.10); "
      f"two wrk on both servers at once {mb:.0f} req/s per server (p95 {mbp:.3f} ms), ours/that {mo / mb:.2f}")
PY

if [ "$big" -gt 0 ]; then
  start=$(date +%s.%N)
  MLCICD_JAVA_OPTS="-Xmx256m" /usr/bin/time -f "%M" -o "$work/rss" "$root/mlcicd" shadow \
      --requests "$work/big.jsonl.gz" --baseline-url "$(url "$base_port")" --candidate-url "$(url $((base_port + 1)))" \
      --concurrency "$concurrency" --slice country --out "$work/big.json" >/dev/null
  end=$(date +%s.%N)
  python3 - "$work/big.json" "$(cat "$work/rss")" "$start" "$end" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"{d['input']['sent']} requests (gzip log) with -Xmx256m: verdict {d['verdict']}, "
      f"{d['models']['candidate']['requests']} answered per model, {d['comparison']['compared']} compared, "
      f"peak RSS {int(sys.argv[2]) / 1024:.0f} MB, {float(sys.argv[4]) - float(sys.argv[3]):.0f} s")
PY
fi
