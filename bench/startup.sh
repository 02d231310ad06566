#!/usr/bin/env bash
# Pre-merge scan speed, whole process including JVM start: `bin/shipcheck scan --repo SAMPLE`
# on the "compliant" sample repository, RUNS times, against a bare `java -version` in the same run.
# Prints medians and their ratio. Not a test: run it by hand on a quiet machine.
#   bench/startup.sh [RUNS]          (default 21)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-21}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

"$ROOT/bin/shipcheck" --version >/dev/null          # builds the jar and the CDS archive if needed
"$ROOT/bin/shipcheck" __sample compliant "$WORK/repo"

time_ms() {  # median wall time in ms of RUNS runs of the command
  local samples=()
  for _ in $(seq "$RUNS"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    samples+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

"$ROOT/bin/shipcheck" scan --repo "$WORK/repo" --out "$WORK/out" --quiet >/dev/null 2>&1 || true
scan=$(time_ms "$ROOT/bin/shipcheck" scan --repo "$WORK/repo" --out "$WORK/out" --quiet)
bare=$(time_ms "$JAVA" -version)
nocds=$(SHIPCHECK_CDS=0 time_ms "$ROOT/bin/shipcheck" scan --repo "$WORK/repo" --out "$WORK/out" --quiet)
echo "runs: $RUNS on $(nproc) cores, $("$JAVA" -version 2>&1 | head -n1)"
echo "bare 'java -version':               median ${bare} ms"
echo "scan --repo (CDS archive):          median ${scan} ms  ($(awk "BEGIN {printf \"%.1f\", $scan/$bare}")x bare JVM)"
echo "scan --repo (no CDS, for reference): median ${nocds} ms"
