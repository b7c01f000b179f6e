#!/usr/bin/env bash
# What users bring from clang-tidy, clangd and ruff, and where scopecheck
# keeps its state: rule selection (globs, all, the scopecheck- prefix, the
# last word wins), --color and NO_COLOR, --stdin-filename, --diff (checked
# against GNU diff and patch), the file-level suppression, an unknown rule
# in a suppression as a warning, "inherit" in configurations,
# compile-database warnings and clangd's guess for an unlisted file, the
# hint about "--", fix-its in the file's indentation (the rule's page shows
# the layout); the cache at the project's root, baselines relative to
# their file, --link without the summaries of gone or unlisted sources, and
# the whole program linked whatever files are named.
#
# Where a finding is expected, the program is one whose run fails as TF
# 1.15 fails (variable_scope.py, _VariableStore._get_single_variable:
# "Variable tower/w already exists, disallowed."), and the differential
# check at the end runs it against the library.
set -u
cd "$(dirname "$0")/../.."
root=$PWD
sc=$root/build/scopecheck-san
inc=-I$root/include
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }
run() { "$sc" "$@" > "$tmp/out" 2> "$tmp/err"; rc=$?; }
clean() { ! grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$tmp/err"; }
expect() { # expect NAME STATUS [STDERR_REGEX]: about the last run
    if [ "$rc" -ne "$2" ]; then
        notok "$1" "exit status $rc, expected $2" "$(head -c 800 "$tmp/err")" "$(head -c 400 "$tmp/out")"
    elif [ -n "${3:-}" ] && ! grep -qE -- "$3" "$tmp/err"; then
        notok "$1" "stderr lacks /$3/" "$(head -c 800 "$tmp/err")"
    elif ! clean; then
        notok "$1" "sanitizer report" "$(head -c 800 "$tmp/err")"
    else
        ok "$1"
    fi
}
has() { grep -qE -- "$2" "$tmp/out" && ok "$1" || notok "$1" "stdout lacks /$2/" "$(head -c 800 "$tmp/out")"; }
lacks() { grep -qE -- "$2" "$tmp/out" && notok "$1" "stdout has /$2/" "$(grep -E -- "$2" "$tmp/out" | head -3)" || ok "$1"; }

# ---- a project: tower.c's helper, called twice by main.c ----------------------
p=$tmp/proj
mkdir -p "$p/src" "$p/sub/deep"
cat > "$p/src/tower.c" <<'C'
#include "varscope.h"

void build_tower(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}
C
cat > "$p/src/main.c" <<'C'
#include "varscope.h"

void build_tower(vs_graph *g);

int main(void)
{
    vs_graph *g = vs_graph_new();
    build_tower(g);
    build_tower(g);
    vs_graph_free(g);
    return 0;
}
C
# the library's verdict on the program: the second call fails in tower.c
cc -std=c11 "$inc" -fsanitize=address,undefined "$p/src/tower.c" "$p/src/main.c" \
    build/libvarscope-san.a -o "$tmp/prog" && ASAN_OPTIONS=detect_leaks=0 "$tmp/prog" > "$tmp/run" 2>&1
grep -qE "tower\.c:6: error: .*\[duplicate-variable\]" "$tmp/run" &&
    ok "the library fails the second build_tower at tower.c:6 (duplicate-variable)" ||
    notok "the library fails the second build_tower at tower.c:6" "$(cat "$tmp/run")"
( cd "$p" && git init -q . )

# ---- state at the project's root ------------------------------------------------
(cd "$p/sub/deep" && "$sc" ../../src -- "$inc" > /dev/null 2> "$tmp/err")
[ -f "$p/.scopecheck-cache/CACHEDIR.TAG" ] && [ ! -e "$p/sub/deep/.scopecheck-cache" ] &&
    head -1 "$p/.scopecheck-cache/CACHEDIR.TAG" | grep -qx "Signature: 8a477f597d28d172789f06886806bc55" &&
    ok "run from a subdirectory: the cache is at the project's root (.git), tagged CACHEDIR.TAG" ||
    notok "the cache is at the project's root" "$(ls -a "$p" "$p/sub/deep")"
[ -z "$(cd "$p" && git status --porcelain --ignored=no -- .scopecheck-cache)" ] &&
    grep -qx '\*' "$p/.scopecheck-cache/.gitignore" &&
    ok "the cache does not show in git status (its .gitignore holds *)" ||
    notok "the cache does not show in git status" "$(cd "$p" && git status --porcelain)"
SCOPECHECK_CACHE_DIR=$tmp/envcache "$sc" "$p/src" -- "$inc" > /dev/null 2>&1
ls "$tmp/envcache"/*.scc > /dev/null 2>&1 && ok "SCOPECHECK_CACHE_DIR moves the cache" ||
    notok "SCOPECHECK_CACHE_DIR moves the cache" "$(ls -a "$tmp/envcache" 2>&1)"
SCOPECHECK_CACHE_DIR=$tmp/envcache "$sc" --cache-dir "$tmp/optcache" "$p/src" -- "$inc" > /dev/null 2>&1
ls "$tmp/optcache"/*.scc > /dev/null 2>&1 && ok "--cache-dir wins over SCOPECHECK_CACHE_DIR" ||
    notok "--cache-dir wins over SCOPECHECK_CACHE_DIR"
mkdir -p "$tmp/nowhere"; cp "$p/src/tower.c" "$tmp/nowhere/"
(cd "$tmp/nowhere" && XDG_CACHE_HOME=$tmp/xdg "$sc" tower.c -- "$inc" > /dev/null 2>&1)
[ ! -e "$tmp/nowhere/.scopecheck-cache" ] && ls "$tmp/xdg/scopecheck"/*.scc > /dev/null 2>&1 &&
    ok "outside any project: the user's cache (XDG_CACHE_HOME/scopecheck), not the working directory" ||
    notok "outside any project: the user's cache" "$(ls -a "$tmp/nowhere" "$tmp/xdg" 2>&1)"

# ---- the whole program, whatever files are named --------------------------------
rm -rf "$p/.scopecheck-cache"
run --no-cache "$p/src/tower.c" -- "$inc"
expect "tower.c alone, no database, nothing recorded: checked alone (exit 0)" 0
run "$p/src" -- "$inc"
expect "the tree: the failure (exit 1)" 1
cp "$tmp/out" "$tmp/tree.out"
run "$p/src/tower.c" -- "$inc"
expect "then tower.c alone: linked with main.c from the cache's record (exit 1)" 1
has "... the finding in tower.c, as the tree's run reports it" "tower\.c:6:9: error: .*\[duplicate-variable\]"
has "... with its call chain in main.c" "main\.c:9:5: note: in 'build_tower', called from here"
run "$p/src/main.c" -- "$inc"
expect "main.c alone: the program's failure is in tower.c, not reported (exit 0)" 0
# (xargs exits 123 when the command exits 1)
(cd "$p" && printf 'src/tower.c\n' | xargs "$sc" > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "xargs scopecheck from the root, relative names: the same answer (exit 1)" 123
has "... the finding" "^src/tower\.c:6:9: error: .*\[duplicate-variable\]"
(cd "$p" && printf 'src/tower.c\n' | xargs "$sc" --quiet -- "$inc" > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "file names appended after '-- FLAGS' (pre-commit's args, xargs) are the files to check (exit 1)" 123
has "... the finding" "^src/tower\.c:6:9: error: .*\[duplicate-variable\]"
# with a compile database, and no record in the cache
rm -rf "$p/.scopecheck-cache"
cat > "$p/compile_commands.json" <<EOF
[{"directory": "$p", "file": "src/tower.c", "arguments": ["cc", "$inc", "-DTOWER", "-c", "src/tower.c"]},
 {"directory": "$p", "file": "src/main.c", "arguments": ["cc", "$inc", "-c", "src/main.c", "-o", "main.o"]}]
EOF
run "$p/src/tower.c"
expect "with a compile database: tower.c alone is linked with main.c (exit 1)" 1
sed -e 's/^[^ ].*scopecheck.*//' "$tmp/tree.out" > "$tmp/a"; sed -e 's/^[^ ].*scopecheck.*//' "$tmp/out" > "$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && ok "... and prints what the tree's run prints" ||
    notok "... and prints what the tree's run prints" "$(diff "$tmp/a" "$tmp/b" | head)"
# a file the database does not list: the nearest listed file's flags
printf '#ifndef TOWER\n#error needs the flags of tower.c\n#endif\n#include "varscope.h"\nint main(void) { vs_graph *g = vs_graph_new(); vs_scope_exit(g); vs_graph_free(g); return 0; }\n' > "$p/src/tower_test.c"
run "$p/src/tower_test.c"
expect "a file the database does not list: a warning naming the file whose flags it gets" 1 \
    "warning: .*tower_test\.c is not in .*compile_commands\.json: parsed with the flags of src/tower\.c"
has "... and it is checked with them" "tower_test\.c:5:.*\[scope-underflow\]"
rm -f "$p/src/tower_test.c" "$p/compile_commands.json"
mkdir -p "$tmp/nodb"; cp "$p/src/tower.c" "$tmp/nodb/"
run --no-cache "$tmp/nodb/tower.c"
expect "no compile database and no flags: a warning says so" 0 \
    "warning: no compile_commands\.json in the directory of .*tower\.c or above it, and no flags after '--'"
run --no-cache --quiet "$tmp/nodb/tower.c"
expect "... not with --quiet" 0
[ ! -s "$tmp/err" ] && ok "... (nothing on stderr)" || notok "... (nothing on stderr)" "$(cat "$tmp/err")"
run "$p/src" -Iinclude
expect "scopecheck src -Iinclude: exit 2 with a hint about '--'" 2 \
    "unknown option '-Iinclude': compiler flags go after '--', as in: scopecheck FILES -- -Iinclude"

# ---- --link without gone or unlisted sources -----------------------------------
# the map step beside a build's compile commands, then files go away
cp "$p/src/tower.c" "$p/src/extra.c"
sed -i 's/build_tower/build_extra/' "$p/src/extra.c"
cat > "$p/compile_commands.json" <<EOF
[{"directory": "$p", "file": "src/tower.c", "arguments": ["cc", "$inc", "-c", "src/tower.c"]},
 {"directory": "$p", "file": "src/main.c", "arguments": ["cc", "$inc", "-c", "src/main.c"]},
 {"directory": "$p", "file": "src/extra.c", "arguments": ["cc", "$inc", "-c", "src/extra.c"]}]
EOF
rm -rf "$tmp/sum"
# --link runs where the map step ran (a build system's directory): the
# summaries name their sources relative to it
cd "$p"
"$sc" --emit-summary="$tmp/sum" src/tower.c src/main.c src/extra.c > /dev/null 2>&1
run --link="$tmp/sum"
expect "--link: every summary (exit 1)" 1
has "... the tower.c finding" "tower\.c:6:9: .*duplicate-variable"
rm "$p/src/extra.c"
run --link="$tmp/sum"
expect "--link after a source was deleted: still the program's finding (exit 1)" 1 \
    "warning: .*extra\.c\.[0-9a-f]+\.scir: left out: its source src/extra\.c is gone"
python3 - "$p/compile_commands.json" <<'PY'
import json, sys
db = [e for e in json.load(open(sys.argv[1])) if e["file"].endswith("tower.c")]
json.dump(db, open(sys.argv[1], "w"))
PY
run --link="$tmp/sum"
expect "--link when the database no longer lists main.c: its summary is left out (exit 0: no second call)" 0 \
    "left out: its source src/main\.c is not in the compile database"
rm -f "$p/compile_commands.json"
cd "$root"

# ---- baselines relative to their file ---------------------------------------------
(cd "$p" && "$sc" --write-baseline base.json src -- "$inc" > /dev/null 2>&1)
grep -q '"file":"src/tower.c"' "$p/base.json" && ok "the baseline names files relative to itself" ||
    notok "the baseline names files relative to itself" "$(cat "$p/base.json")"
(cd "$p/sub/deep" && "$sc" --baseline ../../base.json ../../src -- "$inc" > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "run from a subdirectory, the baselined finding is known (exit 0)" 0
(cd "$tmp" && "$sc" --baseline "$p/base.json" "$p/src" -- "$inc" > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "... and from outside the project with absolute paths (exit 0)" 0

# ---- rule selection --------------------------------------------------------------
run --no-cache --disable='duplicate-*' "$p/src" -- "$inc"
expect "--disable='duplicate-*': the glob turns the rule off (exit 0)" 0
run --no-cache --disable=all --enable=scopecheck-duplicate-variable "$p/src" -- "$inc"
expect "--disable=all --enable=scopecheck-duplicate-variable: clang-tidy's prefix (exit 1)" 1
run --no-cache --enable=all --disable='*-variable' "$p/src" -- "$inc"
expect "--enable=all --disable='*-variable': the last word wins (exit 0)" 0
run --no-cache --disable='nope-*' "$p/src" -- "$inc"
expect "a glob that matches no rule: exit 2" 2 "no rule matches 'nope-\*' in --disable"
run --explain scopecheck-scope-leak
expect "--explain takes the scopecheck- prefix" 0
has "... and prints the page" "^# scope-leak"

# ---- colour ----------------------------------------------------------------------
esc=$(printf '\033')
run --no-cache --color=always "$p/src" -- "$inc"
grep -q "${esc}\[1;31merror:${esc}\[0m" "$tmp/out" && ok "--color=always: error in bold red" ||
    notok "--color=always: error in bold red" "$(head -3 "$tmp/out" | od -c | head)"
NO_COLOR=1 run --no-cache --color=always "$p/src" -- "$inc"
grep -q "$esc" "$tmp/out" && ok "--color=always wins over NO_COLOR (no-color.org)" ||
    notok "--color=always wins over NO_COLOR"
run --no-cache "$p/src" -- "$inc"
grep -q "$esc" "$tmp/out" && notok "auto, not a terminal: no colour" || ok "auto, not a terminal: no colour"
if command -v script > /dev/null; then
    script -qec "$sc --no-cache $p/src -- $inc" /dev/null > "$tmp/tty" 2>&1
    grep -q "${esc}\[1;31merror:" "$tmp/tty" && ok "auto on a terminal: colour" ||
        notok "auto on a terminal: colour" "$(head -3 "$tmp/tty")"
    NO_COLOR=1 script -qec "$sc --no-cache $p/src -- $inc" /dev/null > "$tmp/tty" 2>&1
    grep -q "$esc" "$tmp/tty" && notok "auto on a terminal with NO_COLOR=1: no colour" ||
        ok "auto on a terminal with NO_COLOR=1: no colour"
    NO_COLOR= script -qec "$sc --no-cache $p/src -- $inc" /dev/null > "$tmp/tty" 2>&1
    grep -q "$esc" "$tmp/tty" && ok "NO_COLOR empty counts as unset" || notok "NO_COLOR empty counts as unset"
else
    echo "# SKIP colour on a terminal: script(1) is not installed"
fi
run --color=sometimes "$p/src"
expect "--color=sometimes: exit 2" 2 "--color takes auto, always or never"

# ---- --stdin-filename ---------------------------------------------------------------
once=$(sed '9d' "$p/src/main.c")
(cd "$p" && printf '%s\n' "$once" | "$sc" --stdin-filename src/main.c -- "$inc" > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "--stdin-filename: main.c from stdin (one call), the program's other files from disk: clean (exit 0)" 0
(cd "$p" && "$sc" --stdin-filename src/tower.c -- "$inc" < src/tower.c > "$tmp/out" 2> "$tmp/err"); rc=$?
expect "--stdin-filename src/tower.c: the finding (exit 1)" 1
has "... reported under the name given" "^src/tower\.c:6:9: error"
printf 'int main(void) { return 0; }\n' | "$sc" --no-cache --stdin-filename "$tmp/new.c" -- "$inc" > "$tmp/out" 2> "$tmp/err"; rc=$?
expect "--stdin-filename of a file that is not on disk: checked (exit 0)" 0
run --stdin-filename a.c b.c
expect "--stdin-filename with another file: exit 2" 2 "checks that one file"

# ---- fixes: --diff against GNU diff, --fix in the file's indentation ------------------
mkdir -p "$tmp/fx"
for f in fixtures/rules/scope-leak/fail_*.c fixtures/rules/missing-dtype/fail_*.c \
         fixtures/rules/duplicate-variable/fail_*.c fixtures/seed/in3_reuse_needs_dtype.c; do
    cp "$f" "$tmp/fx/"
done
cd "$tmp/fx"
good=0 bad=""
for f in *.c; do
    cp "$f" "$f.orig"
    "$sc" --no-cache --diff "$f" -- "$inc" > "$f.diff" 2> /dev/null
    cmp -s "$f" "$f.orig" || bad="$bad $f(--diff changed it)"
    [ -s "$f.diff" ] || continue
    cp "$f" "fixed_$f"
    "$sc" --no-cache --fix "fixed_$f" -- "$inc" > /dev/null 2>&1
    diff -u "$f" "fixed_$f" | tail -n +3 > gnu.hunks
    tail -n +3 "$f.diff" > our.hunks
    if cmp -s gnu.hunks our.hunks && patch -s -p0 -o patched.c < "$f.diff" > /dev/null 2>&1 &&
       cmp -s patched.c "fixed_$f"; then
        good=$((good + 1))
    else
        bad="$bad $f"
    fi
done
cd "$root"
[ "$good" -ge 10 ] && [ -z "$bad" ] &&
    ok "--diff: for each of $good fixtures with fix-its, GNU diff -u's hunks between the file and its --fix, and patch -p0 applies it" ||
    notok "--diff: GNU diff -u's hunks, and patch applies it" "$good good; bad:$bad" "$(cd "$tmp/fx" && diff gnu.hunks our.hunks | head -20)"
cp fixtures/rules/scope-leak/fail_return_in_block.c "$tmp/fixed.c"
"$sc" --no-cache --fix "$tmp/fixed.c" -- "$inc" > /dev/null 2>&1
# the layout of rules/scope-leak.md's "Fix" block
python3 - rules/scope-leak.md "$tmp/fixed.c" <<'PY' && ok "the scope-leak fix-it is laid out as the rule's page shows (braces, own lines, indentation)" || notok "the scope-leak fix-it is laid out as the rule's page shows" "$(sed -n 8,20p "$tmp/fixed.c")"
import re, sys
page, fixed = open(sys.argv[1]).read(), open(sys.argv[2]).read()
fix_block = page.split("## Fix", 1)[1]
code = re.search(r"```c\n(.*?)```", fix_block, re.S).group(1)
def layer(text):
    text = re.sub(r"\s*// expect:[^\n]*", "", text)
    m = re.search(r"static void layer\(.*?\n}\n", text, re.S)
    return m.group(0) if m else None
sys.exit(0 if layer(code) and layer(code) == layer(fixed) else 1)
PY
printf '#include "varscope.h"\nstatic void f(vs_graph *g, int a)\n{\n\tVS_VARIABLE_SCOPE(g, "s") {\n\t\tif (a) return;\n\t\tvs_get_variable(g, "w", .shape = VS_SHAPE(2));\n\t}\n}\nint main(int argc, char **argv)\n{\n\t(void)argv;\n\tvs_graph *g = vs_graph_new();\n\tf(g, argc > 1);\n\tf(g, 0);\n\tvs_graph_free(g);\n\treturn 0;\n}\n' > "$tmp/tabs.c"
"$sc" --no-cache --fix "$tmp/tabs.c" -- "$inc" > /dev/null 2>&1
grep -qF "$(printf '\t\tif (a) { vs_scope_exit(g); return; }')" "$tmp/tabs.c" &&
    ok "a one-line 'if (a) return;' keeps one line" || notok "a one-line 'if (a) return;' keeps one line" "$(cat "$tmp/tabs.c")"

# ---- suppressions --------------------------------------------------------------------
cp "$p/src/tower.c" "$tmp/sup_tower.c"
sed -i '1i // scopecheck: ignore-file[duplicate-variable]' "$tmp/sup_tower.c"
cp "$p/src/main.c" "$tmp/sup_main.c"
run --no-cache "$tmp/sup_tower.c" "$tmp/sup_main.c" -- "$inc"
expect "scopecheck: ignore-file[duplicate-variable] silences the rule in the file (exit 0)" 0
run --no-cache --show-suppressed "$tmp/sup_tower.c" "$tmp/sup_main.c" -- "$inc"
has "... it is shown with --show-suppressed" "duplicate-variable,suppressed"
sed -i '1s/.*/\/\/ scopecheck: ignore-file[scope-leak]/' "$tmp/sup_tower.c"
run --no-cache --report-unused-ignores "$tmp/sup_tower.c" "$tmp/sup_main.c" -- "$inc"
expect "ignore-file of another rule: the finding stands (exit 1)" 1
has "... and with --report-unused-ignores it silences nothing 'in this file'" "silences nothing: no scope-leak finding in this file \[unused-suppression\]"
sed -i '1s/.*/\/\/ scopecheck: ignore[no-such-rule]/' "$tmp/sup_tower.c"
run --no-cache "$tmp/sup_tower.c" "$tmp/sup_main.c" -- "$inc"
expect "an unknown rule in a suppression: a warning, the file still checked (exit 1, not 2)" 1 \
    "warning: .*sup_tower\.c:1: unknown rule 'no-such-rule'"

# ---- configuration inheritance ----------------------------------------------------------
c=$tmp/cfg
mkdir -p "$c/child" "$c/plain"
cp "$p/src/tower.c" "$p/src/main.c" "$c/child/"
cp "$p/src/tower.c" "$p/src/main.c" "$c/plain/"
printf '{"rules": {"duplicate-variable": "warning"}, "exclude": ["plain/main.c"]}\n' > "$c/.scopecheck.json"
printf '{"inherit": true, "rules": {"scope-leak": "off"}}\n' > "$c/child/.scopecheck.json"
run --no-cache "$c/child" -- "$inc"
expect "inherit: true: the parent's severity applies in the child (a warning: exit 0)" 0
has "... the finding is a warning" "tower\.c:6:9: warning: .*\[duplicate-variable\]"
printf '{"rules": {"scope-leak": "off"}}\n' > "$c/child/.scopecheck.json"
run --no-cache "$c/child" -- "$inc"
expect "without inherit the nearest configuration stands alone (an error: exit 1)" 1
printf '{"inherit": true, "rules": {"duplicate-variable": "error"}}\n' > "$c/plain/.scopecheck.json"
run --no-cache "$c/plain" -- "$inc"
expect "inherit: the child's setting wins, the parent's exclude still applies (main.c excluded: exit 0)" 0
printf '{"inherit": "yes"}\n' > "$c/plain/.scopecheck.json"
run --no-cache "$c/plain" -- "$inc"
expect "inherit of the wrong type: exit 2, named" 2 "plain/\.scopecheck\.json:1: \"inherit\": expected true or false, not a string"
