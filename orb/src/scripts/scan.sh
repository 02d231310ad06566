#!/usr/bin/env bash
# The orb's `scan` command; its parameters arrive as SHIPCHECK_* environment variables. Records
# the exit code for the gate step, so the reports are stored whatever the result.
# CircleCI runs steps with `bash -eo pipefail`: a failing scan must not end the step early.
set -u +e
args=(scan --repo "$SHIPCHECK_REPO" --out "$SHIPCHECK_OUT" --format "$SHIPCHECK_FORMATS"
  --fail-on "$SHIPCHECK_FAIL_ON")
if [ -n "$SHIPCHECK_POLICY" ]; then args+=(--policy "$SHIPCHECK_POLICY"); fi
if [ "$SHIPCHECK_ALLOW_INCOMPLETE" = true ] || [ "$SHIPCHECK_ALLOW_INCOMPLETE" = 1 ]; then
  args+=(--allow-incomplete)
fi
"$SHIPCHECK_BIN" "${args[@]}"
echo "$?" > /tmp/shipcheck-exit-code
