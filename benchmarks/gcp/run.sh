#!/usr/bin/env bash
# Cold start through Google's java-function-invoker (process start -> first HTTP 200, median of
# RUNS runs, default 10): Skyhop's GCP adapter serving examples/hello vs a hand-written
# HttpFunction doing the same JSON work (handwritten/). Both run as GCF would run them: one jar
# with its dependencies, --classpath, --target, FUNCTION_SIGNATURE_TYPE.
#
#   benchmarks/gcp/run.sh            # uses examples/hello/target/skyhop/gcp/hello.zip (built if missing)
#   BUILD=1 benchmarks/gcp/run.sh    # rebuilds examples/hello's gcp package first
#   RUNS=20 MVN_FLAGS= benchmarks/gcp/run.sh   # more runs; Maven online
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-10}
mvn_flags=${MVN_FLAGS--o}
work=$here/target
mkdir -p "$work"

prop() { grep -o "<$1>[^<]*</$1>" "$root/pom.xml" | sed -e 's/<[^>]*>//g'; }
invoker_version=$(prop gcf-invoker.version)
api_version=$(prop gcf-api.version)
gson_version=$(prop gson.version)

copy() { # groupId:artifactId:version -> $work/<artifactId>.jar
  (cd "$root" && mvn $mvn_flags -q -B -N dependency:copy -Dartifact="$1" \
    -DoutputDirectory="$work" -Dmdep.stripVersion=true)
}
[ -f "$work/java-function-invoker.jar" ] ||
  copy "com.google.cloud.functions.invoker:java-function-invoker:$invoker_version"
[ -f "$work/functions-framework-api.jar" ] ||
  copy "com.google.cloud.functions:functions-framework-api:$api_version"
[ -f "$work/gson.jar" ] || copy "com.google.code.gson:gson:$gson_version"

# Skyhop: the gcp package of examples/hello, as the plugin wrote it.
packaged=$root/examples/hello/target/skyhop
if [ -n "${BUILD:-}" ] || [ ! -f "$packaged/gcp/hello.zip" ]; then
  (cd "$root" && mvn $mvn_flags -q -B install -DskipTests -Dspotless.apply.skip \
    -pl examples/hello -am -Dskyhop.targets=gcp)
fi
rm -rf "$work/skyhop" && mkdir -p "$work/skyhop"
(cd "$work/skyhop" && unzip -q "$packaged/gcp/hello.zip")
entry=$(grep -o '"entryPoint": "io.skyhop.gcp[^"]*"' "$packaged/manifest.json" | head -1 | cut -d'"' -f4)
function=$(grep -o '"SKYHOP_FUNCTION": "[^"]*"' "$packaged/manifest.json" | head -1 | cut -d'"' -f4)

# Hand-written: compiled against the Functions Framework API, one jar with Gson inside.
hw=$work/handwritten
rm -rf "$hw" && mkdir -p "$hw/classes"
javac --release 17 -d "$hw/classes" -cp "$work/functions-framework-api.jar:$work/gson.jar" \
  "$here/handwritten/src/main/java/bench/HelloFunction.java"
(cd "$hw/classes" && unzip -q -o "$work/gson.jar" -x 'META-INF/*' && jar cf "$hw/handwritten.jar" .)

echo "java: $(java -version 2>&1 | head -1); invoker $invoker_version; $runs runs each, interleaved ABBA"
echo "skyhop:      $(du -k "$work/skyhop/hello.jar" | cut -f1) KB jar, --target $entry, SKYHOP_FUNCTION=$function"
echo "handwritten: $(du -k "$hw/handwritten.jar" | cut -f1) KB jar, --target bench.HelloFunction"
java "$here/ColdStart.java" "$work/java-function-invoker.jar" "$runs" \
  "/hello?name=Ada" '{"message":"Hello, Ada!"}' \
  "skyhop=$work/skyhop/hello.jar|$entry|SKYHOP_FUNCTION=$function,FUNCTION_SIGNATURE_TYPE=http" \
  "handwritten=$hw/handwritten.jar|bench.HelloFunction|FUNCTION_SIGNATURE_TYPE=http"

# The functions' own share (entry class load + creation + first request, thread CPU, in fresh
# JVMs without the invoker's Jetty start-up): contention-robust where the wall times above are not.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for name in skyhop handwritten; do
  if [ $name = skyhop ]; then jar=$work/skyhop/hello.jar; cls=$entry; else jar=$hw/handwritten.jar; cls=bench.HelloFunction; fi
  cpu=$(for i in $(seq 1 "$runs"); do
    SKYHOP_FUNCTION=$function java -cp "$work/java-function-invoker.jar" "$here/FunctionCost.java" "$jar" "$cls" | cut -d' ' -f1
  done | median)
  echo "$name: function load + first request, median thread CPU ${cpu} ms"
done
