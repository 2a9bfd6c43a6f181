#!/usr/bin/env bash
# Core benchmarks. Usage: benchmarks/core/run.sh [startup|jmh|all]   (RUNS=15 by default)
#
# startup: fresh JVMs, median of RUNS, alternating the two variants:
#   core   = FunctionRuntime.load + function("hello").invokeHttp (index read, class bound,
#            instance created, request served, body encoded)
#   direct = new Hello().hello(request) + Gson write, by hand
# jmh:     per-invocation overhead, JSON -> POJO -> method -> POJO -> JSON (InvocationBenchmark).
#
# Needs the root build installed first (mvn -B install -DskipTests at the repository root) for the
# hello example jar; set OFFLINE=-o to keep Maven offline.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
what=${1:-all}
runs=${RUNS:-15}
cd "$here"

mvn ${OFFLINE:-} -q -B package dependency:build-classpath -Dspotless.apply.skip \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
classpath=$(cat target/classpath.txt)

pick() { # the class path entries whose file name matches one of the patterns
  local out="" entry
  for entry in ${classpath//:/ }; do
    for pattern in "$@"; do
      case "$(basename "$entry")" in $pattern) out="$out:$entry" ;; esac
    done
  done
  echo "${out#:}"
}

median() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f", m}'; }

startup() {
  # What a hello package ships: the example, the core, the SDK, Gson. Nothing else.
  local cp
  cp=$(pick 'hello-*.jar' 'skyhop-adapter-core-*.jar' 'skyhop-sdk-api-*.jar' 'gson-*.jar')
  rm -rf target/startup && mkdir -p target/startup
  javac -proc:none -d target/startup -cp "$cp" startup/io/skyhop/bench/startup/*.java
  local variant i out t0 t1 cpu
  declare -A inner thread wall process
  for variant in CoreStartup DirectStartup; do # one untimed run each: file cache, CDS archive
    java -cp "target/startup:$cp" "io.skyhop.bench.startup.$variant" >/dev/null
  done
  for ((i = 0; i < runs; i++)); do
    for variant in CoreStartup DirectStartup; do
      t0=$(date +%s%N)
      out=$( { TIMEFORMAT='%U %S'; time java -cp "target/startup:$cp" "io.skyhop.bench.startup.$variant"; } 2>&1)
      t1=$(date +%s%N)
      if [[ "$(sed -n 2p <<<"$out")" != '{"message":"Hello, Ada!"}' ]]; then
        echo "$variant answered: $out" >&2
        exit 1
      fi
      read -r w c <<<"$(head -1 <<<"$out")"
      cpu=$(tail -1 <<<"$out" | awk '{printf "%d", ($1 + $2) * 1000000}')
      inner[$variant]+="$w "
      thread[$variant]+="$c "
      wall[$variant]+="$(((t1 - t0) / 1000)) "
      process[$variant]+="$cpu "
    done
  done
  ms() { tr ' ' '\n' <<<"$1" | grep . | awk '{print $1/1000}' | median; }
  echo "Start-up of the hello example, a fresh JVM per run, median of $runs runs, milliseconds"
  echo "($(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
  printf '  %-14s %22s %22s %14s %14s\n' variant "init+1st call (wall)" "init+1st call (CPU)" \
    "JVM (wall)" "JVM (CPU)"
  for variant in CoreStartup DirectStartup; do
    printf '  %-14s %22s %22s %14s %14s\n' "$variant" "$(ms "${inner[$variant]}")" \
      "$(ms "${thread[$variant]}")" "$(ms "${wall[$variant]}")" "$(ms "${process[$variant]}")"
  done
  echo "  init+1st call: measured inside main(); CPU = the main thread's CPU time."
  echo "  JVM: the whole java process, start to exit; CPU = user + system of all its threads."
}

jmh() {
  local cp
  cp="target/classes:$(pick 'skyhop-adapter-core-*.jar' 'skyhop-sdk-api-*.jar' 'gson-*.jar' \
    'jmh-core-*.jar' 'jopt-simple-*.jar' 'commons-math3-*.jar')"
  java -cp "$cp" org.openjdk.jmh.Main InvocationBenchmark
}

case "$what" in
  startup) startup ;;
  jmh) jmh ;;
  all) startup && jmh ;;
  *) echo "usage: $0 [startup|jmh|all]" >&2 && exit 2 ;;
esac
