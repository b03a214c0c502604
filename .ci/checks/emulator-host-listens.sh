#!/usr/bin/env bash
# The emulator host prints "Listening on http://127.0.0.1:<port>" first, answers on that address,
# and stops on SIGTERM.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
setsid dotnet run --no-build --project samples/EcsEmulator -- --port 0 --quiet >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 150); do
  grep -q . "$out" && break
  sleep 0.2
done
first=$(head -n1 "$out")
status=0
if [[ ! "$first" =~ ^Listening\ on\ http://127\.0\.0\.1:[0-9]+$ ]]; then
  echo "first line was: '$first'"; status=1
else
  url=${first#Listening on }
  # Any answer proves it accepts requests; unsigned ones get MissingAccessKeyId.
  if command -v curl >/dev/null && ! curl -s "$url/?Format=JSON" | grep -q MissingAccessKeyId; then
    echo "no documented error from $url"; status=1
  fi
fi
kill -TERM -- -"$pid" 2>/dev/null
wait "$pid" 2>/dev/null
[ $status -eq 0 ] && echo "emulator host listened on ${first#Listening on }"
exit $status
