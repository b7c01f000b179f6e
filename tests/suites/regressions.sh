#!/usr/bin/env bash
# The programs the random differential oracle found disagreeing (saved,
# minimised, by `make fuzz-diff` under tests/regressions/<name>/, each with
# a README saying its seed and the disagreement), linted and run with
# fixturetest diff: each must agree once the linter or the library is
# fixed, and keep agreeing.
set -u
cd "$(dirname "$0")/../.."
dirs=()
for d in tests/regressions/*/; do
    [ -d "$d" ] && ls "$d"*.c > /dev/null 2>&1 && dirs+=("${d%/}")
done
if [ ${#dirs[@]} -eq 0 ]; then
    echo "# no saved regressions"
    exit 0
fi
exec build/fixturetest diff build/scopecheck-san build/libvarscope-san.a "${dirs[@]}"
