#!/usr/bin/env bash
# The SARIF and GitHub output formats (--format sarif|github).
#
# (a) SARIF documents hold what GitHub code scanning reads (GitHub Docs,
# "SARIF support for code scanning"; SARIF 2.1.0), and every one
#     the suite makes validates:
#     - always, against our JSON schema of SARIF 2.1.0 and GitHub's
#       requirements (tests/formats/sarif-2.1.0-github.schema.json, written
#       from the standard, not copied) with python3's jsonschema (Debian
#       package python3-jsonschema), by tests/formats/validate-sarif.py;
#       hand-broken documents show that the schema does reject;
#     - and, when tests/formats/node_modules holds it (npm ci --prefix
#       tests/formats; .ci/run tries, but the npm registry may be out of
#       reach), with Microsoft's SARIF Multitool (`validate --rule-kind
#       Sarif;Ghas`, pinned in tests/formats/package.json);
# (b) primaryLocationLineHash equals what GitHub's own algorithm computes
#     (tests/formats/fingerprint.js under Node.js, an independent port
#     checked against the codeql-action test vectors; it needs no npm
#     package), and the fingerprints do not move when lines are added above
#     a finding;
# (c) URIs are relative to the working directory, percent-encoded, with
#     %SRCROOT%; columns are code points;
# (d) GitHub workflow commands: exact lines, escaping, the 10-per-severity
#     cap with its notice and the log group.
#
# Needs python3.  Without python3's jsonschema or Node.js the parts that need
# them skip, except under CI (CI=true: .ci/run installs python3-jsonschema,
# and Debian's nodejs where no Node.js is installed), where that is a
# failure; the Multitool part skips whenever tests/formats/node_modules is
# missing.
set -u
cd "$(dirname "$0")/../.."
root=$(pwd -P)
sc=$root/build/scopecheck-san
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tmp=$(cd "$tmp" && pwd -P)
mkdir -p "$tmp/sarif"
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done; }
skip() { echo "ok - $1 # SKIP $2"; }
# result NAME COMMAND...: ok when the command succeeds, else its output as
# the diagnostic
result() {
    local name=$1 out; shift
    if out=$("$@" 2>&1); then ok "$name"; else notok "$name" "$(head -c 2000 <<<"$out")"; fi
}
# run NAME STATUS OUT ARGS...: scopecheck with ARGS in the current
# directory, stdout to OUT; the exit status and a clean stderr are checked
run() {
    local name=$1 want=$2 out=$3; shift 3
    "$sc" "$@" > "$out" 2> "$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        notok "$name: exit status" "got $got, expected $want" "$(head -c 800 "$tmp/err")"
        return 1
    fi
    if grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$tmp/err"; then
        notok "$name: no sanitizer report" "$(head -c 800 "$tmp/err")"
        return 1
    fi
    return 0
}

# ---- the validators -----------------------------------------------------
in_ci=false
[ "${CI:-}" = "true" ] && in_ci=true
# needs WHY NAME COMMAND...: result when WHY is empty; else a skip, or under
# CI a failure (CI installs what these tests need)
needs() {
    local why=$1 name=$2; shift 2
    if [ -z "$why" ]; then result "$name" "$@"
    elif $in_ci; then notok "$name" "$why (CI must not skip this)"
    else skip "$name" "$why"; fi
}

# our JSON schema with python3's jsonschema
vs=$root/tests/formats/validate-sarif.py
schema_why=""
if ! schema_about=$(python3 "$vs" --about 2>&1); then
    schema_why="python3's jsonschema is not usable (Debian: python3-jsonschema): $schema_about"
    schema_about=""
fi

# Node.js: Debian's nodejs package installs node (older ones: nodejs)
node=$(command -v node || command -v nodejs || true)
node_why=""
[ -n "$node" ] || node_why="Node.js is not installed (Debian: nodejs)"

# the SARIF Multitool, from npm (pinned in tests/formats/package-lock.json):
# installed by .ci/run when the registry answers, or by hand with
# `npm ci --prefix tests/formats`; this suite does not install it
mt=""
mt_why=""
pkg=$root/tests/formats/node_modules/@microsoft/sarif-multitool
if [ -n "$node_why" ]; then
    mt_why=$node_why
else
    if [ ! -d "$pkg" ]; then
        mt_why="npm registry not reachable: no tests/formats/node_modules (npm ci --prefix tests/formats)"
    else
        mt=$("$node" -e 'console.log(require(process.argv[1]))' "$pkg" 2> /dev/null)
        [ -n "$mt" ] && [ -f "$mt" ] && [ ! -x "$mt" ] && chmod u+x "$mt"
        if [ -z "$mt" ] || [ ! -x "$mt" ]; then
            notok "the SARIF Multitool in tests/formats/node_modules is usable" \
                  "$pkg does not give an executable: rm -rf tests/formats/node_modules; npm ci --prefix tests/formats"
            mt=""
        fi
    fi
