#!/usr/bin/env bash
# Trim- and AOT-safety: a trimmed self-contained publish of samples/DisableActivation must produce no
# IL2xxx (trim) or IL3xxx (AOT) warning, and the trimmed binary must run its emulator demo.
set -uo pipefail
cd "$(dirname "$0")/../.."
out_dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$out_dir" "$log"' EXIT

dotnet publish samples/DisableActivation -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true \
  -p:EnableTrimAnalyzer=true -p:EnableAotAnalyzer=true -p:TrimmerSingleWarn=false \
  -o "$out_dir" >"$log" 2>&1 || { cat "$log"; echo "trimmed publish failed"; exit 1; }
if grep -E "warning IL[23][0-9]{3}" "$log"; then
  echo "trimmed publish produced trim/AOT warnings"; exit 1
fi

run=$(env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
  "$out_dir/DisableActivation" 2>&1) || { echo "$run"; echo "the trimmed binary failed"; exit 1; }
grep -q '^Disabled: *true$' <<<"$run" || { echo "$run"; echo "the trimmed binary did not disable the activation"; exit 1; }
echo "trimmed publish: 0 IL2xxx/IL3xxx warnings; the trimmed binary ran its emulator demo"
