#!/usr/bin/env bash
# Makes sure the Debian packages the integration tests use are installed; run by the
# integration-tests module in pre-integration-test (`mvn -B install`, skipped with -DskipTests or
# -DskipITs). Present: says so and does nothing. Missing, as root with apt-get: installs them,
# printing what it installs. Missing otherwise: fails naming them and the fix.
#
#   chromium         ReportIT renders report.html headless and checks its charts
#   docker-registry  the knative ITs push the image to a real OCI registry
#   skopeo           the knative ITs read the pushed image back with a second client
#
# Usage: debian-test-packages.sh PACKAGE...
set -euo pipefail

missing=()
for package in "$@"; do
  status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
  if [ "$status" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[skyhop] Debian packages for the integration tests are installed: $*"
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[skyhop] The integration tests need the Debian packages ${missing[*]}, which are not" \
    "installed, and this build cannot install them (it installs them only as root with apt-get)." \
    "Fix: run 'apt-get install --no-install-recommends ${missing[*]}' as root, then build again;" \
    "or skip the integration tests with -DskipITs." >&2
  exit 1
fi

echo "[skyhop] Installing Debian packages for the integration tests:" \
  "apt-get install --no-install-recommends ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "[skyhop] Installed: ${missing[*]}"
