#!/usr/bin/env bash
# The in-house runtime's cold start, measured twice, independently:
#   lab     - skyhop:report's local lab (-Dskyhop.targets=local) on a copy of examples/orders:
#             coldStartMs.p50 of function `get` in report.json;
#   outside - this script alone, with curl: the same bundle deployed on a fresh runtime started
#             with --idle-seconds 1; for each sample, wait until the app has no instance (admin
#             API), then time `GET /orders/orders/lab-1` from the request to the first HTTP 200
#             (curl's time_total), i.e. worker process start + init + the first response.
# Prints both medians and their ratio; exits 1 when they differ by more than 20%.
# The outside runs are split before and after the lab so that machine noise hits both alike.
#
#   benchmarks/report/run.sh                 # RUNS=20 samples each
#   RUNS=30 MVN_FLAGS= benchmarks/report/run.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-20}
mvn_flags=${MVN_FLAGS--o}
work=$here/target
mkdir -p "$work"

version=$(grep -m1 -o '<version>[^<]*</version>' "$root/pom.xml" | sed -e 's/<[^>]*>//g')
jar=$root/runtime/target/skyhop-runtime.jar
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn $mvn_flags -q -B -N dependency:copy -Dartifact="io.skyhop:skyhop-runtime:$version" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true)
  jar=$work/skyhop-runtime.jar
fi

# A copy of examples/orders, packaged for local, measured by the lab.
project=$work/orders
rm -rf "$project" && mkdir -p "$project"
cp -r "$root/examples/orders/pom.xml" "$root/examples/orders/src" "$project/"
sed -i "s#<relativePath>../../pom.xml</relativePath>#<relativePath>$root/pom.xml</relativePath>#" "$project/pom.xml"
(cd "$project" && mvn $mvn_flags -q -B package -DskipTests -Dspotless.apply.skip -Dskyhop.targets=local)
bundle=$project/target/skyhop/local/orders.zip

outside() { # $1 = samples; appends one time in ms per line to $work/outside.txt
  local data=$work/outside-data port pid token
  rm -rf "$data" && mkdir -p "$data"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -jar "$jar" --port "$port" --data "$data" --idle-seconds 1 >"$work/outside-runtime.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' RETURN
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/_skyhop/health" >/dev/null && break
    sleep 0.1
  done
  token=$(cat "$data/admin-token")
  curl -sf -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/zip' \
    --data-binary "@$bundle" "http://127.0.0.1:$port/_skyhop/apps/orders" >/dev/null
  for _ in $(seq 1 600); do # the class-data sharing archive, built in the background after a deploy
    grep -q 'Class-data sharing archive \(ready\|not built\)' "$data/logs/runtime.log" 2>/dev/null && break
    sleep 0.2
  done
  for _ in $(seq 1 30); do # unrecorded: fills the file cache and warms the runtime's own code, as the
    curl -sf -o /dev/null "http://127.0.0.1:$port/orders/orders/lab-1" # lab's runtime is by then
  done
  for i in $(seq 1 "$1"); do
    for _ in $(seq 1 600); do # scale to zero
      n=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/_skyhop/apps/orders" |
        python3 -c 'import json,sys; print(sum(f["instances"] for f in json.load(sys.stdin)["functions"]))')
      [ "$n" = 0 ] && break
      sleep 0.05
    done
    read -r code seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
      "http://127.0.0.1:$port/orders/orders/lab-1")
    [ "$code" = 200 ] || { echo "sample $i answered $code" >&2; exit 1; }
    python3 -c "print(round($seconds * 1000, 1))" >>"$work/outside.txt"
  done
}

median() { python3 -c 'import sys; v=sorted(float(l) for l in open(sys.argv[1]) if l.strip()); print(v[(len(v)+1)//2-1])' "$1"; }

: >"$work/outside.txt"
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $runs samples each"
outside $(( (runs + 1) / 2 ))
(cd "$project" && mvn $mvn_flags -q -B skyhop:report -Dskyhop.targets=local -Dskyhop.samples="$runs" \
  -Dskyhop.warmInvocations=5 -Dspotless.apply.skip) >"$work/lab.log"
outside $(( runs / 2 ))

lab=$(python3 -c 'import json,sys; r=[x for x in json.load(open(sys.argv[1]))["results"] if x["target"]=="local" and x["function"]=="get"][0]; print(r["coldStartMs"]["p50"])' \
  "$project/target/skyhop/report.json")
out=$(median "$work/outside.txt")
echo "outside samples (ms): $(tr '\n' ' ' <"$work/outside.txt")"
python3 - "$lab" "$out" <<'PY'
import sys
lab, out = float(sys.argv[1]), float(sys.argv[2])
ratio = lab / out
print(f"local cold start of orders/get, p50: lab {lab:.1f} ms, outside (curl) {out:.1f} ms, lab/outside {ratio:.2f}")
sys.exit(0 if abs(ratio - 1) <= 0.20 else 1)
PY
