#!/usr/bin/env bash
# Whole trees: the output is the same whatever -j is, with a cold cache, a
# warm one and none, through --emit-summary + --link, and with the
# pre-scan (default) or without it (--all-files: soundness); changing one
# file re-extracts only that file; a corrupt cache entry is rebuilt.
set -u
cd "$(dirname "$0")/../.."
sc="$PWD/build/scopecheck-san"
inc="$PWD/include"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# the tree: every fixture program plus files that never touch varscope
mkdir -p "$tmp/tree"
cp -r fixtures/programs "$tmp/tree/"
cp -r fixtures/seed "$tmp/tree/"
mkdir -p "$tmp/tree/plain"
for i in $(seq 1 20); do
    printf '#include <string.h>\nint plain_%d(const char *s) { return (int)strlen(s) + %d; }\n' "$i" "$i" > "$tmp/tree/plain/p$i.c"
done
cd "$tmp/tree"
# a project: its cache is kept at its root (.scopecheck-cache beside .git)
git init -q .

lint() { # lint ARGS... -> stdout in $tmp/out.N (JSON), stats in $tmp/err
    SCOPECHECK_STATS=1 "$sc" --format=json "$@" . -- -I"$inc" -Iprograms/macro_wrapper 2> "$tmp/err"
}
same() { # same NAME FILE1 FILE2
    if cmp -s "$2" "$3"; then ok "$1"; else notok "$1" "$(diff "$2" "$3" | head -20)"; fi
}

lint --no-cache -j 1 > "$tmp/j1"; s1=$?
lint --no-cache -j 4 > "$tmp/j4"
[ "$s1" -eq 1 ] && grep -q '"duplicate-variable"' "$tmp/j1" && ok "the tree has findings (exit 1)" ||
    notok "the tree has findings (exit 1)" "status $s1"
same "-j 4 prints the same as -j 1" "$tmp/j1" "$tmp/j4"
grep -q "files, 1[0-9] mapped" "$tmp/err" && ok "the pre-scan skips the files that cannot reach varscope" ||
    notok "the pre-scan skips the files that cannot reach varscope" "$(cat "$tmp/err")"
lint --no-cache --all-files > "$tmp/all"
grep -q "files, 3[0-9] mapped" "$tmp/err" && ok "--all-files parses everything" || notok "--all-files parses everything" "$(cat "$tmp/err")"
same "the pre-scan loses nothing: same findings as --all-files" "$tmp/j1" "$tmp/all"

rm -rf .scopecheck-cache
lint > "$tmp/cold"
grep -q "cache 0 hits" "$tmp/err" && ok "cold cache: every file extracted" || notok "cold cache: every file extracted" "$(cat "$tmp/err")"
lint > "$tmp/warm"
grep -qE "cache [0-9]+ hits, 0 misses" "$tmp/err" && ok "warm cache: nothing extracted" || notok "warm cache: nothing extracted" "$(cat "$tmp/err")"
same "cold cache prints the same as no cache" "$tmp/j1" "$tmp/cold"
same "warm cache prints the same as no cache" "$tmp/j1" "$tmp/warm"

echo "/* changed */" >> programs/towers/train.c
lint > "$tmp/changed"
grep -qE "cache [0-9]+ hits, 1 misses" "$tmp/err" && ok "one file changed: only it is extracted again" ||
    notok "one file changed: only it is extracted again" "$(cat "$tmp/err")"
echo "/* changed */" >> programs/macro_wrapper/layers.h
lint > "$tmp/hdr"
grep -qE "cache [0-9]+ hits, 2 misses" "$tmp/err" && ok "a header changed: the two files that include it are extracted again" ||
    notok "a header changed: the files that include it are extracted again" "$(cat "$tmp/err")"

