#!/usr/bin/env bash
# samples/DependencyInjection binds its options from appsettings.json, resolves IEcsActivationClient
# through the generic host and disables the configured code on the in-process emulator.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(dotnet run --no-build --project samples/DependencyInjection 2>&1) || { echo "$out"; echo "the DI sample exited non-zero"; exit 1; }
grep -q 'Disabled=True' <<<"$out" || { echo "$out"; echo "the DI sample did not log the disabled activation"; exit 1; }
echo "DI sample disabled its activation through the host"
