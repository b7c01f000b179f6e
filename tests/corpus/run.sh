#!/usr/bin/env bash
# The adversarial corpus: small C programs aimed at the engine's edges
# (issue 12), each compiled and run with the library over the inputs it
# declares, linted plain and with --strict, and classified by
# `fixturetest corpus` (tests/tools/fixturetest.c says how):
#   agree        every run failure is a plain error, no error no run hits
#   false-error  the linter errs where no run fails
#   silent-miss  a run fails and the linter says nothing, not even --strict
#   strict-only  every failure found, some only by --strict
#   crash        does not compile, crashes, cannot be linted, or its
#                `// expect:` marks differ from where the runs fail
#
#   tests/corpus/run.sh [options] [PATH...]
#       PATHs are programs (a .c file, or a folder linted as one program)
#       or class folders; default: every program under
#       tests/corpus/adversarial/<class>/.  Prints TAP lines (ok: agree
#       or strict-only), then a table per class and the summary line
#           # corpus: N programs, agree A, false error F, silent miss M,
#             strict-only S, crash C
#       Exits 1 if a program is not ok.
#
#   Options:
#       -j N              parallel jobs (default: the number of cores)
#       --scopecheck BIN  the linter (default build/scopecheck-san)
#       --lib LIB         the library (default build/libvarscope-san.a)
#       --flags "OPTS"    more options for both lints (e.g. --all-files)
#       --summary FILE    keep fixturetest's summary lines (TSV) in FILE
#       --mark            for writing programs: append `// expect: RULE`
#                         to each line where a run fails and no mark says
#                         so (from the run, never from the linter), then
#                         classify
set -u
cd "$(dirname "$0")/../.."

SC=build/scopecheck-san
LIB=build/libvarscope-san.a
FT=build/fixturetest
jobs=$(nproc 2>/dev/null || echo 2)
keep= mark=
while [ $# -gt 0 ]; do
    case $1 in
    -j) jobs=$2; shift 2 ;;
    --scopecheck) SC=$2; shift 2 ;;
    --lib) LIB=$2; shift 2 ;;
    --summary) keep=$2; shift 2 ;;
    --flags) export CORPUS_LINT_FLAGS=$2; shift 2 ;;
    --mark) mark=1; shift ;;
    -h | --help) sed -n '2,/^set -u/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
    esac
done
for t in "$FT" "$SC" "$LIB"; do
    [ -e "$t" ] || { echo "not ok - corpus: $t is missing (make tests)"; exit 1; }
done

# ---- the programs ---------------------------------------------------------------
progs=()
add_class() {   # a class folder: its .c files and its folders
    local p
    for p in "$1"/*; do
        case $p in
        *.c) progs+=("$p") ;;
        *) [ -d "$p" ] && ls "$p"/*.c > /dev/null 2>&1 && progs+=("$p") ;;
        esac
    done
}
[ $# -eq 0 ] && set -- tests/corpus/adversarial/*/
for a in "$@"; do
    a=${a%/}
    if [ -d "$a" ] && ! ls "$a"/*.c > /dev/null 2>&1; then
        add_class "$a"
    elif [ -d "$a" ] && [ "$(dirname "$a")" = tests/corpus/adversarial ]; then
        add_class "$a"
    else
        progs+=("$a")
    fi
done
n=${#progs[@]}
[ "$n" -gt 0 ] || { echo "not ok - corpus: no programs"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ---- marks from the runs (--mark) -----------------------------------------------
if [ -n "$mark" ]; then
    "$FT" corpus --summary "$work/marks.tsv" "$SC" "$LIB" "${progs[@]}" > /dev/null 2>&1
    # marks:RULE@FILE:LINE where a run fails and no mark says so
    cut -f10 "$work/marks.tsv" | tr ';' '\n' | sed -n 's/^marks:\(.*\)@\(.*\):\([0-9]*\)$/\2\t\3\t\1/p' |
        sort -u | while IFS=$'\t' read -r file line rule; do
            [ -f "$file" ] || continue
            if sed -n "${line}p" "$file" | grep -q '// expect: '; then
                sed -i "${line}s|// expect: \(.*\)\$|// expect: \1, $rule|" "$file"
            else
                sed -i "${line}s|\$| // expect: $rule|" "$file"
            fi
            echo "# marked $file:$line: $rule"
        done
fi

# ---- classify, in jobs contiguous blocks ------------------------------------------
[ "$jobs" -lt 1 ] && jobs=1
per=$(( (n + jobs - 1) / jobs ))
pids=()
for ((j = 0; j < jobs; j++)); do
    block=("${progs[@]:$((j * per)):$per}")
    [ ${#block[@]} -eq 0 ] && continue
    : > "$work/summary.$j"
    "$FT" corpus --summary "$work/summary.$j" "$SC" "$LIB" "${block[@]}" \
        > "$work/out.$j" 2>&1 &
    pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
for ((j = 0; j < jobs; j++)); do
    [ -f "$work/out.$j" ] && grep -vE '^# agree: ' "$work/out.$j"
done
cat "$work"/summary.* > "$work/summary.tsv" 2>/dev/null
[ -n "$keep" ] && cp "$work/summary.tsv" "$keep"

# ---- figures ------------------------------------------------------------------
awk -F'\t' '
    { n = split($1, p, "/"); cls = "-"
      for (i = 1; i < n; i++) if (p[i] == "adversarial") cls = p[i + 1]
      if (!(cls in seen)) { seen[cls] = 1; order[++k] = cls }
      c[cls]++; v[cls, $2]++; tot[$2]++; all++
      if ($4 > 0) failing[cls]++
      fl[cls] += $4; fp[cls] += $5; fs[cls] += $6; fm[cls] += $7; ff[cls] += $8; fn[cls] += $9
      tfl += $4; tfp += $5; tfs += $6; tfm += $7; tff += $8; tfn += $9 }
    END {
      printf "# %-16s %5s %5s | %5s %5s %5s %5s %5s | %6s %5s %5s %5s %5s %5s\n", "class", "progs", "fail",
             "agree", "false", "miss", "strct", "crash", "fails", "found", "strct", "miss", "false", "noise"
      for (i = 1; i <= k; i++) { x = order[i]
        printf "# %-16s %5d %5d | %5d %5d %5d %5d %5d | %6d %5d %5d %5d %5d %5d\n", x, c[x], failing[x],
               v[x, "agree"], v[x, "false-error"], v[x, "silent-miss"], v[x, "strict-only"], v[x, "crash"],
               fl[x], fp[x], fs[x], fm[x], ff[x], fn[x] }
      printf "# (programs: how many, how many fail on some run; verdicts; lines: run failures, found as\n"
      printf "#  plain errors, found only by --strict, missed, false errors, --strict warnings where no run fails)\n"
      printf "# failure lines: %d, found %d, strict-only %d, missed %d; false errors %d; strict noise %d\n",
             tfl, tfp, tfs, tfm, tff, tfn
      printf "# corpus: %d programs, agree %d, false error %d, silent miss %d, strict-only %d, crash %d\n",
             all, tot["agree"], tot["false-error"], tot["silent-miss"], tot["strict-only"], tot["crash"]
    }' "$work/summary.tsv"
bad=$(awk -F'\t' '$2 == "crash" || $2 == "false-error" || $2 == "silent-miss"' "$work/summary.tsv" | wc -l)
[ "$bad" -eq 0 ]
