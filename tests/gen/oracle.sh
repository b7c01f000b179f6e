#!/usr/bin/env bash
# The random differential oracle: generated programs, run and linted.
#
#   tests/gen/oracle.sh [options] FIRST COUNT
#       Generates the programs of seeds FIRST .. FIRST+COUNT-1 (class
#       seed % 3: straight, loops, unknown; files drawn from the seed) with
#       build/oracle-gen, and compares each with build/fixturetest diff:
#       compiled against the library and run (every combination of the
#       inputs a class-unknown program declares), linted, compared.
#       Prints fixturetest's TAP lines, then
#           # agree: N, disagree: M, false errors: K, missed-error rate: X%
#       (false errors: linter errors that no run hits, all classes;
#       missed-error rate: runtime errors of class-unknown programs that the
#       linter does not report, over all their runtime errors; programs of
#       classes straight and loops must agree exactly).  Exits 1 if any
#       program disagrees.
#
#   Options:
#       -j N              parallel jobs (default: the number of cores)
#       --dir DIR         where the programs are written (default
#                         build/oracle/FIRST-COUNT; emptied first)
#       --save DIR        minimise every disagreeing program (tests/gen/
#                         reduce.c, while the disagreement persists) and
#                         save it as DIR/s<SEED>-<CLASS>-<KIND>-<RULE>/ with
#                         a README saying the seed and the disagreement
#       --max-per-signature K
#                         save at most K programs per signature (class,
#                         kind and rule of the disagreement, e.g. unknown,
#                         false, invalid-argument), counting those already
#                         in DIR that still disagree (a fixed signature
#                         gets new ones); the others are listed, not saved
#                         (default 3; 0 = no limit)
#       --class C         only the seeds of class C (straight, loops or
#                         unknown); repeatable.  C may also be one of the
#                         classes drawn only on request (bufwrite, state,
#                         fnptr, recursion, structflag, longloop, idioms,
#                         graphread, creators, templates: see tests/gen/gen.c): then every seed
#                         of the range is generated in that class
#       --scopecheck BIN  the linter (default build/scopecheck-san)
#       --lib LIB         the library (default build/libvarscope-san.a)
#
#   tests/gen/oracle.sh --interesting DIR SIGNATURE
#       The reducer's test: DIR compiles warning-free (unused-variable
#       warnings aside) and fixturetest still reports a disagreement of
#       SIGNATURE (KIND:RULE, e.g. false:invalid-argument).
set -u
cd "$(dirname "$0")/../.."

SC=${ORACLE_SCOPECHECK:-build/scopecheck-san}
LIB=${ORACLE_LIB:-build/libvarscope-san.a}
GEN=build/oracle-gen
REDUCE=build/oracle-reduce
FT=build/fixturetest
CLASSES=(straight loops unknown)
EXTRA_CLASSES=" bufwrite state fnptr recursion structflag longloop idioms graphread creators templates "

