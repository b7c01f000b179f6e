#!/usr/bin/env bash
# The notebook, reproduced: each fixtures/seed program is compiled against
# the library (under ASan/UBSan), run, and its stdout compared line by line
# with the names the notebook prints (*.expected, copied from the notebook's
# output cells, or derived from docs/tf-semantics.md §5-§6 for In[5]).  A line of
# numbers as numpy prints them ("[array([[...]], dtype=float32), ...]")
# holds random values (no seed in the notebook, and not TF's generator):
# it must have the notebook's form, and its numbers the notebook's ratios
# (In[5]: the second row is twice the first).  Its stderr must hold
# exactly the errors its `// expect:` comments name for the rules that fail
# at run time.
set -u
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
runtime_rules='duplicate-variable|missing-variable|missing-dtype|dtype-mismatch|shape-mismatch|undefined-shape|initializer-mismatch|invalid-name|reuse-without-name|scope-underflow|scope-leak|invalid-argument'
for src in fixtures/seed/*.c; do
    base=${src%.c}; name=$(basename "$base")
    if ! cc -std=c11 -Wall -Wextra -pedantic -Werror -O1 -g -fsanitize=address,undefined \
            -Iinclude "$src" build/libvarscope-san.a -o "$tmp/$name" 2> "$tmp/cc.txt"; then
        echo "not ok - $name compiles"; sed 's/^/# /' "$tmp/cc.txt"; continue
    fi
    "$tmp/$name" > "$tmp/out" 2> "$tmp/err"
    if python3 - "$base.expected" "$tmp/out" > "$tmp/diff" <<'PY'; then
import re, sys
want = open(sys.argv[1]).read().splitlines()
got = open(sys.argv[2]).read().splitlines()
num = re.compile(r"-?\d+\.\d*(?:e[-+]?\d+)?")
def skeleton(line):
    # numpy pads numbers to a common width: spaces next to brackets and
    # before commas are not part of the form
    line = re.sub(r"\s+(?=[,\]])|(?<=\[)\s+", "", num.sub("N", line))
    return re.sub(r"\s+", " ", line)
bad = len(want) != len(got)
for w, g in zip(want, got):
    if not w.startswith("[array("):
        bad |= w != g
        continue
    wn = [float(x) for x in num.findall(w)]
    gn = [float(x) for x in num.findall(g)]
    if skeleton(w) != skeleton(g) or len(wn) != len(gn) or len(wn) % 2:
        bad = True
        continue
    half = len(wn) // 2   # the notebook's ratio of the second array to the first
    for k in range(half):
        bad |= gn[k] == 0 or abs(gn[k + half] * wn[k] - wn[k + half] * gn[k]) > 1e-6 * abs(wn[k + half] * gn[k])
if bad:
    print("want:", *want, "got:", *got, sep="\n")
sys.exit(1 if bad else 0)
PY
        echo "ok - $name prints the notebook's names"
    else
        echo "not ok - $name prints the notebook's names"; sed 's/^/# /' "$tmp/diff"
    fi
    # expected runtime errors: "file:line: [code]" from the expect comments
    grep -nE "// expect: ($runtime_rules)" "$src" |
        sed -E "s|^([0-9]+):.*// expect: ([a-z-]+).*|$src:\1: [\2]|" | sort > "$tmp/want"
    sed -nE 's/^([^:]+:[0-9]+): error: .*\[([a-z-]+)\]$/\1: [\2]/p' "$tmp/err" | sort > "$tmp/got"
    if diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
        echo "ok - $name fails exactly where the notebook says"
    else
        echo "not ok - $name fails exactly where the notebook says"; sed 's/^/# /' "$tmp/diff"
    fi
done
