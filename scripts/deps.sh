#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, when they are
# missing and we are root; otherwise says which ones are missing.
set -u
pkgs=(build-essential pkg-config llvm libclang-dev libclang-rt-dev clang libcjson-dev libcmocka-dev valgrind python3 python3-jsonschema
      # a libclang with operator kinds (LLVM 17+), for the front end's tests of
      # that path (tests/suites/frontend.sh)
      libclang1-19 libclang-common-19-dev)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || {
        echo "deps: apt-get install failed" >&2; exit 1; }
else
    echo "deps: missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi
