#!/usr/bin/env bash
# README's first command must work on a fresh machine: with no credentials the sample runs against
# the embedded emulator, disables the seeded activation and exits 0.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
  dotnet run --no-build --project samples/DisableActivation 2>&1) || { echo "$out"; echo "the sample exited non-zero"; exit 1; }
grep -q '^Disabled: *true$' <<<"$out" || { echo "$out"; echo "the sample did not print 'Disabled: true'"; exit 1; }
grep -q 'local ECS emulator' <<<"$out" || { echo "$out"; echo "the sample did not say it ran against the emulator"; exit 1; }
echo "sample ran offline against the emulator"
