#!/usr/bin/env bash
# A create that fails must tell the caller the ClientToken it used, so the code it may have made can be
# recovered. Nothing listens on 127.0.0.1:9 (loopback only): the create fails after its retries.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIcheck ALIBABA_CLOUD_ACCESS_KEY_SECRET=check-secret \
  dotnet run --no-build --project samples/ActivationLifecycle -- --region cn-hangzhou --endpoint http://127.0.0.1:9 --client-token ci-token-1 2>&1)
status=$?
[ "$status" -eq 1 ] || { echo "$out"; echo "expected exit 1 from a failed create, got $status"; exit 1; }
grep -q '^ClientToken: ci-token-1 ' <<<"$out" || { echo "$out"; echo "the failed create did not print its ClientToken"; exit 1; }
if grep -q 'check-secret' <<<"$out"; then echo "the sample printed the secret"; exit 1; fi
echo "a failed create prints the ClientToken to resume with"
