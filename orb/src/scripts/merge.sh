#!/usr/bin/env bash
# The orb's `merge` command: every shard's shipcheck.json into one report set. Records the exit
# code for the gate step, so the reports are stored whatever the result.
# CircleCI runs steps with `bash -eo pipefail`: a failing scan must not end the step early.
set -u +e
shopt -s nullglob
shards=("$SHIPCHECK_SHARDS"/node-*/shipcheck.json)
if [ "${#shards[@]}" -eq 0 ]; then
  echo "no shard results in $SHIPCHECK_SHARDS (expected node-*/shipcheck.json from the audit job)" >&2
  echo 3 > /tmp/shipcheck-exit-code
  exit 0
fi
args=(merge --out "$SHIPCHECK_OUT" --format "$SHIPCHECK_FORMATS" --fail-on "$SHIPCHECK_FAIL_ON")
if [ "$SHIPCHECK_ALLOW_INCOMPLETE" = true ] || [ "$SHIPCHECK_ALLOW_INCOMPLETE" = 1 ]; then
  args+=(--allow-incomplete)
fi
"$SHIPCHECK_BIN" "${args[@]}" "${shards[@]}"
echo "$?" > /tmp/shipcheck-exit-code
