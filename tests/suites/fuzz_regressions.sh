#!/usr/bin/env bash
# The fuzz targets (tests/fuzz/fuzz_<name>.c), built without libFuzzer
# under ASan/UBSan (build/fuzz-replay/fuzz_<name>), replayed over every
# input that once crashed them (tests/fuzz/regressions/<name>/) and over
# their seed corpora (tests/fuzz/corpus/<name>/): no crash, no sanitizer
# report.  `make fuzz` looks for new ones.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export TMPDIR=$tmp
for name in config baseline compdb suppress; do
    bin=build/fuzz-replay/fuzz_$name
    if [ ! -x "$bin" ]; then
        echo "not ok - fuzz_$name: $bin is not built (make tests)"
        continue
    fi
    n=0
    for input in tests/fuzz/regressions/$name/* tests/fuzz/corpus/$name/*; do
        [ -f "$input" ] || continue
        n=$((n + 1))
        "$bin" "$input" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        if [ "$rc" -ne 0 ] || grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$tmp/err"; then
            echo "not ok - fuzz_$name: $input (exit status $rc)"
            head -n 30 "$tmp/err" | sed 's/^/# /'
        else
            echo "ok - fuzz_$name: $input"
        fi
    done
    [ "$n" -gt 0 ] || echo "not ok - fuzz_$name: no inputs to replay"
done
