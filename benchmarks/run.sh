#!/usr/bin/env bash
# Issue 11's benchmark, end to end on a fresh clone, in one run on one machine:
#   1. builds Skyhop (mvn install at the root), the hand-written baselines and the peers
#      (Spring Cloud Function, Quarkus Funqy: small Maven projects built from Maven Central);
#   2. cold starts of the same hello function, interleaved round-robin: Skyhop on the in-house
#      runtime (worker cold start, front door up), Skyhop's Lambda adapter on Amazon's runtime
#      client, Skyhop's GCF adapter on Google's invoker, a hand-written JDK HttpServer,
#      RequestStreamHandler and HttpFunction, Spring Cloud Function (web), Quarkus Funqy (JVM);
#   3. warm throughput and p99 under wrk (loopback) for the HTTP-serving ones, RSS after warm-up;
#   4. artifact sizes; 5. the core's JMH overhead (benchmarks/core/run.sh);
#   6. skyhop:package time for generated projects of 1, 10 and 100 functions;
#   7. one report with ratios against the hand-written baselines and issue 11's goals, printed and
#      written to benchmarks/results/<date>.md (quick mode: <date>-quick.md).
#
#   benchmarks/run.sh                 # full: 10 cold starts each, wrk 10 s after 5 s, 2 rounds
#   QUICK=1 benchmarks/run.sh         # check the script end to end: 3 runs, short wrk (< 10 min)
#   BUILD=0 benchmarks/run.sh         # skip the root mvn install (use what is built/installed)
#   RUNS=20 WRK_DURATION=20s benchmarks/run.sh
#   SUITE=runtime benchmarks/run.sh   # issue 19 only: the in-house runtime (worker per function and
#                                     # --shared), Google's invoker (Skyhop's GCF adapter and the
#                                     # hand-written HttpFunction) and the bare JDK server; cold
#                                     # starts, wrk, CPU per request; builds runtime + examples/hello;
#                                     # report <date>-runtime-throughput.md
# A step that cannot run here (a peer that does not build, no wrk) is reported and skipped.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
# shellcheck source=lib/lib.sh
. "$BENCH/lib/lib.sh"

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  MODE=quick
  RUNS=${RUNS:-3}
  WRK_WARMUP=${WRK_WARMUP:-2s}
  WRK_DURATION=${WRK_DURATION:-3s}
  WRK_ROUNDS=${WRK_ROUNDS:-1}
  LAMBDA_WARM=${LAMBDA_WARM:-200}
  PACKAGING_RUNS=${PACKAGING_RUNS:-2}
else
  MODE=full
  RUNS=${RUNS:-10}
  WRK_WARMUP=${WRK_WARMUP:-5s}
  WRK_DURATION=${WRK_DURATION:-10s}
  WRK_ROUNDS=${WRK_ROUNDS:-2}
  LAMBDA_WARM=${LAMBDA_WARM:-2000}
  PACKAGING_RUNS=${PACKAGING_RUNS:-5}
fi
if [ "${SUITE:-all}" = runtime ] && [ "$QUICK" != 1 ]; then
  # the runtime's front door is a long-lived JVM whose optimizing compiler needs well over 5 s of
  # load to settle on a busy 2-core machine; every candidate gets the same longer warm-up
  WRK_WARMUP=${WRK_WARMUP_RUNTIME:-20s}
  WRK_ROUNDS=${WRK_ROUNDS_RUNTIME:-3}
