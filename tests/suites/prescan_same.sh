#!/usr/bin/env bash
# Same findings with and without the pre-scan (issue 12 item 7): every
# program of several files (fixtures/programs, the
# corpus's), and generated oracle programs of several files (each class,
# the ones with globals set in other files included) are linted as they
# are and with --all-files (every file parsed), and the findings (file,
# line, rule, severity) compared.  A file the pre-scan skips that changes
# what the varscope code reads makes them differ.
set -u
cd "$(dirname "$0")/../.."
SC=${PRESCAN_SCOPECHECK:-./scopecheck}
GEN=build/oracle-gen
for t in "$SC" "$GEN"; do
    [ -x "$t" ] || { echo "not ok - prescan: $t is missing (make tests)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
findings() {   # PATH OPTS...: the findings, one "file:line: severity rule" a line
    local path=$1; shift
    "$SC" --no-cache --format=json -j 1 "$@" "$path" -- -Iinclude 2>/dev/null |
        python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    print("no JSON"); sys.exit(0)
for f in sorted(d.get("findings", []), key=lambda f: (f["file"], f["range"]["start"]["line"], f["rule"], f["severity"])):
    print("%s:%d: %s %s" % (f["file"], f["range"]["start"]["line"], f["severity"], f["rule"]))'
}
same() {   # NAME PATH
    findings "$2" > "$tmp/a"
    findings "$2" --all-files > "$tmp/b"
    if cmp -s "$tmp/a" "$tmp/b"; then
        echo "ok - prescan: same findings with and without it: $1"
    else
        echo "not ok - prescan: same findings with and without it: $1"
        diff "$tmp/a" "$tmp/b" | sed 's/^/# /' | head -20
    fi
}
for p in fixtures/programs/* tests/corpus/adversarial/*/*/; do
    [ -d "$p" ] && ls "$p"/*.c > /dev/null 2>&1 && same "${p%/}" "${p%/}"
done
for c in straight loops unknown state structflag idioms; do
    for s in 1 2 3; do
        d="$tmp/gen-$c-$s"
        "$GEN" "$((7100 + s))" --class "$c" --files 3 "$d" 2> /dev/null ||
            { echo "not ok - prescan: the generator failed ($c, seed $((7100 + s)))"; continue; }
        same "generated $c program (seed $((7100 + s)), 3 files)" "$d"
    done
done
