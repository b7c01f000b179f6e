#!/usr/bin/env bash
# Runs every test suite and prints the summary line CI reads:
#   N passed, M failed
# Each suite prints TAP-style lines ("ok - name" / "not ok - name"); a suite
# that crashes or exits non-zero without reporting a failure counts as one.
set -u
cd "$(dirname "$0")/.."
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CMOCKA_MESSAGE_OUTPUT=TAP

passed=0
failed=0
log=build/test-log.txt
mkdir -p build
: > "$log"

run_suite() {
    local name=$1; shift
    local out rc p f
    out=$("$@" 2>&1)
    rc=$?
    printf '%s\n' "== $name" "$out" >> "$log"
    p=$(grep -cE '^ok ' <<<"$out")
    f=$(grep -cE '^not ok ' <<<"$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc" >> "$log"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -gt 0 ]; then
        echo "FAIL $name: $p passed, $f failed"
        grep -E '^not ok |^# ' <<<"$out" | head -n 40
        [ "$rc" -ne 0 ] && tail -n 30 <<<"$out"
    else
        echo "PASS $name: $p passed"
    fi
}

for t in build/tests/test_*; do
    [ -x "$t" ] && run_suite "$(basename "$t")" "$t"
done
for s in tests/suites/*.sh; do
    [ -f "$s" ] && run_suite "$(basename "$s" .sh)" bash "$s"
done

echo "(details in $log)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
