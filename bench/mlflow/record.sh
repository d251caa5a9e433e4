#!/usr/bin/env bash
# Records what real MLflow tracking servers answer to the MLflow adapter (issue 16): for each MLflow
# commit, starts two servers on loopback from that commit's source (sqlite backend, artifact proxy; one
# plain, one with MLflow's basic-auth app), runs MlflowScenarios through a recording proxy
# (MlflowRecorder), and writes engine/src/test/resources/mlflow/<version>/<scenario>.jsonl, which
# MlflowRecordedReplayTest replays in every build. The servers are stopped by their process group id.
#
#   bench/mlflow/prepare.sh /tmp/mlrec-env 046e21169 a68ee4136      # once: the Python environment
#   bench/mlflow/record.sh  /tmp/mlrec-env 046e21169 a68ee4136      # from the repository root
#
# Recorded so far: MLflow 3.6.1.dev0 (upstream 046e211690919a4969ac4cf4f2d70c6ce6c65870) and
# 2.22.1.dev0 (upstream a68ee413624f5067ec33fa05ba1785fab613fa24); see docs/training.md.
set -euo pipefail
env_dir=${1:?scratch dir made by prepare.sh}; shift
[ $# -gt 0 ] || { echo "give at least one MLflow commit" >&2; exit 2; }
env_dir=$(cd "$env_dir" && pwd)
repo=$(cd "$(dirname "$0")/../.." && pwd)
out_root=${OUT_ROOT:-$repo/engine/src/test/resources/mlflow}

"$repo/mvnw" -B -q -ntp -f "$repo/pom.xml" -pl engine test-compile dependency:build-classpath \
  -Dmdep.outputFile="$env_dir/classpath.txt" -Dmdep.includeScope=test
cp="$repo/engine/target/test-classes:$repo/engine/target/classes:$(cat "$env_dir/classpath.txt")"

pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# start_server <src> <state-dir> <port> [--app-name basic-auth]; waits for /health, at most 120 s
start_server() {
  local src=$1 state=$2 port=$3; shift 3
  mkdir -p "$state/artifacts"
  local major; major=$(sed -n 's/^VERSION = "\([0-9]*\)\..*/\1/p' "$src/mlflow/version.py")
  local extra=(); [ "$major" -ge 3 ] && extra=(--gunicorn-opts "--log-level info")   # 3.x defaults to uvicorn+FastAPI; the REST API is the Flask app either way
  # exec: the background job's PID is the server's, and setsid makes it the id of a process group that
  # holds the gunicorn master and workers, so that one kill stops them all.
  # The basic-auth app (3.x) wants a fixed CSRF key: a random one per run, the servers are thrown away.
  (cd "$state" && export MLFLOW_FLASK_SERVER_SECRET_KEY="$(head -c 24 /dev/urandom | base64)" \
     MLFLOW_AUTH_CONFIG_PATH="$state/basic_auth.ini" PYTHONPATH="$src:$env_dir/site" && \
   exec setsid /usr/bin/python3 -m mlflow server --backend-store-uri "sqlite:///$state/mlflow.db" \
     --artifacts-destination "$state/artifacts" --host 127.0.0.1 --port "$port" --workers 2 "${extra[@]}" "$@") \
     > "$state/server.log" 2>&1 &
  echo $! > "$state/pid"
  pids+=("$(cat "$state/pid")")
  for _ in $(seq 120); do
    curl -sf -m 2 "http://127.0.0.1:$port/health" >/dev/null && return 0
    sleep 1
  done
  echo "MLflow did not start on port $port; see $state/server.log" >&2; tail -20 "$state/server.log" >&2; exit 1
}

status=0
for commit in "$@"; do
  src=$(ls -d "$env_dir"/mlflow-"${commit:0:9}"* | head -1)
  version=$(sed -n 's/^VERSION = "\(.*\)"/\1/p' "$src/mlflow/version.py")
  run=$env_dir/run-$version-$(date +%s)
  mkdir -p "$run/plain" "$run/auth"
  cat > "$run/auth/basic_auth.ini" <<INI
[mlflow]
default_permission = READ
database_uri = sqlite:///$run/auth/basic_auth.db
admin_username = admin
admin_password = password1234
authorization_function = mlflow.server.auth:authenticate_request_basic_auth
INI
  plain_port=$(free_port); start_server "$src" "$run/plain" "$plain_port"
  auth_port=$(free_port); start_server "$src" "$run/auth" "$auth_port" --app-name basic-auth
  out=$out_root/$version
  rm -rf "$out"; mkdir -p "$out"
  full=$(cat "$src/.commit" 2>/dev/null || echo "$commit")
  java -cp "$cp" io.jenkins.plugins.mlcicd.registry.MlflowRecorder "http://127.0.0.1:$plain_port" "http://127.0.0.1:$auth_port" "$out" \
    | tee "$run/recorder.log" || status=1
  python3 - "$out/server.json" "$version" "$full" <<'PY'
import json, sys, datetime
out, version, commit = sys.argv[1:4]
json.dump({"mlflow_version": version, "commit": commit, "backend": "sqlite", "artifacts": "mlflow-artifacts proxy (--artifacts-destination)",
           "auth": "basic-auth app (MLflow's, default_permission READ)",
           "recorded_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}, open(out, "w"), indent=2)
PY
  for p in "$run/plain/pid" "$run/auth/pid"; do kill -- "-$(cat "$p")" 2>/dev/null || true; done
  pids=()
done
exit $status
