#!/usr/bin/env bash
# The integrations under contrib/ and `make install`: the problem matchers
# (GitHub, VS Code) read every finding of the text output exactly as the
# JSON output states it; the git pre-commit hook refuses a commit with
# errors and lets a clean one through; an installed tree (pkg-config,
# the man page, the binary) works.
set -u
cd "$(dirname "$0")/../.."
root=$PWD
sc=$root/build/scopecheck-san
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }

"$sc" --no-cache fixtures/seed examples -- -Iinclude > "$tmp/text" 2>/dev/null
"$sc" --no-cache --format=json fixtures/seed examples -- -Iinclude > "$tmp/json" 2>/dev/null
for m in contrib/github/scopecheck-matcher.json contrib/vscode/tasks.json; do
    python3 - "$m" "$tmp/text" "$tmp/json" <<'PY' && ok "$m reads every finding of the text output" || notok "$m reads every finding of the text output"
import json, re, sys
raw = open(sys.argv[1]).read()
raw = "\n".join(l for l in raw.splitlines() if not l.strip().startswith("//"))
doc = json.loads(raw)
pat = doc["problemMatcher"][0]["pattern"][0] if "problemMatcher" in doc and isinstance(doc["problemMatcher"], list) \
      else doc["tasks"][0]["problemMatcher"]["pattern"]
rx = re.compile(pat["regexp"])
got = []
for line in open(sys.argv[2]):
    m = rx.match(line.rstrip("\n"))
    if m:   # a finding's first line; its notes carry no [rule] and do not match
        got.append((m.group(pat["file"]), int(m.group(pat["line"])), m.group(pat["severity"]), m.group(pat["code"])))
want = [(f["file"], f["range"]["start"]["line"], f["severity"], f["rule"])
        for f in json.load(open(sys.argv[3]))["findings"]]
# notes attached to findings have no [rule] and must not match
sys.exit(0 if sorted(got) == sorted(want) and len(want) > 0 else 1)
PY
done

# the git pre-commit hook
mkdir -p "$tmp/repo" && cd "$tmp/repo" && git init -q && git config user.email t@t && git config user.name t
cp "$root/contrib/git-hooks/pre-commit" .git/hooks/pre-commit
mkdir -p bin && ln -s "$sc" bin/scopecheck
export PATH="$tmp/repo/bin:$PATH" SCOPECHECK_FLAGS="-I$root/include"
cp "$root/fixtures/seed/in2_variable_renamed.c" clean.c
git add clean.c
git commit -qm clean > /dev/null 2>&1 && ok "pre-commit hook: a warning-only file is committed" ||
    notok "pre-commit hook: a warning-only file is committed"
cp "$root/fixtures/seed/in3_reuse_needs_dtype.c" bad.c
git add bad.c
if git commit -qm bad > /dev/null 2> "$tmp/hook"; then
    notok "pre-commit hook: a file with errors is refused"
else
    grep -q "scopecheck found errors" "$tmp/hook" && ok "pre-commit hook: a file with errors is refused" ||
        notok "pre-commit hook: a file with errors is refused" "$(cat "$tmp/hook")"
fi
cd "$root"

