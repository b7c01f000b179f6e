#!/usr/bin/env bash
# The integrations under contrib/ that need no other program, and `make
# install`: the problem matchers (GitHub, VS Code) read every finding of
# the text output as the JSON output states it; the action and the
# workflow; the project's address in one place; an installed tree (a
# SONAME, relocatable, pkg-config, the man page, uninstall).  The editors
# and the hooks are tested with their programs (editors.sh, hooks.sh,
# lsp.sh).
set -u
cd "$(dirname "$0")/../.."
root=$PWD
sc=$root/build/scopecheck-san
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }

# problem matchers, applied as the tools apply them: GitHub's runner
# (actions/runner, src/Runner.Worker/IssueMatcher.cs: distinct owners, a
# matcher's default severity error, warning or notice, taken when the
# pattern captures none; annotations for error, warning and notice only)
# and VS Code (severities error, warning, info).  Every finding of the
# text output is read, with the JSON output's file, line, rule and
# severity, notes as notice (GitHub) or info (VS Code).
"$sc" --no-cache fixtures/seed examples fixtures/rules/scope-reentered -- -Iinclude > "$tmp/text" 2>/dev/null
"$sc" --no-cache --format=json fixtures/seed examples fixtures/rules/scope-reentered -- -Iinclude > "$tmp/json" 2>/dev/null
for m in contrib/github/scopecheck-matcher.json contrib/vscode/tasks.json; do
    python3 - "$m" "$tmp/text" "$tmp/json" <<'PY' && ok "$m reads every finding of the text output, with a severity the tool takes" || notok "$m reads every finding of the text output"
import json, re, sys
raw = open(sys.argv[1]).read()
raw = "\n".join(l for l in raw.splitlines() if not l.strip().startswith("//"))
doc = json.loads(raw)
github = "tasks" not in doc
matchers = doc["problemMatcher"] if github else doc["tasks"][0]["problemMatcher"]
accepted = {"error", "warning", "notice"} if github else {"error", "warning", "info"}
if github:
    owners = [m["owner"].lower() for m in matchers]
    assert len(set(owners)) == len(owners), "duplicate owners"
    assert all(m.get("severity", "").lower() in {"", "error", "warning", "notice"} for m in matchers)
got = []
for line in open(sys.argv[2]):
    line = line.rstrip("\n")
    for m in matchers:
        pat = m["pattern"][0] if isinstance(m["pattern"], list) else m["pattern"]
        # ECMAScript regexes (RegexOptions.ECMAScript): this one is also Python's
        r = re.match(pat["regexp"], line)
        if not r:
            continue
        sev = r.group(pat["severity"]) if "severity" in pat else ""
        sev = (sev or m.get("severity") or "error").lower()
        if sev in accepted:     # the rest is dropped
            got.append((r.group(pat["file"]), int(r.group(pat["line"])), sev, r.group(pat["code"])))
note = "notice" if github else "info"
want = [(f["file"], f["range"]["start"]["line"],
         note if f["severity"] == "note" else f["severity"], f["rule"])
        for f in json.load(open(sys.argv[3]))["findings"]]
ok = sorted(got) == sorted(want) and any(w[2] == note for w in want) and len(want) > 5
if not ok:
    print("# got", sorted(set(got) ^ set(want))[:10])
sys.exit(0 if ok else 1)
PY
done

# the project's address is written once (src/scopecheck/version.h); every
# other mention of it (the action in workflows, pre-commit's repo:, links)
# must be the same
python3 - <<'PY' && ok "the project's address: version.h's, everywhere it is named" || notok "the project's address: version.h's, everywhere it is named"
import re, subprocess, sys
home = re.search(r'#define SC_HOMEPAGE "https://github.com/([^"/]+/[^"/]+)"',
                 open("src/scopecheck/version.h").read()).group(1)
files = subprocess.run(["git", "ls-files"], capture_output=True, text=True).stdout.split()
files += [f for f in ["action.yml", ".pre-commit-hooks.yaml", "contrib/github/scopecheck.yml"]]
bad = []
for f in set(files):
    try:
        text = open(f, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError):
        continue
    for m in re.finditer(r"github\.com/([\w.-]+/scopecheck)\b|uses: ([\w.-]+/scopecheck)@", text):
        name = m.group(1) or m.group(2)
        if name != home:
            bad.append((f, name))
mentions = open("contrib/github/scopecheck.yml").read()
if "uses: " + home + "@" not in mentions:
    bad.append(("contrib/github/scopecheck.yml", "does not use the action"))
if bad:
    print("# " + repr(bad[:5]))
sys.exit(1 if bad else 0)
PY

# the composite action and the workflow, as GitHub reads them
if python3 -c 'import yaml' 2>/dev/null; then
    python3 - action.yml contrib/github/scopecheck.yml <<'PY' && ok "action.yml is a composite action whose steps name their shell and take inputs through env (no \${{ }} in scripts); the workflow uses it" || notok "action.yml and the workflow"
import re, sys, yaml
act = yaml.safe_load(open(sys.argv[1]))
wf = yaml.safe_load(open(sys.argv[2]))
steps = act["runs"]["steps"]
assert act["runs"]["using"] == "composite" and act["name"] and act["description"]
for st in steps:
    assert st.get("shell") in ("bash", "sh"), st
    assert "${{" not in st.get("run", ""), "an expression inside a script: injection"
    for v in (st.get("env") or {}).values():
        for name in re.findall(r"inputs\.(\w+)", str(v)):
            assert name in act["inputs"], name
jobs = list(wf["jobs"].values())
uses = [s.get("uses", "") for s in jobs[0]["steps"]]
assert any(u.startswith("actions/checkout@") for u in uses)
assert any(re.match(r"[\w.-]+/scopecheck@", u) for u in uses)
assert wf["permissions"]["security-events"] == "write"
PY
elif [ "${CI:-}" = true ]; then
    notok "action.yml and the workflow: python3-yaml is missing under CI"
else
    echo "# SKIP action.yml and the workflow: python3 has no yaml module (apt-get install python3-yaml)"
fi

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
