#!/usr/bin/env bash
# A consumer's-eye test: pack both packages into a temporary folder, create a throwaway console
# project outside the solution, `dotnet add package` them from that folder, and run a generic host
# that resolves IEcsActivationClient and disables an activation on the Testing package's emulator.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/ConsumerApp"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)

dotnet pack "$repo/src/AlibabaEcsActivation" -c Release -o "$feed" --nologo -v q
dotnet pack "$repo/src/AlibabaEcsActivation.Testing" -c Release -o "$feed" --nologo -v q
for id in AlibabaEcsActivation AlibabaEcsActivation.Testing; do
  for ext in nupkg snupkg; do
    [ -f "$feed/$id.$version.$ext" ] || { echo "missing $id.$version.$ext"; exit 1; }
  done
done

# A private package cache, so a package packed earlier with the same version is never reused.
export NUGET_PACKAGES="$work/packages"
mkdir -p "$app"
cd "$app"
dotnet new console --framework net10.0 --name ConsumerApp --output . >/dev/null
# The folder is a package source beside the user's usual ones (`--source` alone would hide the
# packages' own dependencies, which come from the usual feed).
dotnet new nugetconfig --output . >/dev/null
dotnet nuget add source "$feed" --name local-feed --configfile nuget.config >/dev/null
dotnet add package AlibabaEcsActivation --version "$version" >/dev/null
dotnet add package AlibabaEcsActivation.Testing --version "$version" >/dev/null
dotnet add package Microsoft.Extensions.Hosting --version 10.0.14 >/dev/null
grep -q "$feed" obj/project.assets.json || { echo "the packages did not come from $feed"; exit 1; }

cat > Program.cs <<'CS'
using AlibabaEcsActivation;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var emulator = new EcsEmulator();
await using var server = await emulator.StartServerAsync();

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddEcsActivationClient(options =>
{
    options.RegionId = "cn-hangzhou";
    options.Endpoint = server.BaseAddress.ToString();
    options.AccessKeyId = EcsEmulator.DefaultAccessKeyId;
    options.AccessKeySecret = EcsEmulator.DefaultAccessKeySecret;
});
using IHost host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IEcsActivationClient>();
DisableActivationResponse response = await client.DisableActivationAsync("4ECEEE12-56F1-4FBC-9AB1-890F1234****");
await host.StopAsync();

if (!response.Activation.Disabled)
{
    Console.Error.WriteLine("consumer: the activation is not disabled");
    return 1;
}

Console.WriteLine($"consumer: {response.Activation.ActivationId} Disabled: true (RequestId {response.RequestId})");
return 0;
CS

dotnet run -c Release
