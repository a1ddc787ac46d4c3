#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md on this machine, side by side, and prints the figures.
# Usage (from the project root, after `mvn -B package -DskipTests`): bash benchmarks/run.sh
# Needs wrk (installed with apt-get when missing). Takes about 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SPEC=spec/target/openapi/activeplatform.yaml
PRISM=spec/node_modules/.bin/prism
SANDBOX_JAR=server-stubs/target/activeplatform-sandbox.jar
SANDBOX_CDS=server-stubs/target/activeplatform-sandbox.jsa
DURATION=${DURATION:-10s}
OUT=${OUT:-benchmarks/target/results.md}
mkdir -p benchmarks/target

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null); }
[ -f "$SANDBOX_JAR" ] && [ -f "$SANDBOX_CDS" ] && [ -f benchmarks/target/benchmarks.jar ] || mvn -B -q package -DskipTests

SANDBOX_PORT=18480
PRISM_PORT=18481
for port in $SANDBOX_PORT $PRISM_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: stop what listens there first" >&2; exit 1; fi
done
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
# start a server in the background, wait for its first successful answer; prints the milliseconds it took and its PID
start_and_time() {
  local name=$1 url=$2; shift 2
  local t0; t0=$(now_ms)
  "$@" > "benchmarks/target/$name.log" 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -f -H 'X-Api-Token: bench' "$url"; do sleep 0.01; done
  echo "$(( $(now_ms) - t0 )) $pid"
}
stop() { kill "$1" 2>/dev/null || true; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; }
# median start-up of three cold starts, each process stopped afterwards
median_start() {
  local runs=() ms pid
  for _ in 1 2 3; do
    read -r ms pid <<< "$(start_and_time "$@")"
    stop "$pid"
    runs+=("$ms")
  done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

GET_V3='/api/v3/resellers/1/subscriptions?page%5Bsize%5D=10&page%5Bnumber%5D=1&filter%5Bpayment_model%5D=postpay'
GET_V1='/api/vendor/v1/accounts/710.json?api_token=bench'
cat > benchmarks/target/post.lua <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/vnd.api+json"
wrk.headers["X-Api-Token"] = "bench"
wrk.body = '{"data":{"attributes":{"account_type_id":1,"primary_name":"Bench Ltd","first_name":"Ann","last_name":"Lee","email":"ann.lee@example.com"}}}'
LUA

SANDBOX=(java -XX:SharedArchiveFile="$SANDBOX_CDS" -jar "$SANDBOX_JAR" --port $SANDBOX_PORT)
PRISM_MOCK=("$PRISM" mock "$SPEC" --host 127.0.0.1 --port $PRISM_PORT)
sandbox_ms=$(median_start sandbox "http://127.0.0.1:$SANDBOX_PORT$GET_V3" "${SANDBOX[@]}")
plain_ms=$(median_start sandbox "http://127.0.0.1:$SANDBOX_PORT$GET_V3" java -jar "$SANDBOX_JAR" --port $SANDBOX_PORT)
prism_ms=$(median_start prism "http://127.0.0.1:$PRISM_PORT$GET_V3" "${PRISM_MOCK[@]}")
echo "start-up to first answer (median of 3): sandbox ${sandbox_ms} ms (${plain_ms} ms without its class-data archive), Prism ${prism_ms} ms"

read -r _ pid <<< "$(start_and_time sandbox "http://127.0.0.1:$SANDBOX_PORT$GET_V3" "${SANDBOX[@]}")"; pids+=("$pid")
read -r _ pid <<< "$(start_and_time prism "http://127.0.0.1:$PRISM_PORT$GET_V3" "${PRISM_MOCK[@]}")"; pids+=("$pid")

threads() { [ "$1" -lt 2 ] && echo 1 || echo 2; }
# one wrk run; prints "requests/s p50_ms p99_ms"
measure() {
  local port=$1 conns=$2 path=$3; shift 3
  wrk -t"$(threads "$conns")" -c"$conns" -d"$DURATION" --latency -H 'X-Api-Token: bench' "$@" "http://127.0.0.1:$port$path" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    END {printf "%.0f %.2f %.2f\n", rps, ms(p50), ms(p99)}'
}

# the JVM compiles its hot paths within a minute of load: warm every scenario up before measuring
for scenario in "$GET_V3|" "$GET_V1|" "/api/v3/resellers/1/accounts|-s benchmarks/target/post.lua"; do
  IFS='|' read -r path extra <<< "$scenario"
  wrk -t2 -c8 -d20s -H 'X-Api-Token: bench' $extra "http://127.0.0.1:$SANDBOX_PORT$path" > /dev/null
  wrk -t2 -c8 -d5s -H 'X-Api-Token: bench' $extra "http://127.0.0.1:$PRISM_PORT$path" > /dev/null
done

{
  echo "| scenario | connections | sandbox req/s | Prism req/s | ratio | sandbox p50 / p99 ms | Prism p50 / p99 ms |"
  echo "|---|---|---|---|---|---|---|"
  for scenario in "v3 GET with query|$GET_V3|" "v1 GET with api_token|$GET_V1|" "v3 POST, JSON:API body|/api/v3/resellers/1/accounts|-s benchmarks/target/post.lua"; do
    IFS='|' read -r name path extra <<< "$scenario"
    for conns in 1 8 32; do
      wrk -t"$(threads "$conns")" -c"$conns" -d3s -H 'X-Api-Token: bench' $extra "http://127.0.0.1:$SANDBOX_PORT$path" > /dev/null
      read -r s_rps s_p50 s_p99 <<< "$(measure $SANDBOX_PORT "$conns" "$path" $extra)"
      wrk -t"$(threads "$conns")" -c"$conns" -d3s -H 'X-Api-Token: bench' $extra "http://127.0.0.1:$PRISM_PORT$path" > /dev/null
      read -r p_rps p_p50 p_p99 <<< "$(measure $PRISM_PORT "$conns" "$path" $extra)"
      ratio=$(awk -v a="$s_rps" -v b="$p_rps" 'BEGIN {printf "%.1fx", (b > 0 ? a / b : 0)}')
      echo "| $name | $conns | $s_rps | $p_rps | $ratio | $s_p50 / $s_p99 | $p_p50 / $p_p99 |"
    done
  done
  echo
  echo "Start-up to first successful answer (median of 3): sandbox ${sandbox_ms} ms (${plain_ms} ms without its class-data archive), Prism ${prism_ms} ms."
} | tee "$OUT"
cleanup

echo
echo "== client overhead (JMH, with -prof gc)"
java -jar benchmarks/target/benchmarks.jar ClientOverheadBenchmark -prof gc -rf text -rff benchmarks/target/jmh.txt | tail -25

echo
echo "== generation time"
start=$(now_ms); mvn -B -q -pl spec,generated-client,server-stubs generate-sources > /dev/null; echo "bundle + generate client and stubs: $(( $(now_ms) - start )) ms"
