#!/usr/bin/env bash
# Runs every scenario for 1M and 5M rows, each in its own process (peak RSS is per process).
# Usage: bash tests/GongCrmBridge.Benchmarks/run.sh [work dir, default /tmp/gongbridge-bench]
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-/tmp/gongbridge-bench}"
mkdir -p "$work"
dotnet build -c Release tests/GongCrmBridge.Benchmarks -v q --nologo >/dev/null
bench() { dotnet tests/GongCrmBridge.Benchmarks/bin/Release/net10.0/GongCrmBridge.Benchmarks.dll "$@"; }
for rows in 1000000 5000000; do
  csv="$work/accounts-$rows.csv"
  [ -f "$csv" ] || bench generate "$rows" "$csv"
  for scenario in raw read map-only dry-run; do bench "$scenario" "$csv"; done
done
