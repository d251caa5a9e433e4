#!/usr/bin/env bash
# Spark path vs DuckDB path on the same Parquet files (bench/spark): `mlcicd validate` with a contract and
# histogram drift against a reference profile, and `mlcicd evaluate`, at 1 M and 10 M rows (ROWS="1000000 10000000").
# The Spark Connect server runs local[2] on loopback in its own JVM (classpath from the IT's server pom), behind a
# counting TCP relay that measures the bytes the client sends and receives. Output: bench/out/spark/results.txt
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/bench/out/spark"
mkdir -p "$out/tmp"
rm -f "$out/bytes"
jar="$root/engine/target/mlcicd.jar"
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -q -B -ntp -pl engine -am package -DskipTests)
cp="$root/engine/target/spark-server.classpath"
[[ -f "$cp" ]] || (cd "$root" && ./mvnw -q -B -ntp -f engine/src/test/spark-server/pom.xml dependency:build-classpath -Dmdep.outputFile="$cp")
ROWS="${ROWS:-1000000 10000000}"
spark_port=15199
proxy_port=15198
export MLCICD_SPARK_TOKEN=bench-token
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
SPARK_CONNECT_AUTHENTICATE_TOKEN=$MLCICD_SPARK_TOKEN java "${opens[@]}" -Xmx3g -Djava.io.tmpdir="$out/tmp" \
  -Dspark.master='local[2]' -Dspark.ui.enabled=false -Dspark.local.dir="$out/tmp" -Dspark.driver.bindAddress=127.0.0.1 \
  -Dspark.driver.host=127.0.0.1 -Dspark.connect.grpc.binding.address=127.0.0.1 -Dspark.connect.grpc.binding.port=$spark_port \
  -cp "$(cat "$cp")" org.apache.spark.sql.connect.service.SparkConnectServer > "$out/server.log" 2>&1 &
server=$!
java "$root/bench/spark/CountingProxy.java" $proxy_port $spark_port "$out/bytes" 2>/dev/null &
proxy=$!
trap 'kill $server $proxy 2>/dev/null || true' EXIT
cd "$root"
for _ in $(seq 1 120); do grep -q "Spark Connect server started" "$out/server.log" && break; sleep 1; done
bytes() { cat "$out/bytes" 2>/dev/null || echo "0 0"; }
# exit codes 0/1/3/4 are verdicts; 2 (bad input) and worse stop the benchmark
timed() { local s e rc=0; s=$(date +%s.%N); "$@" > "$out/last.log" 2>&1 || rc=$?; e=$(date +%s.%N)
  if [[ $rc == 2 || $rc -gt 4 ]]; then cat "$out/last.log" >&2; exit 1; fi; echo "$e - $s" | bc; }
mlcicd() { java -Xmx2g --add-opens=java.base/java.nio=ALL-UNNAMED -jar "$jar" "$@"; }
[[ -f "$out/reference.parquet" ]] || java -cp "$jar" bench/spark/MakeData.java 1000000 1 "$out/reference.parquet"
mlcicd profile --data "$out/reference.parquet" --out "$out/reference-profile.json" > /dev/null
: > "$out/results.txt"
for n in $ROWS; do
  data="$out/current-$n.parquet"
  [[ -f "$data" ]] || java -cp "$jar" bench/spark/MakeData.java "$n" 2 "$data"
  for engine in duckdb spark; do
    if [[ $engine == duckdb ]]; then src=(--data "$data"); esrc=(--predictions "$data")
    else src=(--spark "sc://127.0.0.1:$proxy_port" --data "$data"); esrc=("${src[@]}"); fi
    read -r s0 c0 < <(bytes)
    tv=$(timed mlcicd validate --contract bench/spark/contract.yaml "${src[@]}" --reference-profile "$out/reference-profile.json" --out "$out/validate-$engine-$n.json")
    read -r s1 c1 < <(bytes)
    te=$(timed mlcicd evaluate "${esrc[@]}" --label y --score p --out "$out/evaluate-$engine-$n.json")
    read -r s2 c2 < <(bytes)
    line="rows=$n engine=$engine validate_s=$tv evaluate_s=$te"
    [[ $engine == spark ]] && line="$line validate_bytes_to_client=$((c1 - c0)) validate_bytes_to_server=$((s1 - s0)) evaluate_bytes_to_client=$((c2 - c1))"
    echo "$line" | tee -a "$out/results.txt"
  done
  python3 - "$out" "$n" <<'PY' | tee -a "$out/results.txt"
import json, sys
out, n = sys.argv[1], sys.argv[2]
d = json.load(open(f"{out}/validate-duckdb-{n}.json")); s = json.load(open(f"{out}/validate-spark-{n}.json"))
same = [(a["name"], a["verdict"]) for a in d["checks"]] == [(b["name"], b["verdict"]) for b in s["checks"]]
ed = json.load(open(f"{out}/evaluate-duckdb-{n}.json"))["metrics"]; es = json.load(open(f"{out}/evaluate-spark-{n}.json"))["metrics"]
print(f"rows={n} same_checks_and_verdicts={same} verdict={d['verdict']}/{s['verdict']} max_metric_diff={max(abs(ed[k]-es[k]) for k in ed):.2e}")
PY
done