fi
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
BUILD=${BUILD:-1}
SUITE=${SUITE:-all}
case "$SUITE" in all|runtime) ;; *) echo "SUITE=$SUITE: use all or runtime" >&2; exit 2 ;; esac
MVN_ONLINE=${MVN_ONLINE:-}      # flags for Maven steps that may need to download (default: online)
DATE=$(date +%F)
STAMP=$(date +%Y%m%d-%H%M%S)
WORK=$BENCH/target/work
OUT=$BENCH/target/run-$STAMP
RESULT=$BENCH/results/$DATE$([ "$SUITE" = runtime ] && echo -runtime-throughput || true)$([ "$MODE" = quick ] && echo -quick || true).md
mkdir -p "$BENCH/target"
# One run at a time: runs share target/work, and two runs would also disturb each other's timings.
exec 9>"$BENCH/target/run.lock"
flock -n 9 || { echo "another benchmarks/run.sh is running (lock: $BENCH/target/run.lock)" >&2; exit 1; }
mkdir -p "$WORK" "$OUT" "$BENCH/results" "$WORK/logs"
START_LOAD=$(load_average)
VERSION=$(root_version)
BUILT_HELLO=$ROOT/examples/hello/target/skyhop
HELLO=$WORK/hello-skyhop        # a copy: other builds on the machine may rewrite target/ mid-run
RUNTIME_JAR=$WORK/skyhop-runtime.jar

echo "Skyhop benchmarks, $MODE mode: raw results in $OUT, report $RESULT"
echo "machine: $(nproc) cores, load average $START_LOAD"

# --- 1. Build ---------------------------------------------------------------------------------
build_skyhop() {
  step "mvn install at the root"
  if [ "$BUILD" = 1 ] || [ ! -f "$BUILT_HELLO/aws/hello.zip" ] || [ ! -f "$ROOT/adapters/local/runtime/target/skyhop-runtime.jar" ]; then
    local only=()
    [ "$SUITE" = runtime ] && only=(-pl adapters/local/runtime,examples/hello -am)
    (cd "$ROOT" && mvn $MVN_ONLINE -B -q install -DskipTests -Dspotless.apply.skip "${only[@]}") >"$WORK/logs/root-install.log" 2>&1 || {
      tail -40 "$WORK/logs/root-install.log"
      echo "the root build failed (log: $WORK/logs/root-install.log)" >&2
      exit 1
    }
  else
    echo "BUILD=0: using the installed Skyhop artifacts"
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "wrk is missing: apt-get install -y wrk"
  apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q wrk >/dev/null 2>&1; } || true
  command -v wrk >/dev/null
}

