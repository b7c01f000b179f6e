#!/usr/bin/env bash
# The command line: bad input gets a clear one-line message naming the file
# and the reason, exit status 2, and every other file is still checked;
# the informational options work; exit statuses follow the contract.
set -u
cd "$(dirname "$0")/../.."
sc=build/scopecheck-san
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
good=fixtures/seed/in2_variable_renamed.c      # a warning, no error
bad=fixtures/seed/in3_reuse_needs_dtype.c      # two errors

n=0
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# check NAME EXPECTED_STATUS STDERR_REGEX -- ARGS...: the status, a stderr
# line matching the regex, and no sanitizer report
check() {
    local name=$1 want=$2 re=$3; shift 4
    "$sc" "$@" > "$tmp/out" 2> "$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        notok "$name" "exit status $got, expected $want" "$(head -c 600 "$tmp/err")"
    elif [ -n "$re" ] && ! grep -qE "$re" "$tmp/err"; then
        notok "$name" "stderr does not match /$re/:" "$(head -c 600 "$tmp/err")"
    elif grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$tmp/err"; then
        notok "$name" "sanitizer report" "$(head -c 600 "$tmp/err")"
    else
        ok "$name"
    fi
}

check "clean file exits 0" 0 "" -- "$good" -- -Iinclude
check "errors exit 1" 1 "" -- "$bad" -- -Iinclude
check "--exit-zero exits 0 with errors" 0 "" -- --exit-zero "$bad" -- -Iinclude
check "missing file: exit 2, named" 2 "^scopecheck: error: $tmp/nope.c: No such file" -- "$tmp/nope.c" "$good" -- -Iinclude
grep -q "variable-renamed" "$tmp/out" && ok "missing file: the other file is still checked" ||
    notok "missing file: the other file is still checked" "$(cat "$tmp/out")"
mkdir -p "$tmp/empty"; echo "not C" > "$tmp/empty/readme.txt"
check "directory without C files" 2 "$tmp/empty: no C files" -- "$tmp/empty"
printf '#include "does_not_exist.h"\nint main(void) { return 0; }\n' > "$tmp/missing_header.c"
check "missing header: exit 2, file and reason" 2 "missing_header.c:1:10: fatal error: 'does_not_exist.h' file not found" -- "$tmp/missing_header.c" "$bad" -- -Iinclude
grep -q "duplicate-variable" "$tmp/out" && ok "missing header: the other file is still checked" ||
    notok "missing header: the other file is still checked" "$(cat "$tmp/out")"