# A candidate program is valid when each file compiles warning-free (but
# for unused variables, parameters and labels, which removals leave) and
# every helper is still called: a function nobody calls is an entry point
# of its own for the linter, and the runtime never runs it.
compiles() {
    local f h
    for f in "$1"/*.c; do
        cc -std=c11 -Wall -Wextra -pedantic -Werror -Wno-unused-variable \
           -Wno-unused-but-set-variable -Wno-unused-label \
           -Wno-unused-parameter -c -Iinclude "$f" -o /dev/null 2>/dev/null ||
            return 1
    done
    for h in $(sed -nE 's/^(static )?void (helper[0-9]+)\(vs_graph.*[^;]$/\2/p' "$1"/*.c); do
        grep -q "$h(g," "$1"/*.c || return 1
    done
}

if [ "${1:-}" = "--interesting" ]; then
    dir=$2 sig=$3
    compiles "$dir" || exit 1
    sum=$(mktemp)
    "$FT" diff --summary "$sum" "$SC" "$LIB" "$dir" > /dev/null 2>&1
    line=$(head -n 1 "$sum"); rm -f "$sum"
    [ "$(cut -f2 <<<"$line")" = disagree ] || exit 1
    diffs=$(cut -f9 <<<"$line" | tr ';' '\n')
    # a candidate that no longer links, crashes or cannot be linted shows
    # nothing about the linter-runtime disagreement it was kept for
    case $sig in
    compile:* | crash:* | lint:*) ;;
    *) grep -qE '^(compile|crash|lint):' <<<"$diffs" && exit 1 ;;
    esac
    grep -q "^$sig@" <<<"$diffs" && exit 0
    exit 1
fi

jobs=$(nproc 2>/dev/null || echo 2)
dir= save= maxsig=3 only=
while [ $# -gt 2 ]; do
    case $1 in
    --class) only="$only $2 "; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --save) save=$2; shift 2 ;;
    --max-per-signature) maxsig=$2; shift 2 ;;
    --scopecheck) SC=$2; shift 2 ;;
    --lib) LIB=$2; shift 2 ;;
    *) break ;;
    esac
done
if [ $# -ne 2 ]; then
    sed -n '2,/^set -u/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
first=$1 count=$2
export ORACLE_SCOPECHECK=$SC ORACLE_LIB=$LIB
for t in "$GEN" "$FT" "$SC" "$LIB"; do
    [ -e "$t" ] || { echo "not ok - oracle: $t is missing (make tests)"; exit 1; }
done
dir=${dir:-build/oracle/$first-$count}
rm -rf "$dir"; mkdir -p "$dir"

# ---- generate -----------------------------------------------------------------
progs=()
for ((s = first; s < first + count; s++)); do
    if [ -z "$only" ] || [[ $only == *" ${CLASSES[s % 3]} "* ]]; then
        p=$dir/s$s-${CLASSES[s % 3]}
        if ! "$GEN" "$s" "$p" 2> "$dir/gen.err"; then
            echo "not ok - oracle: gen $s failed: $(head -c 300 "$dir/gen.err")"
            exit 1
        fi
        progs+=("$p")
    fi
    for c in $only; do
        [[ $EXTRA_CLASSES == *" $c "* ]] || continue
        p=$dir/s$s-$c
        if ! "$GEN" "$s" --class "$c" "$p" 2> "$dir/gen.err"; then
            echo "not ok - oracle: gen $s --class $c failed: $(head -c 300 "$dir/gen.err")"
            exit 1
        fi
        progs+=("$p")
    done
done

# ---- compare, in jobs contiguous blocks ---------------------------------------------
n=${#progs[@]}
[ "$jobs" -lt 1 ] && jobs=1
per=$(( (n + jobs - 1) / jobs ))
pids=()
for ((j = 0; j < jobs; j++)); do
    block=("${progs[@]:$((j * per)):$per}")
    [ ${#block[@]} -eq 0 ] && continue
    : > "$dir/summary.$j"
    "$FT" diff --summary "$dir/summary.$j" "$SC" "$LIB" "${block[@]}" \
        > "$dir/out.$j" 2>&1 &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for ((j = 0; j < jobs; j++)); do
    [ -f "$dir/out.$j" ] && grep -vE '^# (agree|programs with inputs):' "$dir/out.$j"
done
cat "$dir"/summary.* > "$dir/summary.tsv" 2>/dev/null

# ---- figures ------------------------------------------------------------------
awk -F'\t' '
    { n[$3]++; if ($2 == "agree") agree++; else disagree++; fals += $8
      split($1, parts, "-"); cls = parts[length(parts)]
      c[cls]++; if ($2 != "agree") cd[cls]++; cf[cls] += $8
      crt[cls] += $5; cmiss[cls] += $7
      if ($3 == "union") { urt += $5; umiss += $7 } }
    END {
      rate = urt ? 100.0 * umiss / urt : 0
      printf "# per class: "
      sep = ""
      norder = split("straight loops unknown bufwrite state fnptr recursion structflag longloop idioms graphread creators templates", order, " ")
      for (i = 1; i <= norder; i++) { k = order[i]; if (c[k]) {
          printf "%s%s %d programs, %d disagree, %d false errors", sep, k, c[k], cd[k] + 0, cf[k] + 0; sep = "; " } }
      printf "\n"
      for (i = 4; i <= norder; i++) { k = order[i]; if (c[k])
          printf "# class %s: %d programs, %d disagree, %d false errors, %d of %d runtime errors missed (%.1f%%)\n",
                 k, c[k], cd[k] + 0, cf[k] + 0, cmiss[k], crt[k], crt[k] ? 100.0 * cmiss[k] / crt[k] : 0 }
      printf "# class unknown: %d of %d runtime errors missed by the linter\n", umiss, urt
      printf "# agree: %d, disagree: %d, false errors: %d, missed-error rate: %.1f%%\n",
             agree, disagree, fals, rate
    }' "$dir/summary.tsv"

ndis=$(awk -F'\t' '$2 != "agree"' "$dir/summary.tsv" | wc -l)

# ---- minimise and save the disagreements ---------------------------------------------
if [ -n "$save" ] && [ "$ndis" -gt 0 ]; then
    [ -x "$REDUCE" ] || { echo "# $REDUCE is missing (make tests)"; exit 1; }
    mkdir -p "$save"
    # the disagreement a program is minimised for: a crash of the program
    # or of the linter, else its first false error, else its first missed
    # error
    signature() {
        cut -f9 <<<"$1" | tr ';' '\n' | sed 's/@.*//' |
            awk '/^false:/{f=f?f:$0} /^(crash|lint):/{c=c?c:$0} /^missed:/{m=m?m:$0}
                 /^compile:/{o=o?o:$0}
                 END {print c ? c : f ? f : m ? m : o}'
    }
    minimise() {   # PROGRAM-DIR SUMMARY-LINE NAME SIGNATURE
        local prog=$1 line=$2 name=$3 sig=$4 base seed cls kind rule work dest
        base=$(basename "$prog"); seed=${base%%-*}; seed=${seed#s}; cls=${base#*-}
        kind=${sig%%:*}; rule=${sig#*:}
        work=$dir/min/$name
        rm -rf "$work"; mkdir -p "$work"; cp "$prog"/*.c "$work"/
        "$REDUCE" "$work" "bash tests/gen/oracle.sh --interesting '$work' '$sig'" \
            2> "$work.log" || true
        dest=$save/$name
        rm -rf "$dest"; mkdir -p "$dest"; cp "$work"/*.c "$dest"/
        local what
        case $kind in
        false) what="linter error the runtime does not hit" ;;
        missed) what="runtime error the linter missed" ;;
        crash) what="the program crashed" ;;
        *) what="$kind failure" ;;
        esac
        : > "$work.sum"
        "$FT" diff --summary "$work.sum" "$SC" "$LIB" "$dest" > "$work.diff" 2>&1
        {
            echo "seed $seed (class $cls): $what: $rule -- minimised from \`build/oracle-gen $seed DIR\` by tests/gen/reduce.c"
            echo
            echo "fixturetest diff says:"
            grep '^# ' "$work.diff" | grep -vE '^# (agree|programs with inputs):' | sed 's/^# /    /'
            echo
            echo "the runtime's errors ($(cut -f4 "$work.sum") runs):"
            cut -f10 "$work.sum" | tr ';' '\n' | sed 's/^/    /'
            echo "scopecheck's errors:"
            cut -f11 "$work.sum" | tr ';' '\n' | sed 's/^/    /'
            echo
            echo "scopecheck says:"
            "$SC" --no-cache -j 1 "$dest" -- -Iinclude 2>&1 | grep -E ': (error|warning|note): ' | sed 's/^/    /'
        } > "$dest/README"
        echo "# saved $dest ($(tail -n 1 "$work.log"))"
    }
    # the saved regressions that still disagree, per signature
    declare -A per_sig
    old=()
    for d in "$save"/s*/; do [ -d "$d" ] && old+=("${d%/}"); done
    if [ ${#old[@]} -gt 0 ] && [ "$maxsig" -gt 0 ]; then
        : > "$dir/saved.tsv"
        "$FT" diff --summary "$dir/saved.tsv" "$SC" "$LIB" "${old[@]}" > /dev/null 2>&1
        while read -r key; do
            per_sig[$key]=$(( ${per_sig[$key]:-0} + 1 ))
        done < <(awk -F'\t' '$2 != "agree" { n = split($1, p, "/"); k = p[n]
                                             sub(/^s[0-9]+-/, "", k); print k }' "$dir/saved.tsv")
    fi
    running=0
    while IFS= read -r line; do
        prog=$(cut -f1 <<<"$line"); base=$(basename "$prog")
        seed=${base%%-*}; cls=${base#*-}
        sig=$(signature "$line"); kind=${sig%%:*}; rule=${sig#*:}
        key=$cls-$kind-$rule; [ "$rule" = "-" ] && key=$cls-$kind
        per_sig[$key]=${per_sig[$key]:-0}
        if [ -d "$save/$seed-$key" ]; then
            echo "# not saved: $base ($save/$seed-$key exists)"
            continue
        fi
        if [ "$maxsig" -gt 0 ] && [ "${per_sig[$key]}" -ge "$maxsig" ]; then
            echo "# not saved: $base ($key: $maxsig saved that still disagree)"
            continue
        fi
        per_sig[$key]=$((per_sig[$key] + 1))
        minimise "$prog" "$line" "$seed-$key" "$sig" &
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
    done < <(awk -F'\t' '$2 != "agree"' "$dir/summary.tsv")
    wait
fi
[ "$ndis" -eq 0 ]
