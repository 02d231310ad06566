#!/usr/bin/env bash
# Pre-merge scan speed, whole processes, paired: on the "compliant" sample repository (a jgit-made
# git repository, `shipcheck __sample compliant DIR`, the same every time) each round runs, in an
# order that rotates from round to round,
#   bare     `java -version` (the JVM's floor)
#   json     `bin/shipcheck scan --repo R --format json`
#   all      `bin/shipcheck scan --repo R` (every report format, as the README's pre-merge job)
#   rl       Repolinter 0.11.2 on R with two file-existence rules (README, Dockerfile), installed
#            from the npm registry into bench/.repolinter/ on first use (skipped if npm fails)
#   B        with SHIPCHECK_B=/path/to/other/bin/shipcheck: that build's `all`, for before/after
# and records wall time, CPU time (user+sys, all threads: less sensitive to the shared machine's
# load) and peak RSS of each with GNU time. Prints medians and the medians of the per-round ratios.
# Not a test: run it by hand and quote it with the load average it prints.
#   bench/startup.sh [ROUNDS]       (default 21; VARIANTS="json all" to choose; JAVA_HOME honoured)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-21}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
SHIPCHECK="${SHIPCHECK:-$ROOT/bin/shipcheck}"
VARIANTS="${VARIANTS:-bare json all rl${SHIPCHECK_B:+ B}}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT

"$SHIPCHECK" --version >/dev/null     # builds the jar and its archive if needed (timed below)
"$SHIPCHECK" __sample compliant "$WORK/repo" >/dev/null

RL_DIR="$ROOT/bench/.repolinter"
RL="$RL_DIR/node_modules/repolinter/bin/repolinter.js"
if [[ " $VARIANTS " == *" rl "* ]] && [ ! -f "$RL" ]; then
  mkdir -p "$RL_DIR"
  if ! (cd "$RL_DIR" && npm install --no-audit --no-fund --silent repolinter@0.11.2) >&2; then
    echo "npm install repolinter failed (offline?): Repolinter left out" >&2
  fi
fi
[ -f "$RL" ] || VARIANTS="${VARIANTS/rl/}"
cat >"$WORK/repolint.json" <<'EOF'
{
  "$schema": "https://raw.githubusercontent.com/todogroup/repolinter/master/rulesets/schema.json",
  "version": 2,
  "axioms": {},
  "rules": {
    "readme-file-exists": {
      "level": "error",
      "rule": { "type": "file-existence", "options": { "globsAny": ["README*"] } }
    },
    "dockerfile-exists": {
      "level": "error",
      "rule": { "type": "file-existence", "options": { "globsAny": ["Dockerfile"] } }
    }
  }
}
EOF

run_variant() {
  case "$1" in
    bare) "$JAVA" -version ;;
    json) "$SHIPCHECK" scan --repo "$WORK/repo" --out "$WORK/out-json" --format json --quiet ;;
    all) "$SHIPCHECK" scan --repo "$WORK/repo" --out "$WORK/out-all" --quiet ;;
    B) "$SHIPCHECK_B" scan --repo "$WORK/repo" --out "$WORK/out-b" --quiet ;;
    rl) node "$RL" lint "$WORK/repo" -r "$WORK/repolint.json" ;;
  esac
}

# One measurement: "wall_ms cpu_ms rss_kib"; wall from the shell's clock (GNU time rounds to 10 ms).
measure() {
  local t0 t1 stats
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$WORK/time" bash -c "$(declare -f run_variant); \
    JAVA='$JAVA' SHIPCHECK='$SHIPCHECK' SHIPCHECK_B='${SHIPCHECK_B:-}' WORK='$WORK' RL='$RL'; \
    run_variant $1" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  stats=$(tail -n1 "$WORK/time")
  awk -v w=$(( (t1 - t0) / 1000000 )) '{printf "%d %d %d\n", w, ($1 + $2) * 1000, $3}' <<<"$stats"
}

# First runs after a new jar: write the archive, excluded from the figures.
for v in $VARIANTS; do measure "$v" >/dev/null; done
read -r -a vs <<<"$VARIANTS"
load0=$(cut -d' ' -f1 /proc/loadavg)
: >"$WORK/samples"
for r in $(seq "$ROUNDS"); do
  n=${#vs[@]}
  for i in $(seq 0 $((n - 1))); do
    v=${vs[$(( (i + r) % n ))]}
    echo "$r $v $(measure "$v")" >>"$WORK/samples"
  done
done
load1=$(cut -d' ' -f1 /proc/loadavg)

echo "rounds: $ROUNDS on $(nproc) cores, $("$JAVA" -version 2>&1 | head -n1); load average $load0 at the start, $load1 at the end"
printf '%-10s %10s %10s %12s\n' variant "wall ms" "cpu ms" "peak RSS MiB"
for v in "${vs[@]}"; do
  awk -v v="$v" '$2 == v {w[++n]=$3; c[n]=$4; m[n]=$5}
    function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j > 0 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%-10s %10d %10d %12.1f   (medians)\n", v, med(w, n), med(c, n), med(m, n) / 1024 }' "$WORK/samples"
done
ratio() {  # median over rounds of A/B, wall and CPU
  awk -v a="$1" -v b="$2" '$2 == a {wa[$1]=$3; ca[$1]=$4} $2 == b {wb[$1]=$3; cb[$1]=$4}
    function med(x, n,   i, j, t) { for (i = 2; i <= n; i++) { t = x[i]; for (j = i - 1; j > 0 && x[j] > t; j--) x[j + 1] = x[j]; x[j + 1] = t }
      return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2 }
    END { for (r in wa) if (r in wb && wb[r] > 0 && cb[r] > 0) { rw[++n] = wa[r] / wb[r]; rc[n] = ca[r] / cb[r] }
      if (n) printf "%-22s wall %5.2fx   cpu %5.2fx   (median of %d paired ratios)\n", a "/" b, med(rw, n), med(rc, n), n }' "$WORK/samples"
}
for pair in "all bare" "json bare" "all rl" "json rl" "all json" "all B"; do
  set -- $pair
  [[ " $VARIANTS " == *" $1 "* && " $VARIANTS " == *" $2 "* ]] && ratio "$1" "$2"
done
if [ -n "${KEEP_SAMPLES:-}" ]; then cp "$WORK/samples" "$KEEP_SAMPLES"; fi
