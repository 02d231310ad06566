#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (libFuzzer for the JVM), never part of `mvn verify`.
#
#   bench/fuzz.sh config|expr [SECONDS=900] [extra libFuzzer flags...]
#
# Builds the fuzz module (-Pfuzz), then fuzzes one target for SECONDS, growing fuzz/corpus/TARGET
# in place (review what it added before committing; `-merge=1` into a fresh directory minimises it).
# A finding is written to fuzz/findings/TARGET/ (git-ignored) and stops the run; reproduce it with
#   bench/fuzz.sh TARGET 0 fuzz/findings/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: bench/fuzz.sh config|expr [SECONDS] [libFuzzer flags...]}
seconds=${2:-900}
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  config) class=dev.shipcheck.fuzz.ConfigFuzzer; maxlen=16384 ;;
  expr) class=dev.shipcheck.fuzz.ExprFuzzer; maxlen=1024 ;;
  *) echo "unknown target '$target' (config, expr)" >&2; exit 2 ;;
esac
mvn -B -q -Pfuzz -pl fuzz -am package dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.outputFile=target/classpath.txt
# Fuzz a snapshot of the reactor's classes, so building while the fuzzer runs cannot change them.
snapshot=fuzz/target/snapshot
rm -rf "$snapshot" && mkdir -p "$snapshot"
cp=""
IFS=: read -ra entries <<< "fuzz/target/classes:$(cat fuzz/target/classpath.txt)"
for e in "${entries[@]}"; do
  if [[ -d "$e" ]]; then
    copy="$snapshot/$(echo "$e" | tr '/' '_')"
    cp -r "$e" "$copy"
    e="$copy"
  fi
  cp="${cp:+$cp:}$e"
done
mkdir -p "fuzz/findings/$target"
args=(--cp="$cp" --target_class="$class" --instrumentation_includes='dev.shipcheck.**'
      -max_len="$maxlen" -timeout=60 -rss_limit_mb=3072
      --reproducer_path="fuzz/findings/$target"
      # java.util.regex on repository patterns is replaced by RE2/J (linear time, issue 15); the
      # sanitizer would report every invalid pattern the parser already refuses with a reason.
      --disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection
      -artifact_prefix="fuzz/findings/$target/")
if (( $# > 0 )) && [[ -f "$1" ]]; then
  exec java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer "${args[@]}" "$@"
fi
exec java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer "${args[@]}" \
  -max_total_time="$seconds" -print_final_stats=1 "$@" "fuzz/corpus/$target"