fi
# node_test NAME COMMAND...: needs Node.js
node_test() {
    needs "$node_why" "$@"
}

# ---- (a) SARIF: the document ---------------------------------------------
all=$tmp/sarif/all.sarif
run "sarif over every fixture" 1 "$all" --format sarif fixtures/seed/*.c fixtures/rules/*/*.c -- -Iinclude &&
    ok "sarif over every fixture: exit status 1, clean stderr"
"$sc" --list-rules | awk '{print $1}' > "$tmp/rule_ids"

cat > "$tmp/structure.py" <<'PY'
import json, os, re, sys, urllib.parse
path, cwd, rule_ids, rules_dir = sys.argv[1:5]
d = json.load(open(path))
bad = []
def need(c, msg):
    if not c:
        bad.append(msg)
need(d.get("$schema") == "https://json.schemastore.org/sarif-2.1.0.json", "$schema")
need(d.get("version") == "2.1.0", "version")
need(len(d.get("runs", [])) == 1, "one run")
run = d["runs"][0]
drv = run["tool"]["driver"]
need(drv.get("name") == "scopecheck", "driver.name")
need(re.fullmatch(r"\d+\.\d+\.\d+.*", drv.get("version", "")) and drv.get("semanticVersion") == drv.get("version"), "version/semanticVersion")
need(drv.get("informationUri", "").startswith("https://"), "informationUri")
ids = open(rule_ids).read().split()
rules = drv.get("rules", [])
need([r["id"] for r in rules][:len(ids)] == ids, "rules in the registry's order: %s" % [r["id"] for r in rules])
for r in rules:
    rid = r["id"]
    # SARIF 2.1.0 3.49.7: name is optional and, when identical to the id,
    # must be omitted (the Multitool's SARIF1001 compares without case)
    camel = "".join(p.capitalize() for p in rid.split("-"))
    need(r.get("name") == (None if camel.lower() == rid.lower() else camel), "%s: name %r" % (rid, r.get("name")))
    if not os.path.exists(os.path.join(rules_dir, rid + ".json")):
        bad.append("%s: no rules/%s.json" % (rid, rid))
        continue
    meta = json.load(open(os.path.join(rules_dir, rid + ".json")))
    doc = open(os.path.join(rules_dir, rid + ".md")).read()
    need(r["shortDescription"]["text"] == meta["summary"], "%s: shortDescription" % rid)
    m = re.search(r"^## What it finds\n\s*\n(.*?)(?:\n\s*\n|\n#|\Z)", doc, re.S | re.M)
    para = " ".join(l.strip() for l in m.group(1).splitlines()) if m else None
    need(r["fullDescription"]["text"] == para, "%s: fullDescription %r" % (rid, r["fullDescription"]["text"][:80]))
    need(0 < len(r["shortDescription"]["text"]) <= 1024 and 0 < len(r["fullDescription"]["text"]) <= 1024, "%s: description lengths" % rid)
    need(r["help"]["text"] == doc and r["help"]["markdown"] == doc, "%s: help is the doc page" % rid)
    need(r.get("helpUri", "").endswith("/blob/main/rules/%s.md" % rid) and r["helpUri"].startswith(drv["informationUri"]), "%s: helpUri" % rid)
    need(r["defaultConfiguration"]["level"] == meta["severity"], "%s: level" % rid)
    tags = r["properties"]["tags"]
    need(all(t in tags for t in meta.get("tags", [])) and 0 < len(tags) <= 20 and len(set(tags)) == len(tags), "%s: tags %s" % (rid, tags))
    need(r["properties"]["precision"] == ("very-high" if meta.get("runtime") else "high"), "%s: precision" % rid)
