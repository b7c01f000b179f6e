#!/usr/bin/env bash
# Golden comparison: lint every program the suites know, plain and with
# --strict, in JSON, with one scopecheck binary, so that the findings of
# two builds of the engine can be compared exactly.
#
#   scripts/golden.sh lint SCOPECHECK OUTDIR
#       Lints each program (fixtures, regressions, the adversarial corpus,
#       the real-world cases, examples, and the oracle's CI seeds 1-300
#       with every class written by build/oracle-gen) and writes
#       OUTDIR/<program>.plain.json and .strict.json: the findings only
#       with their notes, sorted, one per line.
#   scripts/golden.sh diff OLDDIR NEWDIR
#       Prints the programs whose findings differ, with the differences;
#       the last line says how many programs were compared and differ.
#
# Environment: GOLDEN_JOBS (default: the number of cores).
set -u
cd "$(dirname "$0")/.."

programs() {
    local p
    for p in fixtures/seed/*.c fixtures/rules/*/*.c fixtures/programs/* \
             tests/regressions/*/ tests/realworld/cases/*.c examples/*.c; do
        [ -e "$p" ] && echo "${p%/}"
    done
    for p in tests/corpus/adversarial/*/*; do
        case $p in
        *.c) echo "$p" ;;
        *) [ -d "$p" ] && ls "$p"/*.c > /dev/null 2>&1 && echo "$p" ;;
        esac
    done
    ls -d build/golden-oracle/s* 2>/dev/null
}

oracle_programs() {
    local classes=(straight loops unknown) s c
    [ -x build/oracle-gen ] || { echo "golden: build/oracle-gen is missing (make tests)" >&2; exit 2; }
    rm -rf build/golden-oracle
    mkdir -p build/golden-oracle
    for ((s = 1; s <= 300; s++)); do
        build/oracle-gen "$s" "build/golden-oracle/s$s-${classes[s % 3]}" || exit 2
    done
    for c in bufwrite state fnptr recursion structflag longloop idioms graphread; do
        for ((s = 1; s <= 30; s++)); do
            build/oracle-gen "$s" --class "$c" "build/golden-oracle/s$s-$c" 2>/dev/null || true
        done
    done
}

# one program, one mode: its findings, one line each, sorted
lint_one() {
    local sc=$1 out=$2 p=$3 mode=$4 flags= name
    [ "$mode" = strict ] && flags=--strict
    name=$(echo "$p" | tr '/' '_')
    "$sc" --format=json --no-cache -j 1 $flags "$p" -- -Iinclude 2>/dev/null |
        python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    print("NOT JSON"); sys.exit()
for f in d.get("findings", []):
    print(json.dumps(f, sort_keys=True))
print("errors: %d" % len(d.get("errors", [])))' | sort > "$out/$name.$mode.txt"
}

case ${1:-} in
lint)
    sc=$2 out=$3
    oracle_programs
    mkdir -p "$out"
    export -f lint_one
    programs | while read -r p; do
        echo "$p plain"; echo "$p strict"
    done | xargs -P "${GOLDEN_JOBS:-$(nproc)}" -L 1 bash -c 'lint_one "$0" "$1" "$2" "$3"' "$sc" "$out"
    echo "golden: $(programs | wc -l) programs linted into $out"
    ;;
diff)
    old=$2 new=$3 n=0 d=0
    for f in "$old"/*.txt; do
        n=$((n + 1))
        g=$new/$(basename "$f")
        if ! cmp -s "$f" "$g"; then
            d=$((d + 1))
            echo "== $(basename "$f")"
            diff "$f" "$g" | sed 's/^/   /'
        fi
    done
    echo "golden: $n lints compared, $d differ"
    ;;
*)
    sed -n '2,/^set -u/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
