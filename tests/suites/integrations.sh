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

# make install
if make -s install PREFIX="$tmp/inst" > "$tmp/inst.log" 2>&1; then
    ok "make install"
    PKG_CONFIG_PATH="$tmp/inst/lib/pkgconfig" cc -std=c11 fixtures/seed/in2_variable_renamed.c \
        $(PKG_CONFIG_PATH="$tmp/inst/lib/pkgconfig" pkg-config --cflags --libs varscope) \
        -Wl,-rpath,"$tmp/inst/lib" -o "$tmp/prog" && "$tmp/prog" | grep -q "x_1:0" &&
        ok "an installed varscope builds and runs a program (pkg-config)" ||
        notok "an installed varscope builds and runs a program (pkg-config)"
    "$tmp/inst/bin/scopecheck" --no-cache fixtures/seed/in3_reuse_needs_dtype.c -- -I"$tmp/inst/include" > /dev/null 2>&1
    [ $? -eq 1 ] && ok "the installed scopecheck runs (exit 1 on errors)" || notok "the installed scopecheck runs"
    MANWIDTH=80 man -l "$tmp/inst/share/man/man1/scopecheck.1" 2>/dev/null | grep -q "EXIT STATUS" &&
        ok "the man page is installed and renders" || notok "the man page is installed and renders"
else
    notok "make install" "$(tail -5 "$tmp/inst.log")"
fi
