#!/usr/bin/env bash
# samples/DependencyInjection binds its options from appsettings.json, resolves IEcsActivationClient
# through the generic host and disables the configured code on the in-process emulator, exporting the
# client's span and metrics through OpenTelemetry.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=$(dotnet run --no-build --project samples/DependencyInjection 2>&1) || { echo "$out"; echo "the DI sample exited non-zero"; exit 1; }
grep -q 'Disabled=True' <<<"$out" || { echo "$out"; echo "the DI sample did not log the disabled activation"; exit 1; }
# OpenTelemetry's console exporter: the call's span and its duration metric.
grep -q 'Activity.DisplayName: *Ecs/DisableActivation' <<<"$out" || { echo "$out"; echo "the DI sample exported no Ecs/DisableActivation span"; exit 1; }
grep -q 'Metric Name: rpc.client.call.duration,.*Unit: s' <<<"$out" || { echo "$out"; echo "the DI sample exported no rpc.client.call.duration metric"; exit 1; }
echo "DI sample disabled its activation through the host and exported its span and metric"