root_uri = "file://" + urllib.parse.quote(cwd.rstrip("/") + "/")
need(run.get("columnKind") == "unicodeCodePoints", "columnKind")
need(run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri") == root_uri, "originalUriBaseIds %SRCROOT%")
inv = run["invocations"][0]
need(inv.get("workingDirectory", {}).get("uri") == root_uri, "workingDirectory")
need(isinstance(inv.get("executionSuccessful"), bool), "executionSuccessful")
res = run["results"]
need(len(res) <= 25000, "at most 25000 results")
v1 = []
for k, r in enumerate(res):
    where = "result %d (%s)" % (k, r.get("ruleId"))
    need(rules[r["ruleIndex"]]["id"] == r["ruleId"], where + ": ruleIndex")
    need(r["level"] in ("error", "warning", "note"), where + ": level")
    need(r["message"]["text"], where + ": message")
    need(len(r["locations"]) == 1, where + ": one location")
    pl = r["locations"][0]["physicalLocation"]
    reg = pl["region"]
    need(all(reg.get(x, 0) >= 1 for x in ("startLine", "startColumn", "endLine", "endColumn")), where + ": region fields >= 1: %s" % reg)
    need((reg["endLine"], reg["endColumn"]) > (reg["startLine"], reg["startColumn"]), where + ": end after start: %s" % reg)
    a = pl["artifactLocation"]
    need(not a["uri"].startswith("/") and (a.get("uriBaseId") == "%SRCROOT%") == (not a["uri"].startswith("file:")), where + ": uri %s" % a)
    fp = r.get("partialFingerprints", {})
    need(re.fullmatch(r"[0-9a-f]{1,16}:[1-9][0-9]*", fp.get("primaryLocationLineHash", "")), where + ": primaryLocationLineHash %r" % fp.get("primaryLocationLineHash"))
    need(re.fullmatch(r"[0-9a-f]+", fp.get("scopecheck/v1", "")), where + ": scopecheck/v1")
    v1.append(fp.get("scopecheck/v1"))
    rel = r.get("relatedLocations", [])
    rids = [x["id"] for x in rel]
    need(rids == list(range(1, len(rel) + 1)), where + ": related ids %s" % rids)
    need(len({json.dumps(x, sort_keys=True) for x in rel}) == len(rel), where + ": related locations unique")
    need(len(rel) + 1 <= 1000, where + ": at most 1000 locations")
    links = [int(x) for x in re.findall(r"(?<!\\)\]\((\d+)\)", r["message"]["text"])]
    need(all(1 <= x <= len(rel) for x in links) and (not rel or links), where + ": message links %s for %d related" % (links, len(rel)))
    for f in r.get("fixes", []):
        for ch in f["artifactChanges"]:
            for rep in ch["replacements"]:
                dr = rep["deletedRegion"]
                need(dr["byteOffset"] >= 0 and dr["byteLength"] >= 0, where + ": fix region")
need(len(set(v1)) == len(v1), "scopecheck/v1 fingerprints are unique")
if bad:
    print("\n".join(bad[:30]))
    sys.exit(1)
PY
result "sarif: driver, rules, results, locations, fingerprints as GitHub wants them" \
    python3 "$tmp/structure.py" "$all" "$root" "$tmp/rule_ids" "$root/rules"
result "sarif: every fixture's findings are results (same count as text output)" bash -c '
    n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"runs\"][0][\"results\"]))" "$1")
    m=$("$2" fixtures/seed/*.c fixtures/rules/*/*.c -- -Iinclude 2>/dev/null | grep -cE "^[^ ]+:[0-9]+:[0-9]+: (error|warning|note): .*\]$")
    [ "$n" -eq "$m" ] || { echo "$n results, $m findings in text"; exit 1; }' _ "$all" "$sc"

# a clean file: an empty results array
run "sarif, no findings" 0 "$tmp/sarif/empty.sarif" --format sarif fixtures/seed/in4_reuse_variables.c -- -Iinclude &&
    result "sarif, no findings: results is an empty array, rules all there" python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["results"] == [], run["results"]
assert len(run["tool"]["driver"]["rules"]) == int(sys.argv[2])
assert run["invocations"][0]["executionSuccessful"] is True' "$tmp/sarif/empty.sarif" "$(wc -l < "$tmp/rule_ids")"

# a file that cannot be checked: executionSuccessful false, a notification
printf 'int main(void) { return 0 }\n' > "$tmp/syntax.c"
run "sarif, a file that does not parse" 2 "$tmp/sarif/failure.sarif" --format sarif "$tmp/syntax.c" fixtures/seed/in2_variable_renamed.c -- -Iinclude &&
    result "sarif, a file that does not parse: executionSuccessful false, notification names it, other file reported" python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False, inv
notes = inv["toolExecutionNotifications"]
assert any(n["level"] == "error" and "syntax.c" in n["message"]["text"] for n in notes), notes
assert [r["ruleId"] for r in run["results"]] == ["variable-renamed"], run["results"]' "$tmp/sarif/failure.sarif"

