#!/usr/bin/env bash
# The main job on the embedded default: build Skyhop, deploy examples/orders to the in-house
# runtime (started in the background when none answers), call its functions, and print the
# cold-start and cost report for every target. Needs only JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"
URL="${SKYHOP_LOCAL_URL:-http://127.0.0.1:8080}"
DATA="${SKYHOP_LOCAL_DATA:-$HOME/.skyhop/runtime}"
MVN=(mvn -B -ntp)

echo "== 1/4 Build Skyhop and package the examples for every target (tests skipped: 'mvn -B install' runs them)"
if [ "${SKYHOP_DEMO_SKIP_BUILD:-}" != "1" ]; then
  "${MVN[@]}" -q install -DskipTests
fi

echo "== 2/4 Deploy examples/orders to the in-house runtime at $URL"
"${MVN[@]}" -f examples/orders/pom.xml deploy -DskipTests -Dskyhop.local.data="$DATA" \
  | grep -E "Skyhop runtime|Stop it with|created |updated |unchanged |ERROR|BUILD"

echo "== 3/4 Call it: HTTP, the durable queue, a bucket"
java demo/CallOrders.java "$URL" "$DATA"

echo "== 4/4 Cold start and cost of every function on every target, side by side"
"${MVN[@]}" -f examples/orders/pom.xml skyhop:report -Dskyhop.samples="${SKYHOP_SAMPLES:-3}"

echo
echo "Report files: examples/orders/target/skyhop/report.{md,html,json}"
if [ -f "$DATA/runtime.pid" ]; then
  echo "The in-house runtime keeps running at $URL; stop it with: kill $(cat "$DATA/runtime.pid")"
fi
