#!/usr/bin/env bash
# A consumer's-eye test: pack both packages into a temporary folder, create throwaway console
# projects outside the solution, `dotnet add package` them from that folder, and run a generic host
# that resolves IEcsActivationClient and disables an activation on the Testing package's emulator:
# once on net10.0 with Microsoft.Extensions.Hosting 10, once on net8.0 with the 8.0.x line only.
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

# One program for both apps: it resolves the client through DI and disables a code on the emulator.
# On net8.0 it first checks that the runtime and the Microsoft.Extensions assemblies it loads are 8.0's.
cat > "$work/Program.cs" <<'CS'
using AlibabaEcsActivation;
using AlibabaEcsActivation.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

string label = "consumer";
#if !NET9_0_OR_GREATER
label = $"consumer (net8.0, .NET {Environment.Version})";
if (Environment.Version.Major != 8 || typeof(ILogger).Assembly.GetName().Version?.Major != 8)
{
    Console.Error.WriteLine($"{label}: runs with Logging.Abstractions {typeof(ILogger).Assembly.GetName().Version}");
    return 1;
}
#endif

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
    Console.Error.WriteLine($"{label}: the activation is not disabled");
    return 1;
}

Console.WriteLine($"{label}: {response.Activation.ActivationId} Disabled: true (RequestId {response.RequestId})");
return 0;
CS

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

cp "$work/Program.cs" Program.cs

dotnet run -c Release

# A .NET 8 app on the 8.0.x line: Hosting 8.0.1, and Logging.Abstractions and Options 8.0.2 referenced
# directly (what a NU1605 downgrade error would catch if the packages asked for more). No .NET 8
# runtime needs to be installed: the app is self-contained, its runtime taken from the NuGet runtime
# pack. Warnings are errors, restore's included.
app8="$work/Net8ConsumerApp"
mkdir -p "$app8"
cd "$app8"
cat > Net8ConsumerApp.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <SelfContained>true</SelfContained>
    <UseCurrentRuntimeIdentifier>true</UseCurrentRuntimeIdentifier>
  </PropertyGroup>
</Project>
XML
cp "$app/nuget.config" .
for package in "AlibabaEcsActivation $version" "AlibabaEcsActivation.Testing $version" \
    "Microsoft.Extensions.Hosting 8.0.1" "Microsoft.Extensions.Logging.Abstractions 8.0.2" "Microsoft.Extensions.Options 8.0.2"; do
  set -- $package
  dotnet add package "$1" --version "$2" >/dev/null
done
restore_log=$(dotnet restore --force 2>&1) || { echo "$restore_log"; echo "net8.0 consumer: restore failed"; exit 1; }
if grep -qiE 'warn|NU1[0-9]{3}' <<<"$restore_log"; then
  echo "$restore_log"; echo "net8.0 consumer: restore is not clean"; exit 1
fi
grep -q "$feed" obj/project.assets.json || { echo "net8.0 consumer: the packages did not come from $feed"; exit 1; }
# Every Microsoft.Extensions package in the graph ("Name/Version" keys of project.assets.json) is 8.0.x.
extensions=$(grep -oE '"Microsoft\.Extensions\.[A-Za-z.]+/[^"]+"' obj/project.assets.json | tr -d '"' | sort -u)
[ -n "$extensions" ] || { echo "net8.0 consumer: no Microsoft.Extensions package resolved"; exit 1; }
lifted=$(grep -vE '/8\.0\.[0-9]+$' <<<"$extensions" || true)
[ -z "$lifted" ] || { echo "net8.0 consumer: Microsoft.Extensions packages beyond 8.0.x:"; echo "$lifted"; exit 1; }
echo "net8.0 consumer: $(wc -l <<<"$extensions") Microsoft.Extensions packages, all 8.0.x"

cp "$work/Program.cs" Program.cs

dotnet run -c Release