# fixes: the replacement is the fix-it of the JSON output, in bytes
fx=fixtures/seed/in3_reuse_needs_dtype.c
run "json of $fx" 1 "$tmp/fix.json" --format json "$fx" -- -Iinclude &&
    result "sarif fixes: byte offsets and inserted text equal the JSON output's fix-its" python3 -c '
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
js = json.load(open(sys.argv[2]))["findings"]
a = [(r["ruleId"], [(rp["deletedRegion"]["byteOffset"], rp["deletedRegion"]["byteLength"], rp.get("insertedContent", {}).get("text", ""))
      for f in r.get("fixes", []) for ch in f["artifactChanges"] for rp in ch["replacements"]]) for r in res if "seed/in3" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
b = [(f["rule"], [(e["offset"], e["end_offset"] - e["offset"], e["text"]) for x in f["fixes"] for e in x["edits"]]) for f in js]
assert a == b and any(x[1] for x in a), (a, b)' "$all" "$tmp/fix.json"

# GitHub's limit: 25,000 results per run, the most severe kept, a notification
python3 - "$tmp/many.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('#include "varscope.h"\nint main(void)\n{\n    vs_graph *g = vs_graph_new();\n')
    f.write('    vs_get_variable(g, "d", .shape = VS_SHAPE(1));\n' * 3)
    f.write('    vs_variable(g, vs_scalar_i32(g, 1), .name = "x");\n' * 25003)
    f.write('    vs_graph_free(g);\n    return 0;\n}\n')
PY
run "sarif, 25,004 findings" 1 "$tmp/many.sarif" --format sarif "$tmp/many.c" -- -Iinclude &&
    result "sarif, 25,004 findings: 25,000 results, both errors kept, a notification says 4 were dropped" python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
res = run["results"]
assert len(res) == 25000, len(res)
assert sum(r["level"] == "error" for r in res) == 2
notes = run["invocations"][0]["toolExecutionNotifications"]
assert any(n["level"] == "warning" and n["message"]["text"].startswith("4 of 25004 results were dropped") for n in notes), notes' "$tmp/many.sarif"

# ---- (c) URIs and columns ------------------------------------------------
mkdir -p "$tmp/w/src dir" "$tmp/w/sub"
python3 - "$tmp/w/src dir/a b.c" <<'PY'
import sys
src = ('#include "varscope.h"\n'
       'int main(void)\n'
       '{\n'
       '    vs_graph *g = vs_graph_new();\n'
       '    vs_variable(g, vs_scalar_i32(g, 1), .name = "x");\n'
       '    /* caf\u00e9 \u20ac \U0001F600 */ vs_variable(g, vs_scalar_i32(g, 2), .name = "x");\n'
       '    vs_graph_free(g);\n'
       '    return 0;\n'
       '}\n')
open(sys.argv[1], "w", encoding="utf-8").write(src)
PY
cat > "$tmp/uri.py" <<'PY'
import json, sys, urllib.parse
sarif, cwd, src, want_uri, base = sys.argv[1:6]
run = json.load(open(sarif))["runs"][0]
assert run["columnKind"] == "unicodeCodePoints", run.get("columnKind")
root = "file://" + urllib.parse.quote(cwd + "/")
assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root, run["originalUriBaseIds"]
assert run["invocations"][0]["workingDirectory"]["uri"] == root
(r,) = run["results"]
pl = r["locations"][0]["physicalLocation"]
a = pl["artifactLocation"]
assert a["uri"] == want_uri, (a, want_uri)
assert a.get("uriBaseId") == (base or None), a
line = open(src, encoding="utf-8").read().split("\n")[5]
start = line.index("vs_variable") + 1
end = line.index(");") + 2
reg = pl["region"]
assert reg == {"startLine": 6, "startColumn": start, "endLine": 6, "endColumn": end}, (reg, start, end)
assert len(line[:start - 1].encode()) + 1 != start     # the byte column differs
PY
(cd "$tmp/w" && run "sarif, a path with spaces under the working directory" 0 "$tmp/sarif/spaces.sarif" \
        --format sarif "src dir/a b.c" -- -I"$root/include") &&
    result "sarif: relative, percent-encoded uri with %SRCROOT%; columnKind; code-point columns after UTF-8 text" \
        python3 "$tmp/uri.py" "$tmp/sarif/spaces.sarif" "$tmp/w" "$tmp/w/src dir/a b.c" "src%20dir/a%20b.c" "%SRCROOT%"
(cd "$tmp/w" && "$sc" "src dir/a b.c" -- -I"$root/include" 2> /dev/null) | grep -q '^src dir/a b.c:6:26: warning' &&
    ok "text output keeps byte columns (26 in bytes, 20 in characters)" ||
    notok "text output keeps byte columns (26 in bytes, 20 in characters)"
(cd "$tmp/w/sub" && run "sarif, a file outside the working directory" 0 "$tmp/sarif/outside.sarif" \
        --format sarif "../src dir/a b.c" -- -I"$root/include") &&
    result "sarif: a file outside the working directory gets an absolute file:// uri" \
        python3 "$tmp/uri.py" "$tmp/sarif/outside.sarif" "$tmp/w/sub" "$tmp/w/src dir/a b.c" \
        "file://$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$tmp/w/src dir/a b.c")" ""
# a link through a symlink is reported at the file it points to
ln -s "src dir" "$tmp/w/link"
(cd "$tmp/w" && run "sarif, a path through a symlink" 0 "$tmp/sarif/symlink.sarif" \
        --format sarif "link/a b.c" -- -I"$root/include") &&
    result "sarif: symlinks are resolved" \
        python3 "$tmp/uri.py" "$tmp/sarif/symlink.sarif" "$tmp/w" "$tmp/w/src dir/a b.c" "src%20dir/a%20b.c" "%SRCROOT%"

# ---- (b) fingerprints ----------------------------------------------------
fpjs=$root/tests/formats/fingerprint.js
node_test "fingerprint.js reproduces codeql-action's published test vectors" "$node" "$fpjs" --self-test

