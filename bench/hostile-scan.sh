#!/usr/bin/env bash
# Issue 15's hostile repositories, whole process: `shipcheck scan --repo DIR --policy DIR/shipcheck.yml`
# on real git repositories written with jgit (dev.shipcheck.bench.HostileRepos), timed with
# hyperfine (falls back to GNU time when hyperfine is missing). Each run is bounded by `timeout`
# (LIMIT seconds), so a build that still hangs is reported as a timeout rather than holding the
# machine. Not a test: run it by hand on a quiet machine and quote the medians.
#
#   bench/hostile-scan.sh [RUNS=5] [CASE...]
#     CASE: plain (a small config: the baseline) filter expression when deploy-pattern file-content
#           requires-10000 aliased-5000 (default: all but aliased-5000)
#   SHIPCHECK=/path/to/bin/shipcheck  scan with another build (e.g. a checkout of an older commit)
#   LIMIT=60                           seconds before a run counts as hung
#   MAVEN_OFFLINE=                     let Maven download (default: offline)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"; shift || true
CASES=("$@")
[ ${#CASES[@]} -gt 0 ] || CASES=(plain filter expression when deploy-pattern file-content requires-10000)
SHIPCHECK="${SHIPCHECK:-$ROOT/bin/shipcheck}"
LIMIT="${LIMIT:-60}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
if [ ! -f "$BENCH_JAR" ] || [ -n "$(find "$ROOT/benchmarks/src" -newer "$BENCH_JAR" -print -quit)" ]; then
  (cd "$ROOT" && mvn -q -B ${MAVEN_OFFLINE--o} -Pbench -DskipTests -Dspotless.check.skip=true \
    package -pl benchmarks -am) >&2
fi
"$SHIPCHECK" --version >/dev/null                     # builds the jar and its CDS archive if needed

echo "shipcheck: $SHIPCHECK ($("$SHIPCHECK" --version 2>&1 | head -n1))"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -n1)"
for c in "${CASES[@]}"; do
  repo="$WORK/$c"
  "$JAVA" -cp "$BENCH_JAR" dev.shipcheck.bench.HostileRepos "$c" "$repo"
  size=$(stat -c %s "$repo/.circleci/config.yml")
  cmd="timeout $LIMIT $SHIPCHECK scan --repo $repo --policy $repo/shipcheck.yml --out $WORK/out-$c --quiet"
  set +e
  timeout "$LIMIT" "$SHIPCHECK" scan --repo "$repo" --policy "$repo/shipcheck.yml" \
    --out "$WORK/out-$c" --quiet >/dev/null 2>&1
  rc=$?
  set -e
  if [ "$rc" = 124 ]; then
    echo "$c (config $size bytes): still running after ${LIMIT} s (killed)"
    continue
  fi
  if command -v hyperfine >/dev/null; then
    hyperfine --style basic --runs "$RUNS" -i --export-json "$WORK/$c.json" "$cmd" >/dev/null 2>&1
    median=$(python3 -c "import json,sys; r=json.load(open('$WORK/$c.json'))['results'][0]; print('%.0f' % (r['median']*1000))")
    echo "$c (config $size bytes, exit $rc): median ${median} ms over $RUNS runs (hyperfine)"
  else
    /usr/bin/time -f "$c (config $size bytes, exit $rc): %e s wall, %M KiB peak RSS (GNU time, 1 run)" \
      $cmd >/dev/null 2>"$WORK/time.txt" || true
    tail -n1 "$WORK/time.txt"
  fi
  python3 - "$WORK/out-$c/shipcheck.json" <<'PY' || true
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    if r["ruleId"] in ("CircleCiConfigured", "BranchPipelines", "ProductionApprovalGate",
                       "TestsBeforeDeploy", "NoZ"):
        print("  %-24s %-15s %s" % (r["ruleId"], r["outcome"], r.get("message", "")[:110]))
PY
done
