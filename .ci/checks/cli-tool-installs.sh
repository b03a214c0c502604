#!/usr/bin/env bash
# The incident tool installs with `dotnet tool` and is native on linux-x64: pack it (the top-level package,
# the framework-dependent "any" one and the NativeAOT linux-x64 one, with no IL2xxx/IL3xxx warning), install
# it into a temporary tool path under a fresh HOME, check that `ecs-activation` is a NativeAOT ELF executable
# (not the apphost of a DLL), and run `--version` and the in-process emulator demo.
set -uo pipefail
cd "$(dirname "$0")/../.."
bash .ci/aot-prerequisites.sh || { echo "NativeAOT prerequisites missing"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n1)
seeded='4ECEEE12-56F1-4FBC-9AB1-890F1234****'

start=$(date +%s)
dotnet pack src/AlibabaEcsActivation.Cli -c Release -o "$work/packages" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; echo "packing the tool failed"; exit 1; }
if grep -E "warning IL[23][0-9]{3}" "$work/pack.log"; then
  echo "the NativeAOT build of the tool produced trim/AOT warnings"; exit 1
fi
for package in "AlibabaEcsActivation.Cli.$version" "AlibabaEcsActivation.Cli.any.$version" "AlibabaEcsActivation.Cli.linux-x64.$version"; do
  [ -f "$work/packages/$package.nupkg" ] || { ls "$work/packages"; echo "missing $package.nupkg"; exit 1; }
done
packed=$(date +%s)

# A fresh HOME (and so a fresh NuGet packages folder): nothing cached from an earlier build is installed.
mkdir -p "$work/home"
HOME="$work/home" NUGET_PACKAGES="$work/home/.nuget/packages" dotnet tool install --tool-path "$work/tools" \
  --add-source "$work/packages" AlibabaEcsActivation.Cli --version "$version" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "installing the tool failed"; exit 1; }

tool="$work/tools/ecs-activation"
binary=$(readlink -f "$tool")
[ "$(head -c 4 "$binary" | od -An -tx1 | tr -d ' ')" = "7f454c46" ] || { echo "$binary is not an ELF executable"; exit 1; }
# A framework-dependent tool is an apphost beside its DLL; the NativeAOT one is the program itself.
[ ! -e "$(dirname "$binary")/ecs-activation.dll" ] || { echo "$binary is the apphost of a DLL, not NativeAOT"; exit 1; }

run() { env -u ALIBABA_CLOUD_ACCESS_KEY_ID -u ALIBABA_CLOUD_ACCESS_KEY_SECRET -u ALIBABA_CLOUD_SECURITY_TOKEN \
  HOME="$work/home" ALIBABA_CLOUD_ECS_METADATA_DISABLED=true "$tool" "$@" </dev/null; }

out=$(run --version 2>&1) || { echo "$out"; echo "ecs-activation --version failed"; exit 1; }
[ "$out" = "ecs-activation $version" ] || { echo "ecs-activation --version printed '$out'"; exit 1; }

out=$(run --emulator disable "$seeded" 2>"$work/stderr")
status=$?
[ $status -eq 0 ] || { echo "$out"; cat "$work/stderr"; echo "ecs-activation --emulator disable exited $status"; exit 1; }
[[ "$out" =~ ^"$seeded  Disabled  RequestId="[0-9A-F-]{36}$ ]] || { echo "$out"; echo "ecs-activation --emulator disable printed the wrong result"; exit 1; }
grep -q '^Summary: 1 Disabled; 1/1' "$work/stderr" || { cat "$work/stderr"; echo "no summary on stderr"; exit 1; }

echo "ecs-activation $version: packed in $((packed - start))s ($(cd "$work/packages" && du -k -- *.nupkg | awk '{printf "%s%s %sK", (NR > 1 ? ", " : ""), $2, $1}')), installed as a NativeAOT executable, --version and the emulator demo ran"