# make install: staged with DESTDIR, then moved elsewhere (a relocatable
# tree: nothing of the build tree is compiled in); make uninstall
stage=$tmp/stage prefix=/opt/scopecheck-test
if make -s install DESTDIR="$stage" PREFIX="$prefix" > "$tmp/inst.log" 2>&1; then
    ok "make install DESTDIR=... PREFIX=..."
    mv "$stage$prefix" "$tmp/moved"; inst=$tmp/moved
    so=$inst/lib/libvarscope.so
    [ "$(readlink "$so")" = libvarscope.so.1 ] && [ "$(readlink "$so.1")" = libvarscope.so.1.0.0 ] &&
        readelf -d "$so.1.0.0" | grep -q 'Library soname: \[libvarscope.so.1\]' &&
        ok "libvarscope.so.1.0.0 has the SONAME libvarscope.so.1, with its two links" ||
        notok "libvarscope.so.1.0.0 has the SONAME libvarscope.so.1" "$(ls -l "$inst/lib"; readelf -d "$so.1.0.0" | grep SONAME)"
    pc() { PKG_CONFIG_PATH="$inst/lib/pkgconfig" pkg-config "$@" varscope; }
    cc -std=c11 fixtures/seed/in2_variable_renamed.c $(pc --cflags --libs) \
        -Wl,-rpath,"$inst/lib" -o "$tmp/prog" && "$tmp/prog" | grep -q "x_1:0" &&
        readelf -d "$tmp/prog" | grep -q 'NEEDED.*libvarscope.so.1\]' &&
        ok "a moved install builds and runs a program with pkg-config (linked against the SONAME)" ||
        notok "a moved install builds and runs a program with pkg-config" "$(pc --cflags --libs)"
    if strings -a "$inst/bin/scopecheck" "$inst/lib/libvarscope.so.1.0.0" | grep -qF "$root"; then
        notok "the installed binaries hold no path of the build tree" \
            "$(strings -a "$inst/bin/scopecheck" | grep -F "$root" | head -3)"
    else
        ok "the installed binaries hold no path of the build tree"
    fi
    # the header is found beside the moved binary, with no flags: this
    # file compiles only with the installed copy of varscope.h
    echo '#define VS_TEST_INSTALLED_COPY 1' >> "$inst/include/varscope.h"
    mkdir -p "$tmp/user"
    { printf '#include "varscope.h"\n#ifndef VS_TEST_INSTALLED_COPY\n#error not the installed varscope.h\n#endif\n'
      cat fixtures/seed/in3_reuse_needs_dtype.c; } > "$tmp/user/a.c"
    (cd "$tmp/user" && "$inst/bin/scopecheck" --no-cache a.c > out 2> err)
    st=$?
    [ $st -eq 1 ] && grep -q "missing-dtype" "$tmp/user/out" &&
        ok "the moved scopecheck finds its own varscope.h with no flags (exit 1 on errors)" ||
        notok "the moved scopecheck finds its own varscope.h" "status $st" "$(cat "$tmp/user/err")"
    "$inst/bin/scopecheck" --no-cache --format sarif fixtures/seed/in3_reuse_needs_dtype.c -- -Iinclude > "$tmp/inst.sarif" 2>/dev/null
    "$sc" --no-cache --format sarif fixtures/seed/in3_reuse_needs_dtype.c -- -Iinclude > "$tmp/tree.sarif" 2>/dev/null
    python3 - "$tmp/inst.sarif" "$tmp/tree.sarif" <<'PY' && ok "the installed scopecheck's SARIF has the rules' tags and pages, as the build tree's" || notok "the installed scopecheck's SARIF has the rules' tags and pages"
import json, sys
a, b = (json.load(open(p))["runs"][0]["tool"]["driver"]["rules"] for p in sys.argv[1:])
want = {r["id"]: json.load(open("rules/%s.json" % r["id"])).get("tags", []) for r in b}
sys.exit(0 if a == b and all(r["properties"]["tags"][:len(want[r["id"]])] == want[r["id"]] and want[r["id"]]
                             for r in a) else 1)
PY
    MANWIDTH=80 man -l "$inst/share/man/man1/scopecheck.1" 2>/dev/null | grep -q "EXIT STATUS" &&
        ok "the man page is installed and renders" || notok "the man page is installed and renders"
    mv "$inst" "$stage$prefix"
    make -s uninstall DESTDIR="$stage" PREFIX="$prefix" > "$tmp/uninst.log" 2>&1
    left=$(find "$stage" -type f -o -type l)
    [ -z "$left" ] && ok "make uninstall removes every installed file" ||
        notok "make uninstall removes every installed file" "$left"
else
    notok "make install" "$(tail -5 "$tmp/inst.log")"
fi
