#!/usr/bin/env bash
# NativeAOT (the incident tool's linux-x64 package) links with clang and needs zlib's headers: Debian's
# clang and zlib1g-dev, installed here when missing (apt-get update once; sudo only when not root).
set -uo pipefail
if command -v clang >/dev/null 2>&1 && dpkg -s zlib1g-dev >/dev/null 2>&1; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing NativeAOT prerequisites: clang zlib1g-dev"
$sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
