#!/usr/bin/env bash
# Runs every scenario for 1M and 5M rows, each in its own process (peak RSS is per process), on the benchmark
# published as the tool is deployed: ReadyToRun for this machine's runtime (build/StreamingRuntime.props).
# Usage: bash tests/GongCrmBridge.Benchmarks/run.sh [work dir, default /tmp/gongbridge-bench]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/gongbridge-bench}"
mkdir -p "$work"
out=tests/GongCrmBridge.Benchmarks/bin/publish
dotnet publish tests/GongCrmBridge.Benchmarks -c Release --use-current-runtime --self-contained false -o "$out" -v q --nologo >/dev/null
bench() { "$out/GongCrmBridge.Benchmarks" "$@"; }
for rows in 1000000 5000000; do
  csv="$work/accounts-$rows.csv"
  [ -f "$csv" ] || bench generate "$rows" "$csv"
  for scenario in raw read map-only dry-run; do sleep 2; bench "$scenario" "$csv"; done
done
