#!/usr/bin/env bash
# libFuzzer on the readers of untrusted input (configuration, baseline,
# compile database, suppression comments) for a short fixed time each, as
# CI does on every run (`make fuzz FUZZ_SECONDS=...` for longer runs).
set -u
cd "$(dirname "$0")/../.."
secs=${FUZZ_CHECK_SECONDS:-15}
if ! command -v clang >/dev/null 2>&1; then
    echo "ok - libFuzzer # SKIP clang is not installed"; exit 0
fi
log=$(mktemp); trap 'rm -f "$log"' EXIT
if ! make -s build/fuzz/fuzz_config >/dev/null 2>"$log"; then
    if [ -n "${CI:-}" ]; then echo "not ok - libFuzzer targets build"; sed 's/^/# /' "$log" | tail -5; exit 0; fi
    echo "ok - libFuzzer # SKIP the fuzz targets do not build here (libclang-rt-dev?)"; exit 0
fi
for n in config baseline compdb suppress; do
    if make -s build/fuzz/fuzz_$n >/dev/null 2>"$log" &&
       make -s fuzz FUZZ_NAMES=$n FUZZ_SECONDS="$secs" >"$log" 2>&1; then
        runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
        echo "ok - fuzz_$n: $secs s, ${runs:-?} inputs, no crash"
    else
        echo "not ok - fuzz_$n"
        grep -E "ERROR|SUMMARY|crash-|==[0-9]+==" "$log" | head -10 | sed 's/^/# /'
    fi
done