printf '#include "varscope.h"\nint main(void) { vs_graph *g = vs_graph_new(); return 0 }\n' > "$tmp/syntax.c"
check "syntax error: exit 2" 2 "syntax.c:2:.*error: expected ';'" -- "$tmp/syntax.c" -- -Iinclude
# a file that cannot reach the library is not parsed (pre-scan); with
# --all-files it is, and its syntax error is reported
printf 'int main(void) { return 0 }\n' > "$tmp/plain_syntax.c"
check "syntax error in a file that cannot reach varscope: not parsed" 0 "" -- "$tmp/plain_syntax.c"
check "... but reported with --all-files" 2 "plain_syntax.c:1:.*error: expected ';'" -- --all-files "$tmp/plain_syntax.c"
head -c 4096 /dev/urandom > "$tmp/binary.c"; printf '\0\1\2' >> "$tmp/binary.c"
check "binary file: exit 2, no crash" 2 "binary.c" -- "$tmp/binary.c"
check "unknown option" 2 "^scopecheck: unknown option '--frobnicate'" -- --frobnicate "$good"
check "unknown rule in --disable" 2 "unknown rule 'no-such-rule' in --disable" -- --disable=no-such-rule "$good"
check "unknown rule in --explain" 2 "unknown rule 'nope'" -- --explain nope
check "unknown format" 2 "unknown format 'xml'" -- --format=xml "$good"
check "no input" 2 "no input files" --
check "option without value" 2 "option '-o' needs a value" -- "$good" -o
mkdir -p "$tmp/db"; printf '[{"directory": "/tmp", "file": "a.c", "command": "cc -c a.c"' > "$tmp/db/compile_commands.json"
check "broken compile_commands.json" 2 "compile_commands.json: .*(JSON|json)" -- -p "$tmp/db" "$good"
printf '[{"directory": 3, "file": "a.c"}]' > "$tmp/db/compile_commands.json"
check "compile_commands.json with wrong types" 2 "compile_commands.json" -- -p "$tmp/db" "$good"
check "--list-rules" 0 "" -- --list-rules
nrules=$(ls rules/*.json | wc -l)
[ "$(grep -c . "$tmp/out")" -eq "$nrules" ] && grep -q "^duplicate-variable *error" "$tmp/out" &&
    ok "--list-rules lists the $nrules rules with severities" || notok "--list-rules lists every rule" "$(cat "$tmp/out")"
check "--explain" 0 "" -- --explain missing-dtype
grep -q "^# missing-dtype" "$tmp/out" && grep -q "## Fix" "$tmp/out" &&
    ok "--explain prints the rule's page" || notok "--explain prints the rule's page" "$(head -5 "$tmp/out")"
check "--version" 0 "" -- --version
grep -qE "^scopecheck [0-9]+\.[0-9]+" "$tmp/out" && ok "--version prints the version" || notok "--version prints the version"
check "--help" 0 "" -- --help
grep -q "^usage: scopecheck" "$tmp/out" && ok "--help prints usage" || notok "--help prints usage"
check "--disable silences a rule" 0 "" -- --disable=duplicate-variable,missing-dtype "$bad" -- -Iinclude
# a 10 MB generated file: checked, no crash
python3 - "$tmp/big.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('#include "varscope.h"\nstatic int pad(int x) { return x; }\n')
    i = 0
    while f.tell() < 10 * 1024 * 1024:
        f.write("static int f%d(int a) { int b = a * %d; if (b > 3) b -= pad(a); return b + %d; }\n" % (i, i, i))
        i += 1
    f.write("int main(void) { vs_graph *g = vs_graph_new(); vs_variable(g, vs_scalar_i32(g, 1), .name = \"x\"); vs_variable(g, vs_scalar_i32(g, 1), .name = \"x\"); vs_graph_free(g); return f1(1) > 0; }\n")
PY
check "10 MB file is checked" 0 "" -- "$tmp/big.c" -- -Iinclude
grep -q "variable-renamed" "$tmp/out" && ok "10 MB file: its finding is reported" || notok "10 MB file: its finding is reported"
# --strict adds "could fail" warnings; it never demotes a sure error.  A
# loop of 3 + argc turns creates "w" every turn: the second turn fails on
# every run (the library: duplicate-variable), and the later turns the
# engine checks only in widened form could fail there too.
cat > "$tmp/strict_keep.c" <<'C'
#include "varscope.h"
int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3 + argc; i++)
        vs_get_variable(g, "w", .shape = VS_SCALAR);
    vs_graph_free(g);
    return 0;
}
C
"$sc" --no-cache --strict "$tmp/strict_keep.c" -- -Iinclude > "$tmp/out" 2>&1
if grep -q "strict_keep.c:7:9: error: .*\[duplicate-variable\]" "$tmp/out" &&
   ! grep -q "strict_keep.c:7:9: warning: .*\[duplicate-variable\]" "$tmp/out"; then
    ok "--strict keeps a sure error an error where it could also fail later"
else
    notok "--strict keeps a sure error an error where it could also fail later" "$(cat "$tmp/out")"
fi

# name-scope-ignored says what a tf.Variable would be named: the name scope
# and the name asked for (v/n/w in name scope n inside variable scope v),
# not the name scope and the variable's full name (v/n/v/w)
"$sc" --no-cache fixtures/rules/name-scope-ignored/fail_name_in_variable_scope.c -- -Iinclude > "$tmp/out" 2>&1
if grep -q "the variable is named 'v/w', not 'v/n/w'" "$tmp/out"; then
    ok "name-scope-ignored names the name scope and the name asked for"
else
    notok "name-scope-ignored names the name scope and the name asked for" "$(cat "$tmp/out")"
fi

# A scope name thousands of characters long (a loop that opened "layer"
# 1,024 times) is shown by its two ends and its length, not in full: the
# name is "/".join(["layer"] * 1024), as TF joins nested scope names.
"$sc" --no-cache --format=json fixtures/rules/scope-leak/fail_loop_1024_deep.c -- -Iinclude > "$tmp/out" 2> "$tmp/err"
if python3 - "$tmp/out" <<'PY'
import json, sys
name = "/".join(["layer"] * 1024)
msgs = [f["message"] for f in json.load(open(sys.argv[1]))["findings"]
        if f["rule"] == "scope-leak"]
ok = len(msgs) == 1 and len(msgs[0]) < 400 and name not in msgs[0] and \
     ("(%d characters)" % len(name)) in msgs[0] and \
     ("'" + name[:50]) in msgs[0] and (name[-50:] + " (") in msgs[0]
sys.exit(0 if ok else 1)
PY
then
    ok "a scope name of 6,143 characters is shown by its ends and length"
else
    notok "a scope name of 6,143 characters is shown by its ends and length" "$(head -c 600 "$tmp/out")"
fi

# The budget: a program that spends it says where checking stopped (an
# [unchecked] note after the loops where it ran out, in a widening turn
# whose own findings are muted), never a silent end.
"$sc" --no-cache --strict --format=json tests/budget/quiet_turn_s9279.c -- -Iinclude > "$tmp/out" 2> "$tmp/err"
if python3 - "$tmp/out" <<'PY'
import json, sys
notes = [f for f in json.load(open(sys.argv[1]))["findings"]
         if f["rule"] == "unchecked" and "budget" in f["message"]]
# the loops that spend it end at line 223 (the file's header is 6 lines)
sys.exit(0 if notes and all(f["range"]["start"]["line"] > 223 for f in notes) else 1)
PY
then
    ok "budget: the unchecked note says where checking stopped"
else
    notok "budget: the unchecked note says where checking stopped" "$(head -c 600 "$tmp/out")" "$(head -c 300 "$tmp/err")"
fi