for f in .scopecheck-cache/*.scc; do printf 'garbage' | dd of="$f" bs=1 seek=40 conv=notrunc 2>/dev/null; done
lint > "$tmp/corrupt"
grep -qE "cache 0 hits" "$tmp/err" && ok "corrupt entries are not trusted" || notok "corrupt entries are not trusted" "$(cat "$tmp/err")"
same "corrupt entries: the same findings" "$tmp/changed" "$tmp/corrupt"
lint > /dev/null
grep -qE "cache [0-9]+ hits, 0 misses" "$tmp/err" && ok "corrupt entries were rebuilt" || notok "corrupt entries were rebuilt" "$(cat "$tmp/err")"

# map step alone, then link step alone
rm -rf "$tmp/sum"
"$sc" --emit-summary="$tmp/sum" . -- -I"$inc" -Iprograms/macro_wrapper 2> "$tmp/err"; st=$?
n=$(ls "$tmp/sum" | wc -l)
[ "$st" -eq 0 ] && [ "$n" -ge 30 ] && ok "--emit-summary writes a summary per file ($n)" || notok "--emit-summary writes a summary per file" "status $st, $n files" "$(cat "$tmp/err")"
"$sc" --format=json --link="$tmp/sum" > "$tmp/linked" 2> "$tmp/err"; st=$?
# --link names summaries, not sources: compare the findings without paths' order
python3 - "$tmp/corrupt" "$tmp/linked" <<'PY' && ok "--link finds what a direct run finds" || notok "--link finds what a direct run finds"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda f: (f["file"], f["range"]["start"]["line"], f["rule"])
sys.exit(0 if sorted(map(key, a["findings"])) == sorted(map(key, b["findings"])) else 1)
PY
# the summaries of one program spread over several directories (a build
# system's map step per target), linked together
rm -rf "$tmp/sumA" "$tmp/sumB"; mkdir -p "$tmp/sumA" "$tmp/sumB"
i=0
for f in "$tmp"/sum/*.scir; do
    if [ $((i % 2)) -eq 0 ]; then cp "$f" "$tmp/sumA/"; else cp "$f" "$tmp/sumB/"; fi
    i=$((i + 1))
done
"$sc" --format=json --link="$tmp/sumA" --link="$tmp/sumB" > "$tmp/linked2" 2> "$tmp/err"; st=$?
python3 - "$tmp/linked" "$tmp/linked2" <<'PY' && [ "$st" -eq 1 ] && ok "--link DIR --link DIR: one program from two directories" || notok "--link DIR --link DIR: one program from two directories" "status $st" "$(cat "$tmp/err")"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda f: (f["file"], f["range"]["start"]["line"], f["rule"], f["message"])
sys.exit(0 if a["findings"] and sorted(map(key, a["findings"])) == sorted(map(key, b["findings"])) else 1)
PY
echo junk > "$tmp/sum/bad.scir"
"$sc" --link="$tmp/sum" > /dev/null 2> "$tmp/err"; st=$?
[ "$st" -eq 2 ] && grep -q "bad.scir: not a scopecheck" "$tmp/err" && ok "--link rejects a damaged summary (exit 2)" ||
    notok "--link rejects a damaged summary" "status $st" "$(cat "$tmp/err")"

# A chain of files that never name the library: main.c calls mid() in
# mid.c, which calls tower() in tower.c, the only file that names it.  The
# pre-scan finds mid.c in its second pass (it names tower) and main.c in
# its third (it names mid), so the finding carries the whole call chain;
# 30 plain files and a file that names `tower` only in a comment and a
# string stay unparsed.
mkdir -p "$tmp/chain" && cd "$tmp/chain"
cat > tower.c <<'C'
#include <varscope.h>
void tower(int reuse)
{
    vs_graph *g = vs_graph_new();
    if (reuse) {
        VS_VARIABLE_SCOPE(g, "t", .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
}
C
printf 'void tower(int reuse);\nvoid mid(void) { tower(1); }\n' > mid.c
printf 'void mid(void);\nint main(void) { mid(); return 0; }\n' > main.c
printf '/* tower */\nconst char *name_of(void) { return "mid tower"; }\n' > other.c
for i in $(seq 1 30); do
    printf '#include <string.h>\nint plain_%d(const char *s) { return (int)strlen(s) + %d; }\n' "$i" "$i" > "p$i.c"
done
for j in 1 2 4; do
    SCOPECHECK_STATS=1 "$sc" --no-cache -j $j . -- -I"$inc" > "$tmp/chain.$j" 2> "$tmp/err"; st=$?
    if [ "$st" -eq 1 ] && grep -q "34 files, 3 mapped" "$tmp/err" &&
       grep -q "^./mid.c:2:18: note: in 'tower', called from here" "$tmp/chain.$j" &&
       grep -q "^./main.c:2:18: note: in 'mid', called from here" "$tmp/chain.$j"; then
        ok "-j $j: the pre-scan follows names across files to main (3 of 34 files parsed)"
    else
        notok "-j $j: the pre-scan follows names across files to main" "status $st" "$(cat "$tmp/err" "$tmp/chain.$j")"
    fi
done

# the pre-scan parses the file that defines a helper the varscope code
# calls (it can change what that code reads), not every file that
# includes the header declaring it (a prototype changes nothing): 22
# files, of which main.c (the library) and util.c (util_width's body)
rm -rf "$tmp/proto" && mkdir -p "$tmp/proto" && cd "$tmp/proto"
printf '#ifndef UTIL_H\n#define UTIL_H\nint util_width(int base);\n#endif\n' > util.h
printf '#include "util.h"\nint util_width(int base) { return base * 2; }\n' > util.c
printf '#include "varscope.h"\n#include "util.h"\nint main(void) {\n    vs_graph *g = vs_graph_new();\n    vs_get_variable(g, "w", .shape = VS_SHAPE(util_width(2)));\n    vs_get_variable(g, "w", .shape = VS_SHAPE(util_width(2)));\n    vs_graph_free(g);\n    return 0;\n}\n' > main.c
for i in $(seq 1 20); do
    printf '#include "util.h"\nint plain_%d(int x) { return util_width(x) + %d; }\n' "$i" "$i" > "p$i.c"
done
SCOPECHECK_STATS=1 "$sc" --no-cache -j 2 . -- -I"$inc" > "$tmp/proto.out" 2> "$tmp/err"; st=$?
if [ "$st" -eq 1 ] && grep -q "22 files, 2 mapped" "$tmp/err" &&
   grep -q "^./main.c:6:5: error: .*\[duplicate-variable\]" "$tmp/proto.out"; then
    ok "the pre-scan parses a helper's definition, not the files that include its prototype (2 of 22 files)"
else
    notok "the pre-scan parses a helper's definition, not the files that include its prototype" "status $st" "$(cat "$tmp/err" "$tmp/proto.out")"
fi