# Amazon's runtime interface client (benchmarks/aws/pom.xml names it), the invoker, Gson.
provider_jars() {
  step "provider runtimes and Gson from Maven Central"
  rm -rf "$WORK/deps" "$WORK/ric" && mkdir -p "$WORK/deps" "$WORK/ric"
  if [ "$SUITE" = all ]; then # the runtime suite runs no Lambda candidate
    mvn $MVN_ONLINE -q -B -f "$BENCH/aws/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$WORK/deps" >"$WORK/logs/ric.log" 2>&1 || return 1
    for jar in "$WORK"/deps/*.jar; do
      case "$(basename "$jar")" in gson-*|error_prone_annotations-*) ;; *) cp "$jar" "$WORK/ric/" ;; esac
    done
  fi
  for a in "com.google.cloud.functions.invoker:java-function-invoker:$(prop gcf-invoker.version)" \
    "com.google.cloud.functions:functions-framework-api:$(prop gcf-api.version)" \
    "com.google.code.gson:gson:$(prop gson.version)"; do
    [ -f "$WORK/$(echo "$a" | cut -d: -f2).jar" ] || copy_jar "$a" "$WORK" >>"$WORK/logs/deps.log" 2>&1 || return 1
  done
}

# Skyhop's packages of examples/hello (copied with the runtime jar, so that a concurrent build
# cannot change them during the run), unpacked as each provider unpacks them.
skyhop_packages() {
  rm -rf "$HELLO" && cp -r "$BUILT_HELLO" "$HELLO" && cp "$ROOT/adapters/local/runtime/target/skyhop-runtime.jar" "$RUNTIME_JAR"
  rm -rf "$WORK/skyhop-aws" "$WORK/skyhop-gcp" && mkdir -p "$WORK/skyhop-aws" "$WORK/skyhop-gcp"
  (cd "$WORK/skyhop-aws" && jar --extract --file "$HELLO/aws/hello.zip")
  (cd "$WORK/skyhop-gcp" && jar --extract --file "$HELLO/gcp/hello.zip")
  AWS_HANDLER=$(grep -o '"handler": "[^"]*"' "$HELLO/manifest.json" | head -1 | cut -d'"' -f4)
  GCP_ENTRY=$(grep -o '"entryPoint": "io.skyhop.gcp[^"]*"' "$HELLO/manifest.json" | head -1 | cut -d'"' -f4)
  FUNCTION=$(grep -o '"SKYHOP_FUNCTION": "[^"]*"' "$HELLO/manifest.json" | head -1 | cut -d'"' -f4)
}

# The hand-written baselines: benchmarks/aws's RequestStreamHandler, benchmarks/gcp's HttpFunction
# (packaged as those benchmarks package them), and peers/jdk's HttpServer; all with the same Gson.
handwritten() {
  step "hand-written baselines"
  local gson=$WORK/gson.jar core
  rm -rf "$WORK/hw-lambda" "$WORK/hw-gcf" "$WORK/jdk" && mkdir -p "$WORK/hw-lambda/task/lib" "$WORK/hw-gcf/classes" "$WORK/jdk/classes"
  if [ "$SUITE" = all ]; then
    core=$(ls "$WORK"/ric/aws-lambda-java-core-*.jar)
    javac --release 17 -d "$WORK/hw-lambda/task" -cp "$core:$gson" "$BENCH/aws/src/bench/HelloHandler.java" || return 1
    cp "$gson" "$WORK/hw-lambda/task/lib/"
    (cd "$WORK/hw-lambda/task" && jar --create --no-manifest --file "$WORK/hw-lambda/hw-lambda.zip" .)
  fi
  javac --release 17 -d "$WORK/hw-gcf/classes" -cp "$WORK/functions-framework-api.jar:$gson" \
    "$BENCH/gcp/handwritten/src/main/java/bench/HelloFunction.java" || return 1
  (cd "$WORK/hw-gcf/classes" && jar --extract --file "$gson" && rm -rf META-INF && jar --create --file "$WORK/hw-gcf/hw-gcf.jar" .)
  javac --release 17 -d "$WORK/jdk/classes" -cp "$gson" "$BENCH/peers/jdk/HelloServer.java" || return 1
  (cd "$WORK/jdk/classes" && jar --extract --file "$gson" && rm -rf META-INF && jar --create --file "$WORK/jdk/hello-server.jar" .)
}

# A peer project under peers/, built from Maven Central; on failure its candidate is skipped.
peer() { # name dir mvn-args...
  local name=$1 dir=$2; shift 2
  step "peer $name ($dir)"
  if (cd "$BENCH/peers/$dir" && mvn $MVN_ONLINE -B -q package -DskipTests "$@") >"$WORK/logs/peer-$name.log" 2>&1; then
    return 0
  fi
  tail -20 "$WORK/logs/peer-$name.log"
  note "peer $name could not be built here (log: $WORK/logs/peer-$name.log); its rows are empty"
  echo "skip.$name=could not be built here, see $WORK/logs/peer-$name.log" >>"$WORK/bench.properties"
  return 0
}

driver() {
  rm -rf "$WORK/driver" && mkdir -p "$WORK/driver"
  local it=$ROOT/integration-tests/src/test/java/io/skyhop/it/aws
  javac --release 17 -d "$WORK/driver" $(find "$BENCH/lib/src" -name '*.java') \
    "$ROOT/adapters/aws/provider/src/main/java/io/skyhop/tooling/lab/aws/LambdaRuntimeApi.java" \
    "$ROOT/maven-plugin/tooling/src/main/java/io/skyhop/tooling/lab/TinyHttpServer.java" \
    "$it/LambdaProcess.java"
}

settings() {
  cat >>"$WORK/bench.properties" <<EOF
work=$WORK/run
runs=$RUNS
function=${FUNCTION:-hello}
wrk.threads=$WRK_THREADS
wrk.connections=$WRK_CONNECTIONS
wrk.warmup=$WRK_WARMUP
wrk.duration=$WRK_DURATION
wrk.rounds=$WRK_ROUNDS
lambda.warm.invocations=$LAMBDA_WARM
runtime.jar=$RUNTIME_JAR
local.bundle=$HELLO/local/hello.zip
ric.dir=$WORK/ric
aws.skyhop.task=$WORK/skyhop-aws
aws.skyhop.handler=$AWS_HANDLER
aws.handwritten.task=$WORK/hw-lambda/task
invoker.jar=$WORK/java-function-invoker.jar
gcp.skyhop.jar=$WORK/skyhop-gcp/hello.jar
gcp.skyhop.target=$GCP_ENTRY
gcp.handwritten.jar=$WORK/hw-gcf/hw-gcf.jar
jdk.jar=$WORK/jdk/hello-server.jar
spring.jar=$BENCH/peers/spring/target/spring-hello.jar
candidates=$([ "$SUITE" = runtime ] && echo skyhop-runtime,skyhop-runtime-shared,skyhop-gcf,hw-gcf,jdk-server || true)
quarkus.jar=$BENCH/peers/quarkus/target/quarkus-app/quarkus-run.jar
EOF
}

header() {
  cat >"$OUT/header.properties" <<EOF
date=$DATE $(date +%T)
mode=$MODE
suite=$SUITE
machine=$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)
java=$(java -version 2>&1 | head -1)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ] && echo " (with uncommitted changes)")
command=$([ "$QUICK" = 1 ] && echo "QUICK=1 ")$([ "$SUITE" = runtime ] && echo "SUITE=runtime ")benchmarks/run.sh
runs=$RUNS
wrk=wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION after a $WRK_WARMUP warm-up, $WRK_ROUNDS round(s) (order reversed in the second), loopback
load.start=$START_LOAD
EOF
}

# --- 4. Sizes ---------------------------------------------------------------------------------
sizes() {
  printf 'artifact\tbytes\twhat\n' >"$OUT/sizes.tsv"
  size_row aws.zip "$HELLO/aws/hello.zip" "Skyhop: Lambda zip of examples/hello"
  size_row gcp.zip "$HELLO/gcp/hello.zip" "Skyhop: GCF zip of examples/hello"
  size_row azure.zip "$HELLO/azure/hello.zip" "Skyhop: Azure app zip of examples/hello"
  size_row local.bundle "$HELLO/local/hello.zip" "Skyhop: local bundle of examples/hello (in-house runtime)"
  size_row hw-lambda.zip "$WORK/hw-lambda/hw-lambda.zip" "hand-written RequestStreamHandler zip (classes + lib/gson)"
  size_row hw-gcf.jar "$WORK/hw-gcf/hw-gcf.jar" "hand-written HttpFunction jar (Gson inside)"
  size_row jdk.jar "$WORK/jdk/hello-server.jar" "hand-written JDK HttpServer jar (Gson inside)"
  size_row spring.jar "$BENCH/peers/spring/target/spring-hello.jar" "Spring Boot + Spring Cloud Function executable jar"
  size_row quarkus-app "$BENCH/peers/quarkus/target/quarkus-app" "Quarkus Funqy fast-jar folder (target/quarkus-app)"
  size_row core.jar "$(main_jar "$ROOT/adapters/core/target" 'skyhop-adapter-core-*.jar')" "skyhop-adapter-core"
  size_row aws-adapter.jar "$(main_jar "$ROOT/adapters/aws/adapter/target" 'skyhop-aws-lambda-*.jar')" "skyhop-aws-lambda"
  size_row gcp-adapter.jar "$(main_jar "$ROOT/adapters/gcp/adapter/target" 'skyhop-gcp-functions-*.jar')" "skyhop-gcp-functions"
  size_row azure-adapter.jar "$(main_jar "$ROOT/adapters/azure/adapter/target" 'skyhop-azure-functions-*.jar')" "skyhop-azure-functions"
  size_row sdk-api.jar "$(main_jar "$ROOT/sdk-api/target" 'skyhop-sdk-api-*.jar')" "skyhop-sdk-api (ships in every package too)"
  local worker
  # `|| true`: head ends the pipe early, and find's SIGPIPE must not end the run (set -e, pipefail)
  worker=$(find "$WORK/run" /tmp -maxdepth 4 -name 'skyhop-worker-*.jar' ! -name 'skyhop-worker-boot-*' 2>/dev/null | head -1 || true)
  [ -n "$worker" ] && size_row runtime-worker.jar "$worker" "the in-house runtime's worker jar (added to the bundle's class path)"
  return 0
}

# --- 5. Core (benchmarks/core, called as it is) -------------------------------------------------
core() {
  step "benchmarks/core: start-up"
  RUNS=$RUNS "$BENCH/core/run.sh" startup >"$OUT/core-startup.txt" 2>"$WORK/logs/core-startup.err" ||
    note "benchmarks/core/run.sh startup failed (log: $WORK/logs/core-startup.err)"
  cat "$OUT/core-startup.txt"
  if [ "$MODE" = quick ]; then
    # Quick mode shortens JMH (1 fork, 3 x 1 s after 3 x 1 s): the same benchmark on the class
    # path benchmarks/core/run.sh just built (its target/classpath.txt), picked as it picks it.
    step "benchmarks/core: JMH, shortened for quick mode (numbers are a smoke test only)"
    local cp entry
    cp=$BENCH/core/target/classes
    for entry in $(tr ':' ' ' <"$BENCH/core/target/classpath.txt"); do
      case "$(basename "$entry")" in
        skyhop-adapter-core-*|skyhop-sdk-api-*|gson-*|jmh-core-*|jopt-simple-*|commons-math3-*) cp=$cp:$entry ;;
      esac
    done
    java -cp "$cp" org.openjdk.jmh.Main InvocationBenchmark -f 1 -wi 3 -w 1 -i 3 -r 1 \
      >"$OUT/jmh.txt" 2>"$WORK/logs/jmh.err" || note "JMH failed (log: $WORK/logs/jmh.err)"
  else
    step "benchmarks/core: JMH (its own settings: 2 forks x 5 x 1 s after 10 x 1 s, ~2 minutes)"
    "$BENCH/core/run.sh" jmh >"$OUT/jmh.txt" 2>"$WORK/logs/jmh.err" ||
      note "benchmarks/core/run.sh jmh failed (log: $WORK/logs/jmh.err)"
  fi
  grep -E '^(Benchmark|InvocationBenchmark)' "$OUT/jmh.txt" || true
}

# --- 6. Packaging time --------------------------------------------------------------------------
generate_project() { # functions
  local n=$1 dir=$WORK/packaging/f$1 i
  rm -rf "$dir" && mkdir -p "$dir/src/main/java/gen"
  cat >"$dir/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>io.skyhop</groupId>
    <artifactId>skyhop-parent</artifactId>
    <version>$VERSION</version>
    <relativePath>$ROOT/pom.xml</relativePath>
  </parent>
  <groupId>bench.packaging</groupId>
  <artifactId>gen$n</artifactId>
  <dependencies>
    <dependency>
      <groupId>io.skyhop</groupId>
      <artifactId>skyhop-sdk-api</artifactId>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.skyhop</groupId>
        <artifactId>skyhop-maven-plugin</artifactId>
        <version>\${project.version}</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
  for ((i = 1; i <= n; i++)); do
    cat >"$dir/src/main/java/gen/F$i.java" <<EOF
package gen;

import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpTrigger;

/** Generated function $i of $n. */
public class F$i {
  /** The answer. */
  public record Greeting(String message) {}

  /** GET /f$i?name=Ada. */
  @Function(memoryMb = 256, timeoutSeconds = 5)
  @HttpTrigger(path = "/f$i", methods = {HttpMethod.GET})
  public Greeting f$i(HttpRequest request) {
    return new Greeting("Hello from f$i, " + request.queryParam("name").orElse("world") + "!");
  }
}
EOF
  done
}

