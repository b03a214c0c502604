#!/usr/bin/env bash
# The same sample, signing with signature V3: the embedded emulator verifies ACS3-HMAC-SHA256 too.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
  dotnet run --no-build --project samples/DisableActivation -- --signature-algorithm ACS3-HMAC-SHA256 2>&1) || { echo "$out"; echo "the sample exited non-zero"; exit 1; }
grep -q '^Disabled: *true$' <<<"$out" || { echo "$out"; echo "the sample did not print 'Disabled: true'"; exit 1; }
echo "sample ran offline against the emulator with signature V3"
