#!/usr/bin/env bash
# The adversarial corpus (tests/corpus/README.md) in make check: every
# program is compiled and run with the library over its declared inputs,
# linted plain and with --strict, and must not get an error no run hits
# (false-error), a run failure the linter says nothing about (silent-miss),
# or fail to compile, run or lint (crash).  The programs the engine does
# not pass yet are listed, each with the reason, between the
# "known-failures" markers of tests/corpus/README.md: they are left out
# here, and put back when fixed (a listed program that passes is said, so
# that the list shrinks).
set -u
cd "$(dirname "$0")/../.."
readme=tests/corpus/README.md
known=$(sed -n '/<!-- known-failures -->/,/<!-- \/known-failures -->/p' "$readme" |
        sed -n 's/^- `\([^`]*\)`.*/\1/p')
grep -q '<!-- known-failures -->' "$readme" ||
    { echo "not ok - corpus: no known-failures list in $readme"; exit 1; }
progs=() skipped=()
for p in tests/corpus/adversarial/*/*; do
    case $p in
    *.c) ;;
    *) [ -d "$p" ] && ls "$p"/*.c > /dev/null 2>&1 || continue ;;
    esac
    rel=${p#tests/corpus/adversarial/}
    if grep -qxF "$rel" <<< "$known"; then
        skipped+=("$p")
    else
        progs+=("$p")
    fi
done
for k in $known; do
    [ -e "tests/corpus/adversarial/$k" ] ||
        { echo "not ok - corpus: the known failure $k is not in the corpus"; exit 1; }
done
echo "# ${#progs[@]} programs, ${#skipped[@]} known failures left out"
bash tests/corpus/run.sh -j "${JOBS:-2}" "${progs[@]}"
rc=$?
# a known failure that passes now: say so (not a failure: the coordinator
# takes it off the list when merging)
if [ "${CORPUS_RECHECK:-0}" = 1 ]; then
    bash tests/corpus/run.sh -j "${JOBS:-2}" "${skipped[@]}" | grep '^ok - ' |
        sed 's/^ok - /# passes now, take it off the known failures: /'
fi
exit $rc