# One timed Maven call in a generated project, printed in ms; retried once (after 20 s) when it
# fails, since another build on the machine may be reinstalling the plugin in ~/.m2 just then.
timed_mvn() { # functions goal
  local t0 t1 attempt
  for attempt in 1 2; do
    t0=$(now_ms)
    if (cd "$WORK/packaging/f$1" && mvn -o -q -B -Dspotless.apply.skip -Dspotless.check.skip "$2") \
      >>"$WORK/logs/packaging.log" 2>&1; then
      t1=$(now_ms); echo $((t1 - t0)); return 0
    fi
    [ "$attempt" = 1 ] && echo "mvn $2 failed in f$1, retrying once" >&2 && sleep 20
  done
  return 1
}

packaging() {
  step "packaging time: generated projects of 1, 10 and 100 functions, $PACKAGING_RUNS rounds"
  local n r t
  : >"$WORK/logs/packaging.log"
  printf 'functions\trun\tms\n' >"$OUT/packaging.tsv"
  for n in 1 10 100; do
    generate_project "$n"
    # compile once, then one unmeasured package (file cache, plugin resolution)
    timed_mvn "$n" compile >/dev/null && timed_mvn "$n" skyhop:package >/dev/null ||
      { tail -20 "$WORK/logs/packaging.log"; return 1; }
  done
  for ((r = 1; r <= PACKAGING_RUNS; r++)); do
    for n in 0 1 10 100; do # 0: Maven's own start-up, for reference (validate, 1-function project)
      if [ "$n" = 0 ]; then t=$(timed_mvn 1 validate) || return 1
      else t=$(timed_mvn "$n" skyhop:package) || return 1; fi
      printf '%s\t%s\t%s\n' "$n" "$r" "$t" | tee -a "$OUT/packaging.tsv"
    done
  done
  [ "$(find "$WORK/packaging/f100/target/skyhop" -name manifest.json | wc -l)" = 1 ]
}

