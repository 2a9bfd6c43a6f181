# Shell helpers for benchmarks/run.sh (source it). Timing and statistics that need care live in
# the Java helpers next to it (src/io/skyhop/bench/lib): Http (first HTTP 200), Stats
# (median/p90/max), Rss (/proc/<pid>/status VmRSS/VmHWM), Wrk, Processes.

# The value of a property of the root pom: prop gson.version
prop() { grep -o "<$1>[^<]*</$1>" "$ROOT/pom.xml" | head -1 | sed -e 's/<[^>]*>//g'; }

# The project version of the root pom.
root_version() { grep -m1 -o '<version>[^<]*</version>' "$ROOT/pom.xml" | sed -e 's/<[^>]*>//g'; }

# Copies one artifact to DIR/<artifactId>.jar: copy_jar groupId:artifactId:version DIR
copy_jar() {
  (cd "$ROOT" && mvn $MVN_ONLINE -q -B -N dependency:copy -Dartifact="$1" \
    -DoutputDirectory="$2" -Dmdep.stripVersion=true)
}

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The 1, 5 and 15 minute load averages.
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Size in bytes of a file, or of all files under a folder.
size_of() {
  if [ -d "$1" ]; then find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'
  else stat -c %s "$1"; fi
}

# Appends "key<TAB>bytes<TAB>what" to $OUT/sizes.tsv when the path exists: size_row key path what
size_row() {
  if [ -e "$2" ]; then printf '%s\t%s\t%s\n' "$1" "$(size_of "$2")" "$3" >>"$OUT/sizes.tsv"
  else note "size of $1: $2 does not exist"; fi
}

# The one jar in a folder matching a pattern, without sources/javadoc/tests classifiers.
main_jar() {
  find "$1" -maxdepth 1 -name "$2" ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' \
    ! -name 'original-*' | sort | head -1
}

# A line for the results file's notes (and the console).
note() { echo "note: $*"; echo "$*" >>"$OUT/notes.txt"; }

# A step header on the console.
step() { echo; echo "=== $* ($(date +%T), load $(load_average))"; }
