#!/usr/bin/env bash
# The cold-start cost of reading one secret on the Lambda path (see SecretColdStartBench): hello
# as packaged, and hello declaring one secret read through the Parameters and Secrets extension or
# by a direct signed call, through Amazon's runtime interface client. Median of RUNS (default 10).
# Run ./run.sh once first (it builds the runtime client's jars and the unzipped hello package).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/benchmarks/aws"
OUT="$HERE/target"
RUNS="${RUNS:-10}"
[[ -d "$OUT/skyhop/task" && -d "$OUT/ric" ]] || { echo "run ./run.sh first"; exit 1; }

# hello declaring one secret: the same package, its index saying so (what @Function(secrets) writes)
rm -rf "$OUT/secret" && mkdir -p "$OUT/secret" "$OUT/secret-work"
cp -r "$OUT/skyhop/task" "$OUT/secret/task"
INDEX="$OUT/secret/task/META-INF/skyhop/functions.json"
sed -i 's/"env": {},/"env": {}, "secrets": ["db-password"],/' "$INDEX"
grep -q '"secrets"' "$INDEX" || { echo "could not add the secret to $INDEX"; exit 1; }

# the HTTPS stand-in's self-signed certificate, trusted by the candidates' JVMs
keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext SAN=dns:localhost -validity 2 -storetype PKCS12 -keystore "$OUT/secret/tls.p12" \
  -storepass changeit -keypass changeit >/dev/null 2>&1

IT="$ROOT/integration-tests/src/test/java/io/skyhop/it/aws"
javac --release 17 -d "$OUT/driver" \
  "$ROOT/adapters/aws/provider/src/main/java/io/skyhop/tooling/lab/aws/LambdaRuntimeApi.java" \
    "$ROOT/maven-plugin/tooling/src/main/java/io/skyhop/tooling/lab/TinyHttpServer.java" \
    "$IT/LambdaProcess.java" "$HERE/src/driver/SecretColdStartBench.java"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$OUT/driver" io.skyhop.bench.aws.SecretColdStartBench "$RUNS" "$OUT/ric" \
  "$OUT/skyhop/task" "$OUT/secret/task" "$OUT/secret-work" "$OUT/secret/tls.p12" changeit
