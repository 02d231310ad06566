#!/usr/bin/env bash
# Pre-merge scan speed, whole process including JVM start: `shipcheck scan --repo SAMPLE` on the
# "compliant" sample repository, RUNS times, against a bare `java -version` in the same run, with
#  - bin/shipcheck of this repository (development tree), and
#  - the packaged release: the -Pdist tarball extracted to a temporary folder and run through its
#    own bin/shipcheck, whose first run writes the class-data sharing archive (timed separately).
# Prints medians and their ratio. Not a test: run it by hand on a quiet machine.
#   bench/startup.sh [RUNS]          (default 21; MAVEN_OFFLINE= to let Maven download)
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

cpu_ms() {  # median CPU time (user+sys, the JVM's threads together) in ms: less sensitive to load
  local samples=()
  for _ in $(seq "$RUNS"); do
    local t; t=$( { TIMEFORMAT='%3U %3S'; time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    samples+=($(awk '{printf "%d", ($1 + $2) * 1000}' <<<"$t"))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# The release tarball, built from this tree when missing or older than the jar.
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$ROOT/pom.xml" | head -n1)"
tarball="$ROOT/cli/target/shipcheck-$version.tar.gz"
if [ ! -f "$tarball" ] || [ "$ROOT/cli/target/shipcheck.jar" -nt "$tarball" ] \
    || [ "$ROOT/bin/shipcheck" -nt "$tarball" ]; then
  (cd "$ROOT" && mvn -q -B ${MAVEN_OFFLINE--o} -DskipTests -Dspotless.check.skip=true -Pdist \
    package -pl cli -am) >&2
fi
mkdir -p "$WORK/dist" && tar -xzf "$tarball" -C "$WORK/dist" --strip-components=1
DIST="$WORK/dist/bin/shipcheck"
t0=$(date +%s%N); "$DIST" --version >/dev/null; t1=$(date +%s%N)
first=$(( (t1 - t0) / 1000000 ))                     # includes writing the CDS archive

scan() { "$1" scan --repo "$WORK/repo" --out "$WORK/out" --quiet; }
scan "$ROOT/bin/shipcheck" >/dev/null 2>&1 || true
dev=$(time_ms scan "$ROOT/bin/shipcheck")
packaged=$(time_ms scan "$DIST")
bare=$(time_ms "$JAVA" -version)
nocds=$(SHIPCHECK_CDS=0 time_ms scan "$DIST")
cpu=$(cpu_ms scan "$DIST")
ratio() { awk "BEGIN {printf \"%.1f\", $1/$2}"; }
echo "runs: $RUNS on $(nproc) cores, $("$JAVA" -version 2>&1 | head -n1)"
echo "bare 'java -version':                         median ${bare} ms"
echo "scan --repo, bin/shipcheck (dev tree, CDS):   median ${dev} ms  ($(ratio "$dev" "$bare")x bare JVM)"
echo "scan --repo, packaged release (CDS):          median ${packaged} ms  ($(ratio "$packaged" "$bare")x bare JVM)"
echo "scan --repo, packaged release, no CDS:        median ${nocds} ms"
echo "scan --repo, packaged release (CDS), CPU time: median ${cpu} ms user+sys; load average $(cut -d' ' -f1 /proc/loadavg)"
echo "packaged release, first run (writes the CDS archive): ${first} ms, once per installation and java"
