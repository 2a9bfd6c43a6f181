#!/usr/bin/env bash
# Cold starts of the in-house runtime: the Init Duration (worker process start -> ready) and the
# first invocation of examples/orders' `get`, RUNS times (default 10) with scale to zero in between
# (--idle-seconds 1), with the app's class-data sharing archive and without it (--no-cds).
#
#   benchmarks/runtime/coldstart.sh
#   RUNS=20 benchmarks/runtime/coldstart.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$here/target
runs=${RUNS:-10}
mkdir -p "$work"
bundle=$root/examples/orders/target/skyhop/local/orders.zip
[ -f "$bundle" ] && [ -f "$root/runtime/target/skyhop-runtime.jar" ] ||
  (cd "$root" && mvn -o -q -B install -DskipTests -Dspotless.apply.skip -pl adapters/local/runtime,examples/orders -am)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

series() { # label, runtime options...
  local label=$1; shift
  local port data pid token
  port=$(free_port); data=$work/coldstart-$label; rm -rf "$data"
  java -jar "$root/runtime/target/skyhop-runtime.jar" --port "$port" --data "$data" --idle-seconds 1 "$@" \
    >"$work/coldstart-$label.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/_skyhop/health" && break; sleep 0.1; done
  token=$(cat "$data/admin-token")
  curl -fs -o /dev/null -X PUT -H "Authorization: Bearer $token" --data-binary @"$bundle" \
    "http://127.0.0.1:$port/_skyhop/apps/orders"
  for _ in $(seq 1 100); do grep -q 'archive ready\|not built' "$work/coldstart-$label.log" && break; [ "$label" = no-cds ] && break; sleep 0.1; done
  for _ in $(seq 1 "$runs"); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/orders/orders/42"
    for _ in $(seq 1 100); do
      curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/_skyhop/apps/orders" |
        grep -q '"instances":0}$' && break
      sleep 0.2
    done
  done
  curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/_skyhop/invocations?app=orders&function=get&limit=1000" |
    python3 -c '
import json, statistics, sys
label = sys.argv[1]
runs = [r for r in json.load(sys.stdin)["invocations"] if r["initDurationMs"] is not None]
init = sorted(r["initDurationMs"] for r in runs)
first = sorted(r["durationMs"] for r in runs)
total = sorted(r["initDurationMs"] + r["durationMs"] for r in runs)
mem = runs[-1]["maxMemoryUsedMb"]
p = lambda xs, q: xs[min(len(xs) - 1, int(q * len(xs)))]
print(f"{label:8} {len(runs):3} cold starts  init p50 {statistics.median(init):7.1f} ms (min {init[0]:.1f}, p90 {p(init, .9):.1f})"
      f"  first invocation p50 {statistics.median(first):6.1f} ms  init+first p50 {statistics.median(total):7.1f} ms"
      f"  max memory used {mem} MB")
' "$label"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
series cds
series no-cds --no-cds