# hashcheck.py NODE SARIF DIR FINGERPRINT.JS [SUFFIX]: every result's
# primaryLocationLineHash equals what fingerprint.js computes for its file
# (uris resolved against DIR)
cat > "$tmp/hashcheck.py" <<'PY'
import json, os, subprocess, sys, urllib.parse
node, sarif, cwd, fpjs = sys.argv[1:5]
want_suffix = sys.argv[5] if len(sys.argv) > 5 else None
res = json.load(open(sarif))["runs"][0]["results"]
files = {}
for r in res:
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    path = urllib.parse.unquote(uri[len("file://"):] if uri.startswith("file://") else os.path.join(cwd, uri))
    files.setdefault(path, [])
    files[path].append((r["locations"][0]["physicalLocation"]["region"]["startLine"], r["partialFingerprints"]["primaryLocationLineHash"]))
bad, n = [], 0
for path, got in files.items():
    out = subprocess.run([node, fpjs, path], capture_output=True, text=True, check=True).stdout
    js = {}
    for l in out.splitlines():
        k, h = l.rsplit(" ", 1)
        js[int(k.rsplit(":", 1)[1])] = h
    for line, h in got:
        n += 1
        if js.get(line) != h:
            bad.append("%s:%d: C %s, JavaScript %s" % (path, line, h, js.get(line)))
if want_suffix and not any(h.endswith(want_suffix) for g in files.values() for _, h in g):
    bad.append("no hash ends in %s" % want_suffix)
if bad or n == 0:
    print("\n".join(bad[:20]) or "no results")
    sys.exit(1)
PY
node_test "primaryLocationLineHash equals GitHub's algorithm for every fixture's results" \
    python3 "$tmp/hashcheck.py" "$node" "$all" "$root" "$fpjs"

# a tiny file with a BOM, CRLF line ends, invalid UTF-8, a character
# outside the BMP (two UTF-16 units) and identical lines (the :N suffix)
mkdir -p "$tmp/tiny"
python3 - "$tmp/tiny/tiny.c" <<'PY'
import sys
pad = 'vs_variable(g, vs_scalar_i32(g, 1), .name = "x"); /* ' + 'p' * 60 + ' */'
src = ('\ufeffstatic int f(vs_graph *g) { vs_variable(g, vs_scalar_i32(g, 1), .name = "x"); '
       'return vs_variable(g, vs_scalar_i32(g, 1), .name = "x") != 0; }\r\n'
       'static int h(vs_graph *g) { /* cafX \u20ac \U0001F600 */ return vs_variable(g, vs_scalar_i32(g, 1), .name = "x") != 0; }\r\n'
       'int main(void)\r\n{\r\n'
       '    vs_graph *g = vs_graph_new();\r\n'
       '    f(g); h(g);\r\n'
       + ('    ' + pad + '\r\n') * 3 +
       '\t/* \u00e9\u20ac\U0001F600 */ vs_variable(g, vs_scalar_i32(g, 2), .name = "x");\r\n'
       '    vs_graph_free(g);\r\n    return 0;\r\n}\r\n').encode()
src = src.replace(b"cafX", b"c\xff\xe2\x82af\xed\xa0\x80\xf0\x9f", 1)
open(sys.argv[1], "wb").write(src)
PY
(cd "$tmp/tiny" && run "sarif of a tiny file (BOM, CRLF, bad UTF-8, identical lines)" 0 "$tmp/sarif/tiny.sarif" \
        --format sarif tiny.c -- -I"$root/include" -include varscope.h) &&
    node_test "primaryLocationLineHash of a tiny file (BOM, CRLF, invalid UTF-8, astral characters, :2 and :3 suffixes) equals GitHub's algorithm" \
        python3 "$tmp/hashcheck.py" "$node" "$tmp/sarif/tiny.sarif" "$tmp/tiny" "$fpjs" ":3"

