#!/usr/bin/env bash
# Runs every scenario for 1M and 5M rows, each in its own process (peak RSS is per process), on the benchmark compiled
# as the tool is meant to be deployed for large runs: natively (Native AOT, README "Native build"); then the dry run
# again on the ReadyToRun build, for comparison. Without a C toolchain (clang or gcc) only the ReadyToRun build runs.
# Usage: bash tests/GongCrmBridge.Benchmarks/run.sh [work dir, default /tmp/gongbridge-bench]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/gongbridge-bench}"
mkdir -p "$work"
bin=tests/GongCrmBridge.Benchmarks/bin
publish() { dotnet publish tests/GongCrmBridge.Benchmarks -c Release --use-current-runtime "$@" -v q --nologo >/dev/null; }
publish --self-contained false -o "$bin/publish"
main=publish
if command -v clang >/dev/null || command -v gcc >/dev/null; then
  publish -p:PublishAot=true -o "$bin/native"
  main=native
fi
for rows in 1000000 5000000; do
  csv="$work/accounts-$rows.csv"
  [ -f "$csv" ] || "$bin/$main/GongCrmBridge.Benchmarks" generate "$rows" "$csv"
  for scenario in raw read map-only dry-run; do
    sleep 2; echo "[$main]"; "$bin/$main/GongCrmBridge.Benchmarks" "$scenario" "$csv"
  done
  if [ "$main" = native ]; then
    sleep 2; echo "[publish]"; "$bin/publish/GongCrmBridge.Benchmarks" dry-run "$csv"
  fi
done
