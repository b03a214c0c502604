#!/usr/bin/env bash
# The lifecycle sample must work on a fresh machine: with no credentials it runs against the embedded
# emulator, walks create -> describe all -> disable -> delete, never prints the code string, and exits 0.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
  dotnet run --no-build --project samples/ActivationLifecycle 2>&1) || { echo "$out"; echo "the lifecycle sample exited non-zero"; exit 1; }
for step in '^\[1/4\] Created ' '^\[2/4\] Described ' '^\[3/4\] Disabled .*Disabled: true' '^\[4/4\] Deleted '; do
  grep -qE "$step" <<<"$out" || { echo "$out"; echo "the lifecycle sample did not print a line matching '$step'"; exit 1; }
done
grep -q 'local ECS emulator' <<<"$out" || { echo "$out"; echo "the lifecycle sample did not say it ran against the emulator"; exit 1; }
# A full code string is "a-" followed by 29 characters; only a masked prefix may appear.
if grep -qE 'a-[A-Za-z0-9+]{10,}' <<<"$out"; then echo "$out"; echo "the lifecycle sample printed an unmasked activation code"; exit 1; fi
echo "lifecycle sample walked all four steps offline against the emulator"
