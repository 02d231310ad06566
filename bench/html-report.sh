#!/usr/bin/env bash
# Benchmark of report.html at organisation scale: file size, time to interactive and filter-change
# time in headless Chromium (Debian's /usr/bin/chromium). Not a test; see bench/README.md.
# Usage: bench/html-report.sh [PROJECTS=10000] [RUNS=5] [HISTORY=90]  (HISTORY=0: no trend, no baseline)
set -euo pipefail
cd "$(dirname "$0")/.."
projects="${1:-10000}"
runs="${2:-5}"
history="${3:-90}"
offline="${MAVEN_OFFLINE:--o}"
# One reactor build so that sibling modules resolve to their target/ classes, not to ~/.m2.
mvn -q -B $offline test-compile dependency:build-classpath \
  -pl scanner-core,fixtures,rules,reports \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="reports/target/test-classes:reports/target/classes:$(cat reports/target/bench.classpath)"
exec java -Xmx4g -cp "$cp" dev.shipcheck.reports.html.HtmlReportBenchmark \
  "$projects" "$runs" bench/results/html "$history"
