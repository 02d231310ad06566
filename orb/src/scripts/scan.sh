#!/usr/bin/env bash
# The orb's `scan` command; its parameters arrive as SHIPCHECK_* environment variables. Records
# the exit code for the gate step, so the reports are stored whatever the result.
# CircleCI runs steps with `bash -eo pipefail`: a failing scan must not end the step early.
set -u +e
args=(scan --repo "$SHIPCHECK_REPO" --out "$SHIPCHECK_OUT" --format "$SHIPCHECK_FORMATS"
  --fail-on "$SHIPCHECK_FAIL_ON")
policy="$SHIPCHECK_POLICY"
if [ -n "$policy" ] && [ -n "${SHIPCHECK_POLICY_REF:-}" ]; then
  # The policy as the base branch has it: the pull request's own copy may grant itself waivers.
  if ! git -C "$SHIPCHECK_REPO" show "$SHIPCHECK_POLICY_REF:$policy" > /tmp/shipcheck-policy.yml; then
    echo "shipcheck: $policy is not on $SHIPCHECK_POLICY_REF; fetch it, or set policy-ref to \"\"" >&2
    echo 2 > /tmp/shipcheck-exit-code
    exit 0
  fi
  policy=/tmp/shipcheck-policy.yml
  args+=(--base-ref "$SHIPCHECK_POLICY_REF")
fi
if [ -n "$policy" ]; then args+=(--policy "$policy"); fi
if [ -n "${SHIPCHECK_USE:-}" ]; then args+=(--use "$SHIPCHECK_USE"); fi
if [ "$SHIPCHECK_ALLOW_INCOMPLETE" = true ] || [ "$SHIPCHECK_ALLOW_INCOMPLETE" = 1 ]; then
  args+=(--allow-incomplete)
fi
"$SHIPCHECK_BIN" "${args[@]}"
echo "$?" > /tmp/shipcheck-exit-code