# lines added above the findings move them, not their fingerprints
mkdir -p "$tmp/stable"
cp fixtures/seed/in3_reuse_needs_dtype.c "$tmp/stable/x.c"
(cd "$tmp/stable" && run "sarif before the edit" 1 "$tmp/sarif/before.sarif" --format sarif x.c -- -I"$root/include")
{ printf '/* an unrelated comment */\n\nstatic int unrelated(void)\n{\n    return 1;\n}\n'; cat fixtures/seed/in3_reuse_needs_dtype.c; } > "$tmp/stable/x.c"
(cd "$tmp/stable" && run "sarif after the edit" 1 "$tmp/sarif/after.sarif" --format sarif x.c -- -I"$root/include")
result "fingerprints stay when lines are added above the findings (and startLine moves)" python3 -c '
import json, sys
def facts(p):
    return [(r["ruleId"], r["partialFingerprints"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in json.load(open(p))["runs"][0]["results"]]
a, b = facts(sys.argv[1]), facts(sys.argv[2])
assert len(a) == len(b) == 2, (a, b)
for x, y in zip(a, b):
    assert x[0] == y[0] and x[1] == y[1], (x, y)
    assert y[2] == x[2] + 6, (x, y)' "$tmp/sarif/before.sarif" "$tmp/sarif/after.sarif"

# ---- (a) again: the validators over every document made above -----------
# the documents: sarif/*.sarif, and many.sarif (25,000 results, 29 MB: over
# the Multitool's 10 MB default, and a minute with it raised; the schema
# takes it in seconds)
docs=()
for f in "$tmp"/sarif/*.sarif "$tmp/many.sarif"; do [ -f "$f" ] && docs+=("$f"); done
ran=()

# our JSON schema, always: one validator process for all documents
if [ -n "$schema_why" ]; then
    needs "$schema_why" "SARIF documents validate against our SARIF 2.1.0 + GitHub JSON schema" false
else
    python3 "$vs" "${docs[@]}" > "$tmp/schema.txt" 2>&1
    st=$?
    if [ "$st" -gt 1 ]; then
        notok "validate-sarif.py runs (exit status $st)" "$(head -c 2000 "$tmp/schema.txt")"
    else
        for f in "${docs[@]}"; do
            probs=$(grep -F "$f: " "$tmp/schema.txt")
            if [ -z "$probs" ]; then
                ok "$(basename "$f") validates: our SARIF 2.1.0 + GitHub JSON schema, no errors (${schema_about%%,*})"
            else
                notok "$(basename "$f") validates: our SARIF 2.1.0 + GitHub JSON schema (${schema_about%%,*})" \
                      "$(head -c 2000 <<<"$probs")"
            fi
        done
        ran+=("JSON schema tests/formats/sarif-2.1.0-github.schema.json ($schema_about)")
    fi
fi

# ... which does reject: hand-broken copies of all.sarif, each with the place
# the validator must name (a JSON pointer, or one below it)
mkdir -p "$tmp/broken"
python3 - "$all" "$tmp/broken" <<'PY'
import copy, json, os, sys
base, out = sys.argv[1:3]
d0 = json.load(open(base))
cases = []
def case(name, what, where, mutate):
    d = copy.deepcopy(d0)
    mutate(d)
    json.dump(d, open(os.path.join(out, name + ".sarif"), "w"))
    cases.append("%s\t%s\t%s" % (name, where, what))
run = "/runs/0"
R0 = run + "/results/0"
PL0 = R0 + "/locations/0/physicalLocation"
res = d0["runs"][0]["results"]
k = next(i for i, r in enumerate(res) if r.get("relatedLocations"))
def r0(d): return d["runs"][0]["results"][0]
def pl0(d): return r0(d)["locations"][0]["physicalLocation"]
def rule0(d): return d["runs"][0]["tool"]["driver"]["rules"][0]
def set_(obj, key, value): obj[key] = value
# what GitHub rejects (GitHub Docs, "SARIF support for code scanning":
# required properties, startLine 0, duplicate locations, a numeric
# security-severity)
case("startline-0", "startLine 0", PL0 + "/region/startLine",
     lambda d: set_(pl0(d)["region"], "startLine", 0))
case("duplicate-related", "a related location twice", "%s/results/%d/relatedLocations" % (run, k),
     lambda d: d["runs"][0]["results"][k]["relatedLocations"].append(
         copy.deepcopy(d["runs"][0]["results"][k]["relatedLocations"][0])))
case("no-message-text", "a result message without text", R0 + "/message",
     lambda d: r0(d)["message"].pop("text"))
case("numeric-security-severity", "a number as security-severity", run + "/tool/driver/rules/0/properties/security-severity",
     lambda d: set_(rule0(d)["properties"], "security-severity", 7.5))
case("bad-level", "level 'critical'", R0 + "/level",
     lambda d: set_(r0(d), "level", "critical"))
# typos and other slips in our output
case("region-typo", "a misspelt region property (startline)", PL0 + "/region",
     lambda d: set_(pl0(d)["region"], "startline", pl0(d)["region"]["startLine"]))
case("empty-message-text", "an empty message text", R0 + "/message/text",
     lambda d: set_(r0(d)["message"], "text", ""))
case("end-before-start", "endLine before startLine (checked beyond the schema)", PL0 + "/region/endLine",
     lambda d: pl0(d)["region"].update(startLine=5, endLine=4))
case("hash-format", "primaryLocationLineHash without its :N", R0 + "/partialFingerprints/primaryLocationLineHash",
     lambda d: set_(r0(d)["partialFingerprints"], "primaryLocationLineHash", "39fa2ee980eb94b0"))
case("no-fingerprints", "a result without partialFingerprints", R0,
     lambda d: r0(d).pop("partialFingerprints"))
case("space-in-uri", "a space in an artifact uri", PL0 + "/artifactLocation/uri",
     lambda d: set_(pl0(d)["artifactLocation"], "uri", "src dir/a b.c"))
case("absolute-uri-with-base", "an absolute uri with a uriBaseId", PL0 + "/artifactLocation",
     lambda d: set_(pl0(d)["artifactLocation"], "uri", "file:///src/a.c"))
case("base-without-slash", "an originalUriBaseIds uri without its final /", run + "/originalUriBaseIds/%SRCROOT%/uri",
     lambda d: d["runs"][0]["originalUriBaseIds"]["%SRCROOT%"].update(
         uri=d["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].rstrip("/")))
case("related-without-id", "a related location without its id", "%s/results/%d/relatedLocations/0" % (run, k),
     lambda d: d["runs"][0]["results"][k]["relatedLocations"][0].pop("id"))
case("execution-successful-string", "executionSuccessful as a string", run + "/invocations/0/executionSuccessful",
     lambda d: set_(d["runs"][0]["invocations"][0], "executionSuccessful", "true"))
case("duplicate-tag", "a tag twice", run + "/tool/driver/rules/0/properties/tags",
     lambda d: rule0(d)["properties"]["tags"].append(rule0(d)["properties"]["tags"][0]))
case("help-uri", "a helpUri that is not a URI", run + "/tool/driver/rules/0/helpUri",
     lambda d: set_(rule0(d), "helpUri", "rules/scope-leak.md"))
case("column-kind", "columnKind 'bytes'", run + "/columnKind",
     lambda d: set_(d["runs"][0], "columnKind", "bytes"))
case("version", "version 2.1", "/version",
     lambda d: set_(d, "version", "2.1"))
open(os.path.join(out, "cases.tsv"), "w").write("\n".join(cases) + "\n")
PY
if [ ! -s "$tmp/broken/cases.tsv" ]; then
    notok "hand-broken SARIF documents are made" "(from $all)"
elif [ -n "$schema_why" ]; then
    needs "$schema_why" "the schema rejects hand-broken SARIF documents" false
else
    python3 "$vs" "$tmp"/broken/*.sarif > "$tmp/broken.txt" 2>&1
    st=$?
    while IFS=$'\t' read -r name where what; do
        f=$tmp/broken/$name.sarif
        if [ "$st" -eq 1 ] && grep -qF -e "$f: $where: " -e "$f: $where/" "$tmp/broken.txt"; then
            ok "the schema rejects a hand-broken document: $what (at $where)"
        else
            notok "the schema rejects a hand-broken document: $what (at $where)" \
                "validate-sarif.py exit status $st; what it said of $name.sarif:" \
                "$(grep -F "$f" "$tmp/broken.txt" | head -c 1500)" "$(grep -vF "$tmp/broken/" "$tmp/broken.txt" | head -c 500)"
        fi
    done < "$tmp/broken/cases.tsv"
fi

# the SARIF Multitool, when it is installed
if [ -n "$mt_why" ]; then
    skip "SARIF Multitool validation (SARIF 2.1.0 schema and GitHub rules)" "$mt_why"
elif [ -n "$mt" ]; then
    "$mt" validate --rule-kind "Sarif;Ghas" "$tmp"/sarif/*.sarif > "$tmp/validate.txt" 2>&1
    st=$?
    version=$("$mt" --version 2>&1 | grep -m 1 -o 'SARIF Multitool [0-9][0-9.]*')
    if [ "$st" -ne 0 ] || ! grep -q "Analysis completed successfully" "$tmp/validate.txt"; then
        notok "SARIF Multitool runs ($version)" "$(head -c 2000 "$tmp/validate.txt")"
    else
        ran+=("$version")
        for f in "$tmp"/sarif/*.sarif; do
            probs=$(grep -F "$f(" "$tmp/validate.txt" | grep -E ": (error|warning) ")
            if [ -z "$probs" ]; then
                ok "$(basename "$f") validates: SARIF 2.1.0 schema and GitHub rules, no errors or warnings ($version)"
            else
                notok "$(basename "$f") validates ($version)" "$(head -c 2000 <<<"$probs")"
            fi
        done
    fi
fi
if [ ${#ran[@]} -eq 0 ]; then
    echo "# SARIF validated by: nothing"
else
    for v in "${ran[@]}"; do echo "# SARIF validated by: $v"; done
fi
if [ -z "$node_why" ]; then
    echo "# fingerprints cross-checked by: tests/formats/fingerprint.js under Node.js $("$node" --version 2>&1) ($node)"
else
    echo "# fingerprints cross-checked by: nothing ($node_why)"
fi

# ---- (d) GitHub workflow commands ---------------------------------------
run "github format" 0 "$tmp/gh.txt" --format github fixtures/seed/in2_variable_renamed.c fixtures/seed/in7_name_scope_twice.c -- -Iinclude
cat > "$tmp/gh.want" <<'EOF'
::warning file=fixtures/seed/in2_variable_renamed.c,line=22,col=18,endLine=22,endColumn=66,title=scopecheck (variable-renamed)::vs_variable 'x' is created as 'x_1': the name is taken, and vs_variable never shares (use vs_get_variable under reuse to share, or another name)%0Afixtures/seed/in2_variable_renamed.c:21:18: note: 'x' was taken here
::notice file=fixtures/seed/in7_name_scope_twice.c,line=19,col=5,endLine=19,endColumn=33,title=scopecheck (scope-reentered)::name scope 'my_scope' is taken, so this one is 'my_scope_1/': the ops and vs_variables in it are named 'my_scope_1/...'%0Afixtures/seed/in7_name_scope_twice.c:20:22: note: created in 'my_scope_1/' here
EOF
result "github: exact annotations (warning, notice, notes after %0A)" diff -u "$tmp/gh.want" "$tmp/gh.txt"

run "github, error-level findings" 1 "$tmp/gh3.txt" --format github fixtures/seed/in3_reuse_needs_dtype.c -- -Iinclude &&
    result "github: errors are ::error lines, one per finding, fix-its after %0A" bash -c '
        [ "$(grep -c "^::error file=fixtures/seed/in3_reuse_needs_dtype.c,line=[0-9]*,col=21,endLine=" "$1")" -eq 2 ] &&
        [ "$(wc -l < "$1")" -eq 2 ] && grep -q "title=scopecheck (missing-dtype)::.*%0Afix-it: add .dtype = VS_INT32$" "$1"' _ "$tmp/gh3.txt"

run "github, no findings" 0 "$tmp/gh0.txt" --format github fixtures/seed/in4_reuse_variables.c -- -Iinclude &&
    result "github: no findings, no output" test ! -s "$tmp/gh0.txt"

# escaping: a file name with , : % and a message with LF, CR, %, : and ,
mkdir -p "$tmp/esc"
printf '#include "varscope.h"\nint main(void)\n{\n    vs_graph *g = vs_graph_new();\n    vs_get_variable(g, "a\\nb%%c\\r:d,e", .shape = VS_SHAPE(1));\n    vs_graph_free(g);\n    return 0;\n}\n' > "$tmp/esc/a,b:c%d.c"
(cd "$tmp/esc" && run "github, escaping" 1 "$tmp/esc.txt" --format github "a,b:c%d.c" -- -I"$root/include")
printf '%s\n' "::error file=a%2Cb%3Ac%25d.c,line=5,col=5,endLine=5,endColumn=61,title=scopecheck (invalid-name)::'a%0Ab%25c%0D:d,e' is not a valid scope name" > "$tmp/esc.want"
result "github: escaping of % CR LF in data, and of : , in properties" diff -u "$tmp/esc.want" "$tmp/esc.txt"

# the cap: 12 errors, 12 warnings, 12 notes
python3 - "$tmp/cap.c" <<'PY'
import sys
l = ['#include "varscope.h"', 'int main(void)', '{', '    vs_graph *g = vs_graph_new();']
for i in range(12):
    l += ['    vs_get_variable(g, "d%d", .shape = VS_SHAPE(1));' % i] * 2
l += ['    vs_variable(g, vs_scalar_i32(g, 1), .name = "x");'] * 13
l += ['    VS_NAME_SCOPE(g, "s") { vs_variable(g, vs_scalar_i32(g, 1), .name = "y"); }'] * 13
l += ['    vs_graph_free(g);', '    return 0;', '}']
open(sys.argv[1], "w").write("\n".join(l) + "\n")
PY
run "github, 36 findings" 1 "$tmp/cap.txt" --format github "$tmp/cap.c" -- -Iinclude &&
    result "github: 10 errors, 10 warnings, 9 notices, one ::notice:: for the 7 others, which are in a ::group:: as text" python3 -c '
import re, sys
lines = open(sys.argv[1]).read().split("\n")
assert lines[-1] == "", "ends with a newline"
lines = lines[:-1]
count = lambda p: sum(1 for l in lines if l.startswith(p))
assert count("::error file=") == 10 and count("::warning file=") == 10 and count("::notice file=") == 9, lines[:40]
summary = [l for l in lines if l.startswith("::notice::")]
assert len(summary) == 1, summary
assert summary[0].startswith("::notice::scopecheck: 7 more findings (2 errors, 2 warnings, 3 notes) not shown as annotations"), summary
assert "job log" in summary[0]
i = lines.index("::group::scopecheck: 7 more findings")
assert lines.index(summary[0]) < i and all(l.startswith("::") for l in lines[:i]), "annotations, notice, then the group"
m = re.fullmatch(r"::stop-commands::(\S+)", lines[i + 1])
assert m, lines[i + 1]
end = lines.index("::%s::" % m.group(1))
assert lines[end + 1:] == ["::endgroup::"], lines[end:]
text = lines[i + 2:end]
found = [l for l in text if re.match(r"^\S+:\d+:\d+: (error|warning|note): .*\[[a-z-]+\]$", l)]
want = [26, 28, 40, 41, 52, 53, 54]
assert [int(l.split(":")[1]) for l in found] == want, found
assert not any(l.startswith("::") for l in text)' "$tmp/cap.txt"
