#!/usr/bin/env bash
# Cold start of examples/hello on AWS Lambda's Java runtime, Skyhop's adapter vs a hand-written
# RequestStreamHandler doing the same JSON work: both through Amazon's runtime interface client in
# fresh JVMs against a Runtime API emulator on 127.0.0.1. Median of RUNS (default 10) per candidate.
# Needs: examples/hello packaged (mvn install from the root; run.sh builds it when missing).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/benchmarks/aws"
OUT="$HERE/target"
RUNS="${RUNS:-10}"
MVN="${MVN:-mvn}"

ZIP="$ROOT/examples/hello/target/skyhop/aws/hello.zip"
if [[ ! -f "$ZIP" ]]; then
  echo "building examples/hello (its aws package)..."
  (cd "$ROOT" && "$MVN" -q -B install -DskipTests -Dspotless.apply.skip -pl examples/hello -am)
fi

rm -rf "$OUT"
mkdir -p "$OUT/deps" "$OUT/ric" "$OUT/work"
"$MVN" -q -B -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$OUT/deps"
for jar in "$OUT"/deps/*.jar; do
  case "$(basename "$jar")" in
    gson-*) ;;
    error_prone_annotations-*) ;;
    *) cp "$jar" "$OUT/ric/" ;;
  esac
done
GSON="$(ls "$OUT"/deps/gson-*.jar)"
CORE="$(ls "$OUT"/ric/aws-lambda-java-core-*.jar)"

# The hand-written handler, packaged in Lambda's layout: classes at the root, gson in lib/.
mkdir -p "$OUT/handwritten/task/lib"
javac --release 17 -d "$OUT/handwritten/task" -cp "$CORE:$GSON" "$HERE/src/bench/HelloHandler.java"
cp "$GSON" "$OUT/handwritten/task/lib/"
(cd "$OUT/handwritten/task" && jar --create --no-manifest --file "$OUT/handwritten/handwritten.zip" .)

# Skyhop's package, unzipped as Lambda unzips it to /var/task.
mkdir -p "$OUT/skyhop/task"
(cd "$OUT/skyhop/task" && jar --extract --file "$ZIP")

# The driver, with the lab's Runtime API emulator and the integration tests' process launcher.
IT="$ROOT/integration-tests/src/test/java/io/skyhop/it/aws"
javac --release 17 -d "$OUT/driver" \
  "$ROOT/adapters/aws/provider/src/main/java/io/skyhop/tooling/lab/aws/LambdaRuntimeApi.java" \
    "$ROOT/maven-plugin/tooling/src/main/java/io/skyhop/tooling/lab/TinyHttpServer.java" \
    "$IT/LambdaProcess.java" "$HERE/src/driver/ColdStartBench.java"

# Wall times are only as good as the machine is quiet: say how busy it is.
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# ALT_TASK_ROOT: an unzipped Skyhop package to measure alongside (e.g. with a changed core jar).
java -cp "$OUT/driver" io.skyhop.bench.aws.ColdStartBench "$RUNS" "$OUT/ric" \
  "$OUT/skyhop/task" "$ZIP" "$OUT/handwritten/task" "$OUT/handwritten/handwritten.zip" "$OUT/work" \
  ${ALT_TASK_ROOT:+"$ALT_TASK_ROOT"}
