#!/usr/bin/env bash
# The policy: suppression comments (scopecheck: ignore, NOLINT...),
# .scopecheck.json configurations, baselines, and what goes wrong with each
# (bad input is a one-line message naming the file and the line, exit
# status 2, never a crash).  See src/scopecheck/cli/policy.h.
# It runs build/scopecheck-san; SC=... picks another binary.
set -u
cd "$(dirname "$0")/../.."
sc=${SC:-build/scopecheck-san}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inc="-I$PWD/include"
echo "# binary: $sc"

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }
# run ARGS...: runs scopecheck, output in $tmp/out, $tmp/err, status in $rc
run() {
    "$sc" --no-cache "$@" > "$tmp/out" 2> "$tmp/err"
    rc=$?
}
sanitizer() { grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$tmp/err"; }
# check NAME STATUS STDERR_REGEX -- ARGS...: the status, a stderr line
# matching the regex (if any), no sanitizer report
check() {
    local name=$1 want=$2 re=$3; shift 4
    run "$@"
    if [ "$rc" -ne "$want" ]; then
        notok "$name" "exit status $rc, expected $want" "$(head -c 800 "$tmp/err")" "$(head -c 800 "$tmp/out")"
    elif [ -n "$re" ] && ! grep -qE -- "$re" "$tmp/err"; then
        notok "$name" "stderr does not match /$re/:" "$(head -c 800 "$tmp/err")"
    elif sanitizer; then
        notok "$name" "sanitizer report" "$(head -c 800 "$tmp/err")"
    else
        ok "$name"
    fi
}
# out_has NAME REGEX / out_lacks NAME REGEX: about the last run's stdout
out_has() {
    if grep -qE -- "$2" "$tmp/out"; then ok "$1"; else notok "$1" "stdout lacks /$2/:" "$(head -c 800 "$tmp/out")"; fi
}
out_lacks() {
    if grep -qE -- "$2" "$tmp/out"; then notok "$1" "stdout has /$2/:" "$(grep -E -- "$2" "$tmp/out" | head -3)"; else ok "$1"; fi
}
err_lacks() {
    if grep -qE -- "$2" "$tmp/err"; then notok "$1" "stderr has /$2/:" "$(grep -E -- "$2" "$tmp/err" | head -3)"; else ok "$1"; fi
}
# the number of findings of a rule on stdout (text format)
count() { grep -cE "^[^ ].*:[0-9]+:[0-9]+: (error|warning|note): .*\[$1[],]" "$tmp/out"; }

# ---- programs ----------------------------------------------------------------
# prog FILE LINES...: a program whose main creates "w" on line 6, then has
# LINES from line 7 on; $DUP there is a duplicate-variable error, two
# $REN1 a variable-renamed warning.
prog() {
    local f=$1; shift
    {
        echo '#include "varscope.h"'
        echo ''
        echo 'int main(void)'
        echo '{'
        echo '    vs_graph *g = vs_graph_new();'
        echo '    vs_get_variable(g, "w", .shape = VS_SHAPE(2));'
        for l in "$@"; do printf '%s\n' "$l"; done
        echo '    vs_graph_free(g);'
        echo '    return 0;'
        echo '}'
    } > "$f"
}
DUP='    vs_get_variable(g, "w", .shape = VS_SHAPE(2));'
REN1='    vs_variable(g, vs_scalar_i32(g, 1), .name = "x");'

# ---- suppression comments ----------------------------------------------------
s=$tmp/sup; mkdir -p "$s"

prog "$s/plain.c" "$DUP"
check "a duplicate is an error (exit 1)" 1 "" -- "$s/plain.c" -- $inc
[ "$(count duplicate-variable)" -eq 1 ] && ok "one finding without comments" || notok "one finding without comments" "$(cat "$tmp/out")"

prog "$s/trailing.c" "$DUP // scopecheck: ignore[duplicate-variable]"
check "ignore[rule] on the line: exit 0" 0 "" -- "$s/trailing.c" -- $inc
out_lacks "ignore[rule] on the line: not printed" "duplicate-variable"

prog "$s/above.c" "    // scopecheck: ignore[duplicate-variable]" "$DUP"
check "ignore[rule] alone on the line above" 0 "" -- "$s/above.c" -- $inc

prog "$s/above2.c" "    // scopecheck: ignore[duplicate-variable]" "    // (a reason, on a comment line)" "$DUP"
check "ignore above: comment-only lines in between are skipped" 0 "" -- "$s/above2.c" -- $inc

prog "$s/blank.c" "    // scopecheck: ignore[duplicate-variable]" "" "$DUP"
check "ignore above: a blank line in between stops it" 1 "" -- "$s/blank.c" -- $inc

prog "$s/block.c" "    /* scopecheck: ignore[duplicate-variable] */" "$DUP"
check "/* scopecheck: ignore[rule] */ above" 0 "" -- "$s/block.c" -- $inc

prog "$s/block2.c" "$DUP /* scopecheck: ignore[duplicate-variable] */"
check "/* scopecheck: ignore[rule] */ on the line" 0 "" -- "$s/block2.c" -- $inc

prog "$s/blockml.c" "    /*" "     * scopecheck: ignore[duplicate-variable]" "     */" "$DUP"
check "ignore on a line of a multi-line block comment" 0 "" -- "$s/blockml.c" -- $inc

prog "$s/bare.c" "$DUP // scopecheck: ignore"
check "bare scopecheck: ignore silences every rule" 0 "" -- "$s/bare.c" -- $inc

prog "$s/bare2.c" "$DUP // scopecheck: ignore -- legacy code, see #12"
check "bare ignore followed by a reason" 0 "" -- "$s/bare2.c" -- $inc

prog "$s/prefix.c" "$DUP // scopecheck: ignore[scopecheck-duplicate-variable]"
check "ignore[scopecheck-rule] (prefixed id)" 0 "" -- "$s/prefix.c" -- $inc

prog "$s/list.c" "$DUP // scopecheck: ignore[ missing-dtype ,duplicate-variable ]"
check "ignore[a, b]: a list, spaces ignored" 0 "" -- "$s/list.c" -- $inc

prog "$s/other.c" "$DUP // scopecheck: ignore[missing-dtype]"
check "ignore of another rule does not silence" 1 "" -- "$s/other.c" -- $inc

prog "$s/prose.c" "$DUP // do not add scopecheck: ignore here"
check "'scopecheck: ignore' in prose does not silence" 1 "" -- "$s/prose.c" -- $inc

prog "$s/nolint.c" "$DUP // NOLINT"
check "NOLINT silences" 0 "" -- "$s/nolint.c" -- $inc

prog "$s/nolint1.c" "$DUP // NOLINT(scopecheck-duplicate-variable)"
check "NOLINT(scopecheck-rule)" 0 "" -- "$s/nolint1.c" -- $inc

prog "$s/nolint2.c" "$DUP // NOLINT(scopecheck-*)"
check "NOLINT(scopecheck-*) glob" 0 "" -- "$s/nolint2.c" -- $inc

prog "$s/nolint3.c" "$DUP // NOLINT(duplicate-variable)"
check "NOLINT(bare-rule-id)" 0 "" -- "$s/nolint3.c" -- $inc

prog "$s/nolint4.c" "$DUP // NOLINT(bugprone-branch-clone, *-variable): reason"
check "NOLINT(other-check, *-variable): reason" 0 "" -- "$s/nolint4.c" -- $inc

prog "$s/nolint5.c" "$DUP // NOLINT(bugprone-branch-clone)"
check "NOLINT(another tool's check) does not silence, and is no error" 1 "" -- "$s/nolint5.c" -- $inc
err_lacks "NOLINT(another tool's check): no message" "unknown rule"

prog "$s/nolint6.c" "$DUP // NOLINT (bugprone-branch-clone)"
check "NOLINT with a space before '(' is a bare NOLINT" 0 "" -- "$s/nolint6.c" -- $inc

prog "$s/nolint7.c" "$DUP // NOLINT(-scopecheck-duplicate-variable)"
check "negative globs in NOLINT are ignored" 1 "" -- "$s/nolint7.c" -- $inc

prog "$s/nolint8.c" "$DUP // NOLINTFOO"
check "NOLINTFOO is not NOLINT" 1 "" -- "$s/nolint8.c" -- $inc

prog "$s/next.c" "    // NOLINTNEXTLINE(scopecheck-duplicate-variable)" "$DUP"
check "NOLINTNEXTLINE(rule)" 0 "" -- "$s/next.c" -- $inc

prog "$s/next2.c" "    // NOLINTNEXTLINE(scopecheck-duplicate-variable)" "" "$DUP"
check "NOLINTNEXTLINE is the very next line only" 1 "" -- "$s/next2.c" -- $inc

prog "$s/range.c" "    // NOLINTBEGIN(scopecheck-duplicate-variable)" "$DUP" "" "$DUP" "    // NOLINTEND(scopecheck-duplicate-variable)" "$DUP"
check "NOLINTBEGIN/NOLINTEND: lines between are silenced" 1 "" -- "$s/range.c" -- $inc
[ "$(count duplicate-variable)" -eq 1 ] && grep -q "range.c:12:" "$tmp/out" &&
    ok "NOLINTBEGIN/NOLINTEND: the line after END is not" || notok "NOLINTBEGIN/NOLINTEND: the line after END is not" "$(cat "$tmp/out")"

prog "$s/range2.c" "    /* NOLINTBEGIN */" "$DUP" "    /* NOLINTEND */"
check "/* NOLINTBEGIN */ ... /* NOLINTEND */ without arguments" 0 "" -- "$s/range2.c" -- $inc

prog "$s/unbal.c" "    // NOLINTBEGIN(scopecheck-duplicate-variable)" "$DUP"
check "NOLINTBEGIN without NOLINTEND: exit 2, file:line" 2 "unbal.c:7: NOLINTBEGIN\(scopecheck-duplicate-variable\) has no matching NOLINTEND" -- "$s/unbal.c" -- $inc
out_has "unmatched NOLINTBEGIN silences nothing" "unbal.c:8:.*duplicate-variable"

prog "$s/unbal2.c" "$DUP" "    // NOLINTEND(scopecheck-duplicate-variable)"
check "NOLINTEND without NOLINTBEGIN: exit 2" 2 "unbal2.c:8: NOLINTEND\(scopecheck-duplicate-variable\) has no matching NOLINTBEGIN" -- "$s/unbal2.c" -- $inc

prog "$s/unbal3.c" "    // NOLINTBEGIN(scopecheck-duplicate-variable)" "$DUP" "    // NOLINTEND(scopecheck-missing-dtype)"
check "NOLINTBEGIN/NOLINTEND with other arguments: exit 2" 2 "unbal3.c:7: NOLINTBEGIN.*no matching NOLINTEND" -- "$s/unbal3.c" -- $inc
grep -q "unbal3.c:9: NOLINTEND(scopecheck-missing-dtype) has no matching NOLINTBEGIN" "$tmp/err" &&
    ok "mismatched NOLINTEND is reported too" || notok "mismatched NOLINTEND is reported too" "$(cat "$tmp/err")"

prog "$s/nested.c" "    // NOLINTBEGIN(scopecheck-duplicate-variable)" "    // NOLINTBEGIN(scopecheck-missing-dtype)" "$DUP" "    // NOLINTEND(scopecheck-duplicate-variable)" "    // NOLINTEND(scopecheck-missing-dtype)"
check "NOLINTBEGIN pairs match by arguments, not nesting" 0 "" -- "$s/nested.c" -- $inc

prog "$s/unknown.c" "$DUP // scopecheck: ignore[no-such-rule]"
# an unknown rule silences nothing: a warning naming file, line and id, and
# the file is still checked (exit 1 for its error, not 2)
check "unknown rule in ignore[]: a warning, file:line and id (exit 1: the error stands)" 1 "warning: .*unknown.c:7: unknown rule 'no-such-rule'" -- "$s/unknown.c" -- $inc
out_has "unknown rule in ignore[]: the finding is still reported" "unknown.c:7:.*duplicate-variable"

prog "$s/unknown2.c" "$DUP // NOLINT(scopecheck-no-such-rule)"
check "unknown scopecheck- rule in NOLINT: a warning (exit 1)" 1 "warning: .*unknown2.c:7: unknown rule 'scopecheck-no-such-rule'" -- "$s/unknown2.c" -- $inc

prog "$s/unknown3.c" "$DUP // scopecheck: ignore[nothing-*]"
check "ignore[] glob matching no rule: a warning (exit 1)" 1 "warning: .*unknown3.c:7: no rule matches 'nothing-\*'" -- "$s/unknown3.c" -- $inc

prog "$s/open.c" "$DUP // scopecheck: ignore[duplicate-variable"
check "ignore[ without ]: exit 2" 2 "open.c:7: .*no closing" -- "$s/open.c" -- $inc

prog "$s/string.c" '    const char *s = "// scopecheck: ignore[duplicate-variable] NOLINTBEGIN"; (void)s;' \
    "    char q = '\"'; (void)q; /* a quote in a char literal */" \
    "$DUP // \"scopecheck\" said 'ignore'"
check "markers inside string literals are not comments" 1 "" -- "$s/string.c" -- $inc
err_lacks "no NOLINTBEGIN read from a string" "NOLINTBEGIN"

printf '%s\n' '#include "varscope.h"' '' 'int main(void)' '{' \
    '    vs_graph *g = vs_graph_new();' \
    '    vs_get_variable(g, "w", .shape = VS_SHAPE(2));' \
    '    const char *s = "a \' \
    'NOLINTBEGIN(scopecheck-duplicate-variable)"; (void)s; // continued string' \
    '    // a comment continued \' \
    '       onto this line: NOLINTEND(scopecheck-missing-dtype) is in the comment' \
    '    vs_get_variable(g, "w", .shape = VS_SHAPE(2));' \
    '    vs_graph_free(g);' '    return 0;' '}' > "$s/splice.c"
check "backslash-newline: strings and comments continue" 2 "splice.c:10: NOLINTEND\(scopecheck-missing-dtype\) has no matching" -- "$s/splice.c" -- $inc
err_lacks "backslash-newline: the string's NOLINTBEGIN is not read" "NOLINTBEGIN\(scopecheck-duplicate-variable\) has no"

# a suppression on a note's line does not silence the finding
prog "$s/noteline.c" "$DUP"
sed -i '6s|$| // scopecheck: ignore[duplicate-variable]|' "$s/noteline.c"
check "a comment on a note's line does not silence (primary line only)" 1 "" -- "$s/noteline.c" -- $inc

# --show-suppressed
check "--show-suppressed: exit 0 still" 0 "" -- --show-suppressed "$s/trailing.c" -- $inc
out_has "--show-suppressed prints silenced findings, marked" "trailing.c:7:5: error: .*\[duplicate-variable,suppressed\]"
check "--format json --show-suppressed" 0 "" -- --format json --show-suppressed "$s/trailing.c" -- $inc
python3 - "$tmp/out" <<'PY' && ok "json: the finding has \"suppressed\": true" || notok "json: the finding has \"suppressed\": true" "$(head -c 600 "$tmp/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert [f["suppressed"] for f in d["findings"] if f["rule"] == "duplicate-variable"] == [True], d
PY

# --report-unused-ignores
prog "$s/unused.c" "$DUP // scopecheck: ignore[duplicate-variable]" \
    "    // scopecheck: ignore[missing-dtype]" "$DUP // NOLINT(scopecheck-duplicate-variable)" \
    "    int a = 0; // NOLINT(scopecheck-scope-leak)" "    int b = 0; // NOLINT" \
    "    int c = 0; // NOLINT(bugprone-branch-clone)" "    int d = 0; // scopecheck: ignore" \
    "    (void)a; (void)b; (void)c; (void)d;"
check "without --report-unused-ignores: nothing about them" 0 "" -- "$s/unused.c" -- $inc
out_lacks "without --report-unused-ignores: no unused-suppression" "unused-suppression"
check "--report-unused-ignores: warnings only, exit 0" 0 "" -- --report-unused-ignores "$s/unused.c" -- $inc
out_has "unused ignore[rule] is reported, at the comment" "unused.c:8:8: warning: 'scopecheck: ignore\[missing-dtype\]' silences nothing: no missing-dtype finding on line 9 \[unused-suppression\]"
out_has "unused NOLINT(scopecheck-rule) is reported" "unused.c:10:19: warning: 'NOLINT\(scopecheck-scope-leak\)' silences nothing.*\[unused-suppression\]"
out_has "unused bare ignore is reported" "unused.c:13:19: warning: 'scopecheck: ignore' silences nothing: no finding on line 13"
[ "$(count unused-suppression)" -eq 3 ] && ok "used ones, bare NOLINT and other tools' NOLINTs are not reported" ||
    notok "used ones, bare NOLINT and other tools' NOLINTs are not reported" "$(grep unused-suppression "$tmp/out")"
prog "$s/unused_range.c" "    // NOLINTBEGIN(scopecheck-missing-dtype)" "    int a = 0; (void)a;" "    // NOLINTEND(scopecheck-missing-dtype)"
check "unused NOLINTBEGIN range" 0 "" -- --report-unused-ignores "$s/unused_range.c" -- $inc
out_has "unused NOLINTBEGIN is reported with its lines" "unused_range.c:7:8: warning: 'NOLINTBEGIN\(scopecheck-missing-dtype\)' silences nothing: no scopecheck-missing-dtype finding in lines 7-9"
check "--enable=unused-suppression turns the report on" 0 "" -- --enable=unused-suppression "$s/unused.c" -- $inc
[ "$(count unused-suppression)" -eq 3 ] && ok "--enable=unused-suppression: the same 3" || notok "--enable=unused-suppression: the same 3" "$(cat "$tmp/out")"
check "--report-unused-ignores --disable=unused-suppression" 0 "" -- --report-unused-ignores --disable=unused-suppression "$s/unused.c" -- $inc
out_lacks "--disable=unused-suppression wins" "unused-suppression"
check "--report-unused-ignores --disable=missing-dtype" 0 "" -- --report-unused-ignores --disable=missing-dtype "$s/unused.c" -- $inc
out_lacks "suppressions of a disabled rule are not reported as unused" "missing-dtype finding"
check "unused suppressions with --quiet" 0 "" -- --quiet --report-unused-ignores "$s/unused.c" -- $inc
err_lacks "--quiet: no summary line" "^scopecheck: [0-9]+ error"

# ---- configurations ----------------------------------------------------------
c=$tmp/cfg; mkdir -p "$c/proj/sub" "$c/proj/gen" "$c/proj/vendor/third_party/x" "$c/other"
prog "$c/proj/a.c" "$DUP" "$REN1" "$REN1"
prog "$c/proj/sub/b.c" "$DUP"
prog "$c/proj/gen/g.c" "$DUP"
prog "$c/proj/vendor/third_party/x/t.c" "$DUP"
prog "$c/other/o.c" "$DUP"
conf() { printf '%s\n' "$@" > "$c/proj/.scopecheck.json"; }

conf '{"rules": {"duplicate-variable": "off"}}'
check "config: a rule off" 0 "" -- "$c/proj/a.c" -- $inc
out_lacks "config: the rule's findings are gone" "duplicate-variable"
out_has "config: other rules still report" "variable-renamed"
check "config: --enable wins over \"off\"" 1 "" -- --enable=duplicate-variable "$c/proj/a.c" -- $inc
check "config: --show-suppressed does not show rules that are off" 0 "" -- --show-suppressed "$c/proj/a.c" -- $inc
out_lacks "config: off is off" "duplicate-variable"

conf '{"rules": {"duplicate-variable": "warning", "variable-renamed": "note"}}'
check "config: error lowered to warning: exit 0" 0 "" -- "$c/proj/a.c" -- $inc
out_has "config: printed as a warning" "a.c:7:5: warning: .*\[duplicate-variable\]"
out_has "config: warning lowered to note" "a.c:9:5: note: .*\[variable-renamed\]"
conf '{"rules": {"variable-renamed": "error", "duplicate-variable": "off"}}'
check "config: warning raised to error: exit 1" 1 "" -- "$c/proj/a.c" -- $inc
check "config: files outside it are not affected" 1 "" -- "$c/other/o.c" -- $inc
out_has "config: outside, the rule still reports" "o.c:7:5: error:.*duplicate-variable"

printf '{"rules": {"duplicate-variable": "note"}}\n' > "$c/proj/sub/.scopecheck.json"
conf '{"rules": {"duplicate-variable": "off"}}'
check "config: the nearest one wins" 0 "" -- "$c/proj/sub/b.c" "$c/proj/a.c" -- $inc
out_has "config: nearest (sub/) says note" "sub/b.c:7:5: note:.*duplicate-variable"
out_lacks "config: the parent's says off for a.c" "a.c:7:5.*duplicate-variable"
rm "$c/proj/sub/.scopecheck.json"

printf '{"rules": {"duplicate-variable": "warning"}}\n' > "$tmp/forced.json"
check "--config FILE is used for every file" 0 "" -- --config "$tmp/forced.json" "$c/proj/a.c" "$c/other/o.c" -- $inc
[ "$(grep -cE "warning: .*\[duplicate-variable\]" "$tmp/out")" -eq 2 ] && ok "--config FILE: both files take it" ||
    notok "--config FILE: both files take it" "$(cat "$tmp/out")"
check "--config=FILE form" 0 "" -- --config="$tmp/forced.json" "$c/other/o.c" -- $inc
printf '{"exclude": ["cfg/proj/gen"]}\n' > "$tmp/forced.json"
check "--config FILE: exclude is relative to FILE's directory" 1 "" -- --config "$tmp/forced.json" "$c/proj" -- $inc
out_lacks "--config FILE: the excluded directory" "/g\.c:"
out_has "--config FILE: the others" "/b\.c:7:5"
printf '{"exclude": ["../other"]}\n' > "$c/proj/forced2.json"
check "--config FILE: files outside its directory match ../ globs" 1 "" -- --config "$c/proj/forced2.json" "$c/other/o.c" "$c/proj/a.c" -- $inc
out_lacks "--config FILE: ../other excluded" "/o\.c:"
rm "$c/proj/forced2.json"
check "--config missing file: exit 2" 2 "nope.json: cannot read: No such file" -- --config "$tmp/nope.json" "$c/other/o.c" -- $inc

conf '{"exclude": ["gen", "vendor/third_party/*", "sub/b.c"]}'
check "config: excluded files are not checked" 1 "" -- "$c/proj" -- $inc
out_lacks "config: exclude a directory name" "/g\.c:"
out_lacks "config: exclude a glob" "/t\.c:"
out_lacks "config: exclude a path" "/b\.c:"
out_has "config: the rest is checked" "a.c:7:5"
conf '{"exclude": ["third_party"]}'
check "config: a glob without / matches any component" 1 "" -- "$c/proj" -- $inc
out_lacks "config: third_party anywhere below is excluded" "/t\.c:"
conf '{"exclude": ["*.c"]}'
check "config: everything excluded: exit 0" 0 "" -- "$c/proj" -- $inc
out_lacks "config: nothing reported" "error"

printf '%s\n' '#include "varscope.h"' 'static inline void twice(vs_graph *g)' '{' \
    '    vs_get_variable(g, "h", .shape = VS_SHAPE(2));' '    vs_get_variable(g, "h", .shape = VS_SHAPE(2));' \
    '}' > "$c/proj/vendor/twice.h"
printf '%s\n' '#include "vendor/twice.h"' 'int main(void)' '{' '    vs_graph *g = vs_graph_new();' \
    '    twice(g);' '    vs_graph_free(g);' '    return 0;' '}' > "$c/proj/usehdr.c"
conf '{}'
check "a finding in a header" 1 "" -- "$c/proj/usehdr.c" -- $inc
out_has "a finding in a header: reported at the header" "twice\.h:5:5: error"
conf '{"exclude": ["vendor"]}'
check "config: findings in excluded headers are dropped" 0 "" -- "$c/proj/usehdr.c" -- $inc
rm "$c/proj/usehdr.c"

printf '%s\n' '#include "varscope.h"' 'int main(void)' '{' '    vs_graph *g = vs_graph_new();' \
    '#ifdef WANT_DUP' '    vs_get_variable(g, "w", .shape = VS_SHAPE(2));' '    vs_get_variable(g, "w", .shape = VS_SHAPE(2));' \
    '#endif' '    vs_graph_free(g);' '    return 0;' '}' > "$c/proj/flags.c"
conf '{}'
check "config: without extra_args the #ifdef is off" 0 "" -- "$c/proj/flags.c" -- $inc
conf '{"extra_args": ["-DWANT_DUP"]}'
check "config: extra_args reach the compiler" 1 "" -- "$c/proj/flags.c" -- $inc
out_has "config: extra_args: the finding under #ifdef" "flags.c:7:5: error"
check "config: extra_args with a compile database's flags too" 1 "" -- "$c/proj/flags.c" -- $inc -DOTHER

printf '%s\n' '#include "varscope.h"' \
    'vs_var *my_get(vs_graph *g, const char *name, const vs_get_variable_opts *o,' \
    '               const char *file, int line);' \
    'int main(int argc, char **argv)' '{' '    vs_graph *g = vs_graph_new();' \
    '    vs_get_variable_opts o = {0};' '    o.shape = VS_SHAPE(2);' \
    '    my_get(g, "w", &o, __FILE__, __LINE__);' '    my_get(g, "w", &o, __FILE__, __LINE__);' \
    '    vs_get_variable(g, argc > 1 ? argv[1] : "v", .shape = VS_SHAPE(2));' \
    '    vs_get_variable(g, "v", .shape = VS_SHAPE(2));' \
    '    vs_graph_free(g);' '    return 0;' '}' > "$c/proj/wrap.c"
conf '{}'
check "config: a wrapper is unknown without \"library\"" 0 "" -- "$c/proj/wrap.c" -- $inc
conf '{"library": {"my_get": "vs_get_variable_at"}}'
check "config: \"library\" makes the wrapper a varscope call" 1 "" -- "$c/proj/wrap.c" -- $inc
out_has "config: library: the duplicate through the wrapper" "wrap.c:10:5: error: .*duplicate-variable"
out_lacks "config: not strict: no could-fail warnings" "could fail"
conf '{"library": {"my_get": "vs_get_variable_at"}, "strict": true}'
check "config: \"strict\": true" 1 "" -- "$c/proj/wrap.c" -- $inc
out_has "config: strict: could-fail warnings" "wrap.c:11:5: warning: this call could fail"
conf '{"library": {"my_get": "vs_get_variable_at"}, "strict": false}'
check "config: --strict wins over \"strict\": false" 1 "" -- --strict "$c/proj/wrap.c" -- $inc
out_has "config: --strict: could-fail warnings" "could fail"
printf '{"strict": true}\n' > "$c/other/.scopecheck.json"
cp "$c/proj/wrap.c" "$c/other/wrap2.c"
conf '{"library": {"my_get": "vs_get_variable_at"}}'
check "config: strict for one tree only" 1 "" -- "$c/proj/wrap.c" "$c/other/wrap2.c" -- $inc
out_has "config: strict tree: could-fail warnings" "wrap2.c:11:5: warning: this call could fail"
out_lacks "config: other tree: none" "/wrap.c:11:5: warning: this call could fail"
rm "$c/other/.scopecheck.json" "$c/other/wrap2.c"
conf '{"library": {"my_get": "vs_get_variable_at"}}'
printf '{"library": {"my_get": "vs_variable_at"}}\n' > "$c/other/.scopecheck.json"
check "config: one name, two meanings in one run: exit 2" 2 "\"my_get\" is \"vs_[a-z_]+\" here but \"vs_[a-z_]+\" in " -- "$c/proj/wrap.c" "$c/other/o.c" -- $inc
rm "$c/other/.scopecheck.json"

# bad configurations: file, line, key; other files still checked
badconf() {   # NAME REGEX CONTENT...
    local name=$1 re=$2; shift 2
    printf '%s\n' "$@" > "$c/proj/.scopecheck.json"
    check "bad config: $name" 2 "$re" -- "$c/proj/a.c" "$c/other/o.c" -- $inc
    if grep -q "o.c:7:5: error" "$tmp/out" && ! grep -q "a.c:" "$tmp/out"; then
        ok "bad config: $name: other files checked, its own not"
    else
        notok "bad config: $name: other files checked, its own not" "$(cat "$tmp/out")"
    fi
}
cfgre="proj/\.scopecheck\.json"
badconf "unknown key, with its line" "$cfgre:4: \"rulez\": unknown key \(expected rules, exclude, extra_args, library, strict, inherit\)" \
    '{' '  "rules": {},' '  "exclude": [],' '  "rulez": {"a": "b"}' '}'
badconf "unknown rule id" "$cfgre:3: \"rules\": \"no-such-rule\": unknown rule" \
    '{"rules": {' '  "duplicate-variable": "off",' '  "no-such-rule": "off"}}'
badconf "unknown severity" "$cfgre:2: \"rules\": \"duplicate-variable\": unknown setting \"fatal\"" \
    '{"rules":' ' {"duplicate-variable": "fatal"}}'
badconf "severity of the wrong type" "$cfgre:1: \"rules\": \"duplicate-variable\": expected \"off\".*not a number" \
    '{"rules": {"duplicate-variable": 2}}'
badconf "rules not an object" "$cfgre:1: \"rules\": expected an object" '{"rules": ["duplicate-variable"]}'
badconf "exclude not an array" "$cfgre:2: \"exclude\": expected an array of strings, not a string" '{' '"exclude": "gen"}'
badconf "exclude element of the wrong type" "$cfgre:3: \"exclude\": element 2: expected a string, not a number" '{"exclude": [' '"gen",' '3]}'
badconf "extra_args of the wrong type" "$cfgre:1: \"extra_args\": expected an array of strings, not an object" '{"extra_args": {"a": 1}}'
badconf "strict of the wrong type" "$cfgre:1: \"strict\": expected true or false, not a string" '{"strict": "yes"}'
badconf "unknown canonical function" "$cfgre:1: \"library\": \"my_get\": unknown varscope function \"vs_get_variable\" \(did you mean \"vs_get_variable_at\"\?\)" \
    '{"library": {"my_get": "vs_get_variable"}}'
badconf "library name not a C identifier" "$cfgre:1: \"library\": \"my get\": not a C function name" '{"library": {"my get": "vs_get_variable_at"}}'
badconf "duplicate key" "$cfgre:3: \"strict\": duplicate key" '{"strict": true,' ' "rules": {},' ' "strict": false}'
badconf "not valid JSON, with the line" "$cfgre:3: not valid JSON" '{' '  "rules": {},' '  "exclude": [,]' '}'
badconf "truncated JSON" "$cfgre:2: not valid JSON \(it ends too early" '{"rules": {' '  "duplicate-variable": "off"'
badconf "a JSON array" "$cfgre:1: expected a JSON object" '["rules"]'
badconf "empty file" "$cfgre:1: not valid JSON \(the file is empty\)" ''
badconf "text after the document" "$cfgre:2: not valid JSON \(text after the end" '{}' '{}'
printf '{"rules": {"duplicate-variable": "\xff\xfe"}}\n' > "$tmp/utf8.json"
cp "$tmp/utf8.json" "$c/proj/.scopecheck.json"
check "bad config: invalid UTF-8" 2 "$cfgre:1: not valid UTF-8 \(byte 0xff\)" -- "$c/proj/a.c" "$c/other/o.c" -- $inc
printf '{"rules": {}}\0\n' > "$c/proj/.scopecheck.json"
check "bad config: a NUL byte" 2 "$cfgre:1: contains a NUL byte" -- "$c/proj/a.c" -- $inc
python3 -c 'import sys; sys.stdout.write("{\"exclude\": [" + ",".join(["\"x%d\"" % i for i in range(200000)]) + "]}")' > "$c/proj/.scopecheck.json"
check "bad config: over 1 MiB is refused" 2 "$cfgre: too large \([0-9]+ bytes; at most 1048576\)" -- "$c/proj/a.c" -- $inc
rm -f "$c/proj/.scopecheck.json"; truncate -s 100M "$c/proj/.scopecheck.json"
start=$SECONDS
check "bad config: 100 MB: refused" 2 "$cfgre: too large \(104857600 bytes" -- "$c/proj/a.c" -- $inc
[ $((SECONDS - start)) -lt 30 ] && ok "bad config: 100 MB: refused without reading it" || notok "bad config: 100 MB: took $((SECONDS - start)) s"
rm -f "$c/proj/.scopecheck.json"; mkdir "$c/proj/.scopecheck.json"
check "bad config: a directory named .scopecheck.json" 2 "$cfgre: cannot read: it is a directory" -- "$c/proj/a.c" -- $inc
rmdir "$c/proj/.scopecheck.json"
python3 -c 'print("{\"rules\": {" + ", ".join(["\"bad%d\": \"off\"" % i for i in range(100)]) + "}}")' > "$c/proj/.scopecheck.json"
check "bad config: 100 problems" 2 "scopecheck.json: 80 more problems" -- "$c/proj/a.c" -- $inc
[ "$(grep -c "unknown rule" "$tmp/err")" -eq 20 ] && ok "bad config: at most 20 messages per file" || notok "bad config: at most 20 messages per file" "$(grep -c "unknown rule" "$tmp/err")"
rm -f "$c/proj/.scopecheck.json"

# ---- baselines ---------------------------------------------------------------
b=$tmp/base; mkdir -p "$b/src"
prog "$b/src/m.c" "$DUP" "$REN1" "$REN1" "$DUP // scopecheck: ignore[duplicate-variable]"
check "--write-baseline: exit 0" 0 "wrote 2 findings to the baseline .*base.json" -- --write-baseline "$b/base.json" "$b/src/m.c" -- $inc
python3 - "$b/base.json" <<'PY' && ok "--write-baseline: version, tool, findings (not the suppressed one)" || notok "--write-baseline: the file" "$(cat "$b/base.json")"
import json, re, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["tool"] == "scopecheck", d
fs = d["findings"]
assert sorted(f["rule"] for f in fs) == ["duplicate-variable", "variable-renamed"], fs
assert all(re.fullmatch("[0-9a-f]{32}", f["fingerprint"]) for f in fs), fs
assert len({f["fingerprint"] for f in fs}) == 2, fs
assert all(f["file"].endswith("src/m.c") and f["message"] for f in fs), fs
PY
out_lacks "--write-baseline: what it records is not reported" "error|warning"
ls "$b" | grep -q "tmp" && notok "--write-baseline: no temporary file left" "$(ls "$b")" || ok "--write-baseline: no temporary file left"
check "--baseline: known findings are silent, exit 0" 0 "" -- --baseline "$b/base.json" "$b/src/m.c" -- $inc
out_lacks "--baseline: nothing printed" "error|warning"
check "--baseline --show-suppressed shows them" 0 "" -- --show-suppressed --baseline "$b/base.json" "$b/src/m.c" -- $inc
out_has "--baseline --show-suppressed: marked suppressed" "duplicate-variable,suppressed"
cp "$b/src/m.c" "$b/m.orig"
sed -i '1i /* a new comment */\n' "$b/src/m.c"
sed -i 's/^    vs_graph_free(g);/    vs_get_variable(g, "w", .shape = VS_SHAPE(2));\n    vs_graph_free(g);/' "$b/src/m.c"
check "--baseline: lines moved, one new finding: exit 1" 1 "" -- --baseline "$b/base.json" "$b/src/m.c" -- $inc
[ "$(count duplicate-variable)" -eq 1 ] && [ "$(count variable-renamed)" -eq 0 ] &&
    ok "--baseline: only the new finding is reported (fingerprints ignore line numbers)" ||
    notok "--baseline: only the new finding is reported" "$(cat "$tmp/out")"
sed -i 's/^    vs_get_variable(g, "w", .shape = VS_SHAPE(2));$/        vs_get_variable( g, "w", .shape = VS_SHAPE(2) );/' "$b/src/m.c"
check "--baseline: reindented lines keep their fingerprints" 1 "" -- --baseline "$b/base.json" "$b/src/m.c" -- $inc
cp "$b/m.orig" "$b/src/m.c"
sed -i '0,/^    vs_get_variable(g, "w", .shape = VS_SHAPE(2));$/{//d}' "$b/src/m.c"   # first creation gone
check "--baseline: fixed findings: stale entries are mentioned" 0 "no longer occur" -- --baseline "$b/base.json" "$b/src/m.c" -- $inc
check "--baseline --quiet: no mention" 0 "" -- --quiet --baseline "$b/base.json" "$b/src/m.c" -- $inc
err_lacks "--quiet: nothing on stderr" "."
cp "$b/m.orig" "$b/src/m.c"
weird="$b/with space 'and\" quotes.json"
check "--write-baseline to a path with spaces and quotes" 0 "" -- --write-baseline "$weird" "$b/src/m.c" -- $inc
check "--baseline from a path with spaces and quotes" 0 "" -- --baseline "$weird" "$b/src/m.c" -- $inc
check "--write-baseline --quiet: no message" 0 "" -- --quiet --write-baseline "$b/q.json" "$b/src/m.c" -- $inc
err_lacks "--write-baseline --quiet: nothing on stderr" "."
check "--write-baseline into a missing directory: exit 2" 2 "nodir/b.json: cannot write the baseline: No such file" -- --write-baseline "$b/nodir/b.json" "$b/src/m.c" -- $inc
mkdir -p "$b/isdir"
check "--write-baseline onto a directory: exit 2" 2 "isdir: cannot write the baseline" -- --write-baseline "$b/isdir" "$b/src/m.c" -- $inc
ls "$b" | grep -q "tmp" && notok "failed writes leave no temporary file" "$(ls "$b")" || ok "failed writes leave no temporary file"
printf 'int main(void) { return 0 }\n' > "$b/src/broken.c"
cp "$b/base.json" "$b/keep.json"
check "--write-baseline when a file does not parse: exit 2" 2 "keep.json: baseline not written, because some files could not be checked" -- --write-baseline "$b/keep.json" "$b/src/m.c" "$b/src/broken.c" -- $inc
cmp -s "$b/base.json" "$b/keep.json" && ok "--write-baseline: the old file is untouched" || notok "--write-baseline: the old file is untouched"
rm "$b/src/broken.c"
# fingerprints: identical lines in one function are told apart
prog "$b/src/twice.c" "$DUP" "$DUP"
check "--write-baseline: two identical findings" 0 "" -- --write-baseline "$b/twice.json" "$b/src/twice.c" -- $inc
python3 -c 'import json,sys; fs=json.load(open(sys.argv[1]))["findings"]; assert len({f["fingerprint"] for f in fs}) == 2' "$b/twice.json" &&
    ok "identical lines get distinct fingerprints (occurrence index)" || notok "identical lines get distinct fingerprints" "$(cat "$b/twice.json")"
python3 - "$b/twice.json" "$b/src/twice.c" <<'PY' && ok "fingerprints are as report/fingerprint.h defines them (the file relative to the baseline)" || notok "fingerprints are as report/fingerprint.h defines them" "$(cat "$b/twice.json")"
import hashlib, json, os, struct, sys
def field(s):
    b = s.encode()
    return struct.pack("<Q", len(b)) + b
def fp(rule, file, function, line, occ):
    base = hashlib.sha256(field("scopecheck-fingerprint/1") + field(rule) + field(file) +
                          field(function) + field("".join(line.split()))).digest()
    return hashlib.sha256(base + field(str(occ))).hexdigest()[:32]
line = open(sys.argv[2]).read().split("\n")[6]
got = sorted(f["fingerprint"] for f in json.load(open(sys.argv[1]))["findings"])
rel = os.path.relpath(sys.argv[2], os.path.dirname(sys.argv[1]))
for function in ("", "main"):
    if got == sorted(fp("duplicate-variable", rel, function, line, k) for k in (0, 1)):
        sys.exit(0)
sys.exit(1)
PY
prog "$b/src/twice.c" "$DUP" "$DUP" "$DUP"
check "--baseline: a third identical finding is new" 1 "" -- --baseline "$b/twice.json" "$b/src/twice.c" -- $inc
[ "$(count duplicate-variable)" -eq 1 ] && ok "--baseline: exactly the third one" || notok "--baseline: exactly the third one" "$(cat "$tmp/out")"
check "--baseline with --exit-zero and new findings" 0 "" -- --exit-zero --baseline "$b/twice.json" "$b/src/twice.c" -- $inc

# bad baselines: exit 2, named, nothing written
badbase() {   # NAME REGEX (content in $b/bad.json)
    rm -f "$b/new.json"
    check "bad baseline: $1" 2 "$2" -- --baseline "$b/bad.json" --write-baseline "$b/new.json" "$b/src/m.c" -- $inc
    [ ! -e "$b/new.json" ] && ok "bad baseline: $1: nothing written" || notok "bad baseline: $1: nothing written"
    grep -q "m.c:7:5: error" "$tmp/out" && ok "bad baseline: $1: findings still reported" || notok "bad baseline: $1: findings still reported" "$(cat "$tmp/out")"
}
head -c 100 "$b/base.json" > "$b/bad.json"
badbase "truncated" "bad.json:[0-9]+: not valid JSON \(it ends too early"
printf '{"version": 1, "tool": "scopecheck", "findings": {"a": 1}}' > "$b/bad.json"
badbase "findings not an array" "bad.json:1: \"findings\": expected an array, not an object"
printf '{"version": 1,\n "findings": [\n  {"fingerprint": 12}]}' > "$b/bad.json"
badbase "fingerprint of the wrong type" "bad.json:3: \"findings\": entry 1: \"fingerprint\" must be 32 lowercase hex digits"
printf '{"version": 1, "findings": [{"fingerprint": "0123456789abcdef0123456789abcdef", "rule": 3}]}' > "$b/bad.json"
badbase "rule of the wrong type" "bad.json:1: \"findings\": entry 1: \"rule\" must be a string, not a number"
printf '{"version": 1, "findings": ["x"]}' > "$b/bad.json"
badbase "entry not an object" "bad.json:1: \"findings\": entry 1: expected an object, not a string"
printf '{"version": 2, "findings": []}' > "$b/bad.json"
badbase "another version" "bad.json:1: \"version\": unsupported version 2"
printf '{"findings": []}' > "$b/bad.json"
badbase "no version" "bad.json: not a scopecheck baseline"
printf '{"version": 1, "tool": "eslint", "findings": []}' > "$b/bad.json"
badbase "another tool's" "bad.json:1: \"tool\": expected \"scopecheck\""
printf '[1, 2]' > "$b/bad.json"
badbase "a JSON array" "bad.json:1: expected a JSON object"
printf '{"version": 1, "findings": [{"fingerprint": "\xc3\x28"}]}' > "$b/bad.json"
badbase "invalid UTF-8" "bad.json:1: not valid UTF-8"
: > "$b/bad.json"
badbase "empty" "bad.json:1: not valid JSON \(the file is empty\)"
rm -f "$b/bad.json"; truncate -s 100M "$b/bad.json"
start=$SECONDS
badbase "100 MB" "bad.json: too large \(104857600 bytes; at most 67108864\)"
[ $((SECONDS - start)) -lt 30 ] && ok "bad baseline: 100 MB refused without reading it" || notok "bad baseline: 100 MB took $((SECONDS - start)) s"
rm -f "$b/bad.json"
badbase "missing" "bad.json: cannot read: No such file"
check "bad baseline with --exit-zero: still exit 2" 2 "bad.json" -- --exit-zero --baseline "$b/bad.json" "$b/src/m.c" -- $inc
mkfifo "$b/fifo.json"
check "bad baseline: a FIFO is refused, not waited on" 2 "fifo.json: cannot read: not a regular file" -- --baseline "$b/fifo.json" "$b/src/m.c" -- $inc
rm -f "$b/fifo.json"

# baselines and configurations together: "off" rules are not recorded
printf '{"rules": {"variable-renamed": "off"}}\n' > "$b/src/.scopecheck.json"
check "--write-baseline with a config" 0 "wrote 1 finding to" -- --write-baseline "$b/c.json" "$b/src/m.c" -- $inc
rm "$b/src/.scopecheck.json"
check "--baseline: the rule turned back on is new" 0 "" -- --baseline "$b/c.json" "$b/src/m.c" -- $inc
out_has "--baseline: the renamed warnings show" "variable-renamed"

# unused suppressions can be baselined too
prog "$b/src/u.c" "$DUP // NOLINT(scopecheck-missing-dtype)"
check "--write-baseline with --report-unused-ignores" 0 "wrote 2 findings" -- --report-unused-ignores --write-baseline "$b/u.json" "$b/src/u.c" -- $inc
check "--baseline covers the unused suppression" 0 "" -- --report-unused-ignores --baseline "$b/u.json" "$b/src/u.c" -- $inc
out_lacks "--baseline: nothing left" "unused-suppression|duplicate-variable"
