#!/usr/bin/env bash
# Throughput and latency of one HTTP function, wrk with 32 connections, in one run:
#   runtime      - the in-house runtime serving examples/orders' `get` (local bundle, worker
#                  processes, default maxConcurrency 10)
#   jdk-server   - the lower bound: the same JSON work hand-written on the JDK HttpServer, in
#                  process (handwritten/JdkServer.java)
#   gcp-invoker  - Google's java-function-invoker running the same function (the gcp package of
#                  examples/orders through Skyhop's GCP adapter)
#
#   benchmarks/runtime/run.sh                 # 20 s per server after a 5 s warm-up
#   DURATION=30s WARMUP=10s benchmarks/runtime/run.sh
#   BUILD=1 benchmarks/runtime/run.sh         # rebuild the runtime and examples/orders first
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target
duration=${DURATION:-20s}
warmup=${WARMUP:-5s}
connections=${CONNECTIONS:-32}
mvn_flags=${MVN_FLAGS--o}
mkdir -p "$work"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

prop() { grep -o "<$1>[^<]*</$1>" "$root/pom.xml" | sed -e 's/<[^>]*>//g'; }
copy() { # groupId:artifactId:version -> $work/<artifactId>.jar
  (cd "$root" && mvn $mvn_flags -q -B -N dependency:copy -Dartifact="$1" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true)
}
[ -f "$work/gson.jar" ] || copy "com.google.code.gson:gson:$(prop gson.version)"
[ -f "$work/java-function-invoker.jar" ] ||
  copy "com.google.cloud.functions.invoker:java-function-invoker:$(prop gcf-invoker.version)" || true

packaged=$root/examples/orders/target/skyhop
if [ -n "${BUILD:-}" ] || [ ! -f "$root/runtime/target/skyhop-runtime.jar" ] || [ ! -f "$packaged/local/orders.zip" ]; then
  (cd "$root" && mvn $mvn_flags -q -B install -DskipTests -Dspotless.apply.skip -pl adapters/local/runtime,examples/orders -am)
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # url
  for _ in $(seq 1 200); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "nothing answers at $1" >&2; return 1
}
results=()
measure() { # name url
  wrk -t2 -c"$connections" -d"$warmup" "$2" >/dev/null
  local out; out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$2")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  results+=("$(printf '%-12s %10s req/s   p50 %8s   p99 %8s   %s' "$1" "$rps" "$p50" "$p99" "${errors:-no errors}")")
}

# 1. The in-house runtime with the local bundle of examples/orders.
port=$(free_port); data=$work/runtime-data; rm -rf "$data"
java -jar "$root/runtime/target/skyhop-runtime.jar" --port "$port" --data "$data" >"$work/runtime.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/_skyhop/health"
curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $(cat "$data/admin-token")" \
  --data-binary @"$packaged/local/orders.zip" "http://127.0.0.1:$port/_skyhop/apps/orders"
wait_for "http://127.0.0.1:$port/orders/orders/42"
measure runtime "http://127.0.0.1:$port/orders/orders/42"
instances=$(curl -fs -H "Authorization: Bearer $(cat "$data/admin-token")" "http://127.0.0.1:$port/_skyhop/apps/orders" | grep -o '"instances":[0-9]*' | tail -1)
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# 2. The hand-written JDK HttpServer lower bound.
port=$(free_port)
java -Dsun.net.httpserver.nodelay=true -cp "$work/gson.jar" "$here/handwritten/JdkServer.java" "$port" >"$work/jdk.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$port/orders/42"
measure jdk-server "http://127.0.0.1:$port/orders/42"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

# 3. Google's function invoker with the gcp package of the same function, if available.
if [ -f "$work/java-function-invoker.jar" ] && [ -f "$packaged/gcp/orders.zip" ]; then
  rm -rf "$work/gcp" && mkdir -p "$work/gcp" && (cd "$work/gcp" && unzip -q "$packaged/gcp/orders.zip")
  port=$(free_port)
  SKYHOP_FUNCTION=get FUNCTION_SIGNATURE_TYPE=http java -jar "$work/java-function-invoker.jar" \
    --classpath "$work/gcp/orders.jar" --target io.skyhop.gcp.SkyhopHttpFunction --port "$port" \
    >"$work/invoker.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$port/orders/42"
  measure gcp-invoker "http://127.0.0.1:$port/orders/42"
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
else
  results+=("gcp-invoker  skipped: no java-function-invoker.jar or examples/orders gcp package")
fi

echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c$connections -d$duration (after a $warmup warm-up), GET an order as JSON"
printf '%s\n' "${results[@]}"
echo "runtime instances of get at the end: ${instances#*:}"
