#!/usr/bin/env bash
# Installs from Debian what the SignalSim test suite needs beyond the .NET SDK: Chromium to open
# the committee note (report.html) headless and print it (poppler-utils reads the PDF), the DejaVu fonts with fontconfig that charts are
# drawn with, SUMO (sumo, netconvert) for the SUMO export's cross-check, Slurm (slurm-wlm) with
# MUNGE (munge) for the real run of deploy/slurm on a single-node cluster, and clang with zlib for
# the native (Native AOT) executable that the published-executable tests build.
# Run it on Debian or Ubuntu, as root or as a user with sudo; it does nothing when all are there. Add a
# package to TEST_PACKAGES when a test starts needing it.
set -euo pipefail

TEST_PACKAGES=(chromium poppler-utils fonts-dejavu-core fontconfig libfontconfig1 sumo sumo-tools slurm-wlm munge clang zlib1g-dev)

missing=()
for package in "${TEST_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "test dependencies already installed: ${TEST_PACKAGES[*]}"
  exit 0
fi

# As root it installs directly; otherwise through sudo when there is one.
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-test-dependencies: missing ${missing[*]}; run this script as root" >&2
    exit 1
  fi
  as_root=(sudo)
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
