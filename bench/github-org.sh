#!/usr/bin/env bash
# Nightly org audit at scale: `bin/shipcheck scan --github-org acme` against the GitHub simulator
# (50 ms added to every response, GitHub's 5,000-point hourly budget), for each organisation size
# given (default 1000 and 10000 repositories). Prints wall time, GitHub requests per repository,
# GraphQL points and peak RSS (from /usr/bin/time -v) of the scanning process. Not a test: run it
# by hand on a quiet machine. The simulator runs on the same machine and takes CPU from the scan.
#   bench/github-org.sh [SIZE...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
LATENCY_MS="${LATENCY_MS:-50}"
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
WORK="$(mktemp -d)"
SIM_PID=""
cleanup() { [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

"$ROOT/bin/shipcheck" --version >/dev/null          # builds the jar (and CDS archive) if needed
JAR="$ROOT/cli/target/shipcheck.jar"

echo "GitHub org audit, simulator latency ${LATENCY_MS} ms, $(nproc) cores, $("$JAVA" -version 2>&1 | head -n1)"
printf '%-8s %-9s %-9s %-13s %-9s %-12s %-10s %s\n' repos scanned wall_s requests req/repo points peak_rss_MiB exit
for n in "${SIZES[@]}"; do
  "$JAVA" -Xmx3g -cp "$JAR" dev.shipcheck.simulators.github.SimulatorMain \
      --repos "$n" --latency-ms "$LATENCY_MS" --token bench >"$WORK/sim-$n.out" 2>"$WORK/sim-$n.err" &
  SIM_PID=$!
  for _ in $(seq 120); do grep -q '^github=' "$WORK/sim-$n.out" 2>/dev/null && break; sleep 0.5; done
  url="$(sed -n 's/^github=//p' "$WORK/sim-$n.out")"
  [ -n "$url" ] || { echo "simulator did not start:" >&2; cat "$WORK/sim-$n.err" >&2; exit 1; }
  set +e
  GITHUB_TOKEN=bench /usr/bin/time -v -o "$WORK/time-$n.txt" "$ROOT/bin/shipcheck" scan \
      --github-org acme --github-url "$url" --out "$WORK/out-$n" --format json --quiet \
      >"$WORK/scan-$n.out" 2>"$WORK/scan-$n.err"
  code=$?
  set -e
  kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=""
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time-$n.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/time-$n.txt")
  read -r projects requests points < <(python3 - "$WORK/out-$n/shipcheck.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
m = r.get("metrics", {})
print(r["summary"]["projects"], m.get("github.requests", 0), m.get("github.graphqlPoints", 0))
PY
)
  perrepo=$(awk "BEGIN {printf \"%.4f\", $requests/$n}")
  printf '%-8s %-9s %-9s %-13s %-9s %-12s %-10s %s\n' "$n" "$projects" "$wall" "$requests" "$perrepo" "$points" "$rss" "$code"
done
echo "targets: <= 0.1 requests/repo; 10000 repos within 5000 points; <= 180 s wall for 10000; peak RSS <= 1024 MiB"
