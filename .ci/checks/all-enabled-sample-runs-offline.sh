#!/usr/bin/env bash
# The incident mode must work on a fresh machine: `DisableActivation -- --all-enabled` with no credentials
# runs against the embedded emulator, prints one result line per code and a summary, and exits 0;
# combining it with --activation-id is a usage error (exit 2).
set -uo pipefail
cd "$(dirname "$0")/../.."
run() {
  env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
    dotnet run --no-build --project samples/DisableActivation -- "$@" 2>&1
}
out=$(run --all-enabled) || { echo "$out"; echo "--all-enabled exited non-zero"; exit 1; }
[ "$(grep -cE ' (Disabled|AlreadyDisabled)$' <<<"$out")" -ge 2 ] || { echo "$out"; echo "--all-enabled did not print a result line per code"; exit 1; }
grep -q '^Summary: .* 0 failed$' <<<"$out" || { echo "$out"; echo "--all-enabled did not print the summary"; exit 1; }
grep -q 'local ECS emulator' <<<"$out" || { echo "$out"; echo "--all-enabled did not say it ran against the emulator"; exit 1; }
run --all-enabled --activation-id x >/dev/null; status=$?
[ "$status" -eq 2 ] || { echo "--all-enabled with --activation-id exited $status, expected 2"; exit 1; }
echo "DisableActivation --all-enabled ran offline against the emulator"
