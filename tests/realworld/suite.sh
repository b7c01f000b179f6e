#!/usr/bin/env bash
# The real-world corpus as a TAP suite (tests/realworld/README.md): every
# program under tests/realworld/cases/ is compiled against the library,
# run (the runtime must fail where TF failed for the report's author, and
# the fixed twin must run clean) and linted (the linter must find each
# marked failure as an error of the same rule on that line, and raise no
# error that no run hits).  Two lines per program:
#   ok/not ok - runtime cases/NAME.c
#   ok/not ok - lint cases/NAME.c
# then "# " lines with the figures (recall, --strict only, silent, false
# errors; for all programs and for those with the new creators).
#
#   bash tests/realworld/suite.sh            runtime and lint lines
#   bash tests/realworld/suite.sh runtime    runtime lines only (the lint
#                                            figures stay as "# " lines)
#
# Run from anywhere, or through a link in tests/suites/ (tests/run.sh runs
# every tests/suites/*.sh).  Uses the sanitizer builds `make tests` makes.
set -u
cd "$(dirname "$0")/../.."
mode=--require-lint
case "${1:-}" in
    "") ;;
    runtime) mode=--runtime-only ;;
    *) echo "usage: $0 [runtime]" >&2; exit 2 ;;
esac
sc=build/scopecheck-san
lib=build/libvarscope-san.a
for need in "$sc" "$lib"; do
    if [ ! -e "$need" ]; then
        echo "not ok - realworld: $need is missing (make tests)"
        exit 1
    fi
done
if ! command -v python3 > /dev/null; then
    echo "not ok - realworld: python3 is missing"
    exit 1
fi
exec python3 tests/realworld/run.py --scopecheck "$sc" --lib "$lib" $mode