# --- Run ----------------------------------------------------------------------------------------
build_skyhop
header
: >"$WORK/bench.properties"
ensure_wrk || { note "wrk is not available: no throughput measured"; WRK_ROUNDS=0; }
provider_jars || { echo "could not fetch the provider runtimes (log: $WORK/logs/)" >&2; exit 1; }
skyhop_packages
handwritten || { echo "the hand-written baselines did not compile" >&2; exit 1; }
if [ "$SUITE" = all ]; then
  peer spring-cf spring "-Dspring-boot.version=$(prop spring-boot.version)" "-Dspring-cloud.version=$(prop spring-cloud.version)"
  peer quarkus-funqy quarkus "-Dquarkus.version=$(prop quarkus.version)"
fi
settings
driver

step "cold starts (interleaved), then warm throughput and RSS"
java -cp "$WORK/driver" io.skyhop.bench.suite.Suite "$WORK/bench.properties" "$OUT" ||
  note "the cold-start/throughput driver ended with an error (its rows may be incomplete)"
sizes
if [ "$SUITE" = all ]; then
  core
  packaging || note "packaging time not measured: a generated project did not build (log: $WORK/logs/packaging*.log)"
fi
echo "load.end=$(load_average)" >>"$OUT/header.properties"

step "report"
java -cp "$WORK/driver" io.skyhop.bench.suite.Report "$OUT" "$RESULT"
echo
echo "written: $RESULT (raw results: $OUT)"
