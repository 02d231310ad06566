#!/usr/bin/env bash
# The orb's `audit` command: this node's shard of the organisation (--shard K/N takes the node
# index K from 0, as CIRCLE_NODE_INDEX counts). Exit codes 1 (violations) and 3 (incomplete) are the merged
# report's to judge; anything else (2: bad invocation or policy) fails the node.
# CircleCI runs steps with `bash -eo pipefail`: a failing scan must not end the step early.
set -u +e
node="${CIRCLE_NODE_INDEX:-0}"
total="${CIRCLE_NODE_TOTAL:-1}"
args=(scan --github-org "$SHIPCHECK_ORG" --shard "$node/$total" --format json
  --out "$SHIPCHECK_OUT/node-$node")
if [ -n "$SHIPCHECK_POLICY" ]; then args+=(--policy "$SHIPCHECK_POLICY"); fi
if [ -n "$SHIPCHECK_GITHUB_URL" ]; then args+=(--github-url "$SHIPCHECK_GITHUB_URL"); fi
"$SHIPCHECK_BIN" "${args[@]}"
code=$?
case "$code" in
  0 | 1 | 3) exit 0 ;;
  *) exit "$code" ;;
esac
