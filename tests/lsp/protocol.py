#!/usr/bin/env python3
"""scopecheck --lsp at the protocol level (LSP 3.17), with the client in
client.py.  Prints TAP lines ("ok - ..." / "not ok - ...").

    protocol.py SCOPECHECK LIBVARSCOPE.a

Where a test expects a finding, the expectation comes from running the
same program against the library (its "FILE:LINE: error: ... [rule]"
line) and from Python's own encoders for the character offsets, never from
scopecheck's output."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client import Client, apply_edits, position, units, uri  # noqa: E402

SC, LIB = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INCLUDE = os.path.join(ROOT, "include")
failures = 0


def ok(cond, name, *why):
    global failures
    print(("ok - " if cond else "not ok - ") + name)
    if not cond:
        failures += 1
        for w in why:
            for line in str(w).splitlines()[:30]:
                print("# " + line)
    return cond


def runtime_errors(path):
    """the library's own report of the program's failing calls:
    [(line, rule)], from compiling and running it"""
    exe = path + ".bin"
    subprocess.run(["cc", "-std=c11", "-I" + INCLUDE, "-fsanitize=address,undefined",
                    path, LIB, "-o", exe], check=True)
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    p = subprocess.run([exe], capture_output=True, text=True, env=env)
    got = []
    for line in (p.stdout + p.stderr).splitlines():
        m = re.match(r"^(.*?):(\d+): error: .*\[([a-z-]+)\]$", line)
        if m and os.path.basename(m.group(1)) == os.path.basename(path):
            got.append((int(m.group(2)), m.group(3)))
    return got


# A program whose reuse of an int32 variable without .dtype fails (TF 1.15,
# variable_scope.py, _VariableStore._get_single_variable: "Trying to share
# variable s/x, but specified dtype float32 and found dtype int32_ref"), on
# a line with non-ASCII text before the call: the character offsets differ
# in UTF-8, UTF-16 and UTF-32 (tests/editors/unicode_dtype.c, shared with
# the editors' tests).
PROGRAM = open(os.path.join(ROOT, "tests", "editors", "unicode_dtype.c"),
               encoding="utf-8").read()
CALL = 'vs_get_variable(g, "x");'


def clean_stderr(c, name):
    """the server's standard error holds no sanitizer report"""
    err = c.stderr.decode("utf-8", "replace")
    ok(not re.search(r"AddressSanitizer|LeakSanitizer|runtime error:", err),
       name + ": no sanitizer report", err[-3000:])


def start(tmp, encodings=None, options=None, capabilities=None, extra=()):
    c = Client([SC, "--lsp", *extra], cwd=tmp)
    r = c.initialize(tmp, encodings, options if options is not None else {"debounceMs": 0},
                     capabilities)
    return c, r


def main():
    tmp = tempfile.mkdtemp(prefix="scopecheck-lsp-")
    try:
        subprocess.run(["git", "init", "-q", tmp], check=True)
        tests(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failures else 0)


def tests(tmp):
    a = os.path.join(tmp, "a.c")
    with open(a, "w") as f:
        f.write(PROGRAM)
    want = runtime_errors(a)
    ok(want and want[0][1] == "missing-dtype",
       "the library fails the program's second get_variable (missing-dtype)", want)
    err_line = want[0][0] - 1 if want else -1
    line_text = PROGRAM.split("\n")[err_line] if want else ""
    col_chars = line_text.find("vs_get_variable")

    # -- before initialize, and initialize
    c = Client([SC, "--lsp"], cwd=tmp)
    r = c.call("textDocument/codeAction", {})
    ok(r and r.get("error", {}).get("code") == -32002,
       "a request before initialize: ServerNotInitialized (-32002)", r)
    r = c.initialize(tmp, None, {"debounceMs": 0})
    caps = r["result"]["capabilities"] if r and "result" in r else {}
    ok(caps.get("positionEncoding") == "utf-16",
       "no positionEncodings offered: UTF-16, the protocol's default", r)
    ok(caps.get("textDocumentSync", {}).get("change") == 2 and
       caps.get("textDocumentSync", {}).get("openClose") is True and
       caps.get("codeActionProvider", {}).get("codeActionKinds") == ["quickfix"] and
       r["result"].get("serverInfo", {}).get("name") == "scopecheck",
       "initialize: incremental sync, open/close, quick fixes, serverInfo", r)
    r = c.call("textDocument/hover", {"textDocument": {"uri": uri(a)},
                                       "position": {"line": 0, "character": 0}})
    ok(r and r.get("error", {}).get("code") == -32601,
       "an unsupported request: MethodNotFound (-32601)", r)

    # -- diagnostics
    c.open(a, PROGRAM)
    d = c.diagnostics(a)
    diags = d["diagnostics"] if d else []
    md = [x for x in diags if x.get("code") == "missing-dtype"]
    ok(len(md) == 1, "didOpen: the missing-dtype finding is published", d)
    if md:
        x = md[0]
        ok(x["range"]["start"] == {"line": err_line,
                                   "character": units(line_text[:col_chars], "utf-16")},
           "its range starts where the library says it fails, in UTF-16 code units "
           "(an emoji counts two)", x["range"], err_line, line_text)
        end_chars = col_chars + len(CALL) - 1   # the macro call, ';' excluded
        ok(x["range"]["end"] == {"line": err_line,
                                 "character": units(line_text[:end_chars], "utf-16")},
           "its range ends after the call's closing parenthesis", x["range"])
        ok(x.get("severity") == 1 and x.get("source") == "scopecheck",
           "severity Error (1), source scopecheck", x)
        ok(x.get("codeDescription", {}).get("href", "").endswith("/rules/missing-dtype.md"),
           "codeDescription links the rule's page", x)
        rel = x.get("relatedInformation", [])
        created = PROGRAM.split("\n").index(
            [l for l in PROGRAM.split("\n") if ".initializer" in l][0])
        ok(any(ri["location"]["uri"] == uri(a) and
               ri["location"]["range"]["start"]["line"] == created for ri in rel),
           "relatedInformation points at the line that created the variable", rel)
    ok(d and d.get("version") == 1, "publishDiagnostics carries the document's version", d)

    # -- a quick fix: a workspace edit that, applied, makes the call pass
    if md:
        r = c.call("textDocument/codeAction", {
            "textDocument": {"uri": uri(a)}, "range": md[0]["range"],
            "context": {"diagnostics": [md[0]]}})
        acts = r.get("result") if r else None
        fix = [x for x in acts or [] if x.get("kind") == "quickfix"]
        ok(len(fix) == 1 and fix[0].get("diagnostics") and
           fix[0]["diagnostics"][0].get("code") == "missing-dtype" and
           "changes" in fix[0].get("edit", {}),
           "codeAction: one quickfix for the diagnostic, with a workspace edit", r)
        if fix:
            edits = fix[0]["edit"]["changes"].get(uri(a), [])
            fixed = apply_edits(PROGRAM, edits)
            ok(".dtype = VS_INT32" in fixed.split("\n")[err_line],
               "the edit adds .dtype = VS_INT32 to the failing call", edits)
            with open(a + ".fixed.c", "w") as f:
                f.write(fixed)
            ok(runtime_errors(a + ".fixed.c") == [],
               "the fixed program runs without a failing call", fixed)
            # the unsaved fixed text, sent as a whole: the finding is gone
            c.change(a, 2, [{"text": fixed}])
            d2 = c.diagnostics(a, version=2)
            ok(d2 is not None and not [x for x in d2["diagnostics"]
                                       if x.get("code") == "missing-dtype"],
               "the fixed text, unsaved, has no missing-dtype (the file on disk "
               "still has it)", d2)
        r = c.call("textDocument/codeAction", {
            "textDocument": {"uri": uri(a)}, "range": md[0]["range"],
            "context": {"diagnostics": [], "only": ["refactor"]}})
        ok(r and r.get("result") == [], "codeAction with only: [refactor]: none", r)

    # -- incremental changes, in UTF-16: break it again after the emoji
    c.change(a, 3, [{"text": PROGRAM}])
    c.diagnostics(a, version=3)
    start_pos = position(PROGRAM, PROGRAM.index(CALL) + len(CALL) - 2)  # before ')'
    c.change(a, 4, [{"range": {"start": start_pos, "end": start_pos},
                     "text": ", .dtype = VS_INT32"}])
    d4 = c.diagnostics(a, version=4)
    ok(d4 is not None and not [x for x in d4["diagnostics"] if x.get("code") == "missing-dtype"],
       "an incremental change at a UTF-16 position past an emoji lands in the "
       "right byte (the finding is gone)", d4)

    # -- didClose clears
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(a)}})
    d5 = c.diagnostics(a)
    ok(d5 is not None and d5["diagnostics"] == [], "didClose publishes no diagnostics", d5)

    # -- a message that is not JSON: an error, and the server goes on
    c.send_raw(b"Content-Length: 5\r\n\r\n{bad}")
    r = c.wait(lambda m: "error" in m and m.get("id") is None, 30)
    ok(r and r["error"]["code"] == -32700, "a message that is not JSON: ParseError", r)

    # -- shutdown, then exit: status 0
    r = c.call("shutdown")
    ok(r is not None and "result" in r and r["result"] is None, "shutdown answers null", r)
    r = c.call("textDocument/codeAction", {})
    ok(r and r.get("error", {}).get("code") == -32600,
       "a request after shutdown: InvalidRequest", r)
    c.notify("exit")
    st = c.close()
    ok(st == 0, "exit after shutdown: status 0", st, c.stderr[-2000:])
    clean_stderr(c, "the first session")

    # -- UTF-8 negotiated: byte offsets
    c, r = start(tmp, ["utf-8", "utf-16"])
    ok(r and r["result"]["capabilities"].get("positionEncoding") == "utf-8",
       "a client offering utf-8 gets utf-8", r)
    c.open(a, PROGRAM)
    d = c.diagnostics(a)
    md = [x for x in (d or {}).get("diagnostics", []) if x.get("code") == "missing-dtype"]
    ok(md and md[0]["range"]["start"]["character"] == len(line_text[:col_chars].encode()),
       "in UTF-8 the character is the byte offset", md, len(line_text[:col_chars].encode()))
    c.notify("exit")
    st = c.close()
    ok(st == 1, "exit without shutdown: status 1", st)
    clean_stderr(c, "the UTF-8 session")

    # -- UTF-32 offered alone
    c, r = start(tmp, ["utf-32"])
    c.open(a, PROGRAM)
    d = c.diagnostics(a)
    md = [x for x in (d or {}).get("diagnostics", []) if x.get("code") == "missing-dtype"]
    ok(r["result"]["capabilities"].get("positionEncoding") == "utf-32" and md and
       md[0]["range"]["start"]["character"] == len(line_text[:col_chars]),
       "in UTF-32 the character counts code points", md)
    c.close()

    whole_program(tmp)
    open_header(tmp)
    debounce_and_cancel(tmp)
    versioned_edits(tmp)
    helper_changes_on_disk(tmp)
    mains_through_pointers(tmp)


# Two files of one program: build_tower (tower.c) creates "tower/w" in a
# scope without reuse; main.c calls it twice, so the second call fails in
# tower.c (TF: "Variable tower/w already exists, disallowed.").
TOWER = """#include "varscope.h"

void build_tower(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}
"""
MAIN2 = """#include "varscope.h"

void build_tower(vs_graph *g);

int main(void)
{
    vs_graph *g = vs_graph_new();
    build_tower(g);
    build_tower(g);
    vs_graph_free(g);
    return 0;
}
"""


def whole_program(tmp):
    d = os.path.join(tmp, "prog")
    os.makedirs(d)
    tower, main_c = os.path.join(d, "tower.c"), os.path.join(d, "main.c")
    with open(tower, "w") as f:
        f.write(TOWER)
    with open(main_c, "w") as f:
        f.write(MAIN2)
    # the library's run of the two files
    exe = os.path.join(d, "prog.bin")
    subprocess.run(["cc", "-std=c11", "-I" + INCLUDE, "-fsanitize=address,undefined",
                    tower, main_c, LIB, "-o", exe], check=True)
    p = subprocess.run([exe], capture_output=True, text=True,
                       env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
    m = re.search(r"tower\.c:(\d+): error: .*\[duplicate-variable\]", p.stdout + p.stderr)
    ok(m is not None, "the library fails the second build_tower in tower.c", p.stdout + p.stderr)
    line = int(m.group(1)) - 1 if m else -1

    c, _ = start(d)
    c.open(tower, TOWER)      # main.c is not open: read from disk
    r = c.diagnostics(tower)
    dv = [x for x in (r or {}).get("diagnostics", []) if x.get("code") == "duplicate-variable"]
    ok(len(dv) == 1 and dv[0]["range"]["start"]["line"] == line,
       "only tower.c open: the whole program (main.c from disk) shows the failure "
       "in tower.c where the library reports it", r)
    ok(dv and any(ri["location"]["uri"] == uri(main_c)
                  for ri in dv[0].get("relatedInformation", [])),
       "its call chain points into main.c", dv)
    # main.c opened and edited, unsaved, to call once: tower.c is clean
    c.open(main_c, MAIN2)
    once = MAIN2.replace("    build_tower(g);\n    build_tower(g);\n", "    build_tower(g);\n")
    c.change(main_c, 2, [{"text": once}])
    deadline = time.time() + 60
    clean = None
    while time.time() < deadline:
        r = c.diagnostics(tower, timeout=max(1, deadline - time.time()))
        if r is None:
            break
        if not [x for x in r["diagnostics"] if x.get("code") == "duplicate-variable"]:
            clean = r
            break
    ok(clean is not None,
       "main.c's unsaved edit (one call) clears tower.c's finding", c.seen[-5:])
    with open(main_c) as f:
        ok(f.read() == MAIN2, "... and main.c on disk is untouched")
    c.close()
    clean_stderr(c, "the whole-program session")


# A helper file that does not name the library, changed on disk during a
# session: main.c calls build() (helper.c), which calls make_w() (make.c)
# once, then twice.  The session keeps what it learnt of the files between
# checks (the pre-scan's answers, the files' status); a change on disk must
# reach the next check.  Expected: the library's run of each version.
MAKE_W = """#include "varscope.h"

void make_w(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "m") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}
"""
HELPER_NONE = "void build(void *g)\n{\n    (void)g;\n}\n"
HELPER_TWICE = ("void make_w(void *g);\n\nvoid build(void *g)\n{\n"
                "    make_w(g);\n    make_w(g);\n}\n")
MAIN_BUILD = """#include "varscope.h"

void build(void *g);

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g);
    vs_graph_free(g);
    return 0;
}
"""


def helper_changes_on_disk(tmp):
    d = os.path.join(tmp, "disk")
    os.makedirs(d)
    mk, helper, main_c = (os.path.join(d, n) for n in ("make.c", "helper.c", "main.c"))
    for path, text in ((mk, MAKE_W), (helper, HELPER_NONE), (main_c, MAIN_BUILD)):
        with open(path, "w") as f:
            f.write(text)

    def library_says(helper_text):
        """the duplicate-variable lines (0-based) the library reports in
        make.c when helper.c holds helper_text"""
        with open(helper, "w") as f:
            f.write(helper_text)
        exe = os.path.join(d, "prog.bin")
        subprocess.run(["cc", "-std=c11", "-I" + INCLUDE, "-fsanitize=address,undefined",
                        mk, helper, main_c, LIB, "-o", exe], check=True)
        p = subprocess.run([exe], capture_output=True, text=True,
                           env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
        return [int(m) - 1 for m in re.findall(r"make\.c:(\d+): error: .*\[duplicate-variable\]",
                                                p.stdout + p.stderr)]

    want_twice = library_says(HELPER_TWICE)
    ok(len(want_twice) == 1, "the library fails make_w's second call when build calls it twice",
       want_twice)
    ok(library_says(HELPER_NONE) == [], "... and nothing when build calls nothing")
    subprocess.run(["git", "init", "-q", d], check=True)
    c, _ = start(d)
    c.open(mk, MAKE_W)         # make.c only: helper.c and main.c from disk
    version, text = 1, MAKE_W

    def check_again(helper_text):
        """helper.c rewritten on disk (a new size: its status changes),
        then an edit of make.c: make.c's duplicate-variable lines"""
        nonlocal version, text
        with open(helper, "w") as f:
            f.write(helper_text)
        version += 1
        text += "/* edit %d */\n" % version
        c.change(mk, version, [{"text": text}])
        got = c.diagnostics(mk, version=version)
        return got and [x["range"]["start"]["line"] for x in got["diagnostics"]
                        if x.get("code") == "duplicate-variable"]

    got = c.diagnostics(mk, version=1)
    ok(got is not None and not [x for x in got["diagnostics"] if x.get("code") == "duplicate-variable"],
       "build calls nothing: make.c is clean", got)
    ok(check_again(HELPER_TWICE) == want_twice,
       "helper.c changed on disk to call make_w twice: the next check reports make.c's "
       "failure where the library does", want_twice)
    ok(check_again(HELPER_NONE) == [],
       "helper.c changed back on disk: the next check is clean again")
    ok(check_again(HELPER_TWICE) == want_twice,
       "... and the failure comes back with the second change")
    c.close()
    clean_stderr(c, "the session with a helper changed on disk")


# Three mains sharing make() (shared.c); only shared.c is open.  The link
# skips the mains whose code cannot reach the open file (cli/reach.h): a
# main that calls make() only through a pointer, or through a table of
# callbacks, reaches it all the same.  Expected: the library's run of the
# failing main (TF: "Variable m/w already exists, disallowed.").
SHARED = """#include "varscope.h"

void make(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "m") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}
"""
MAIN_ONCE = """#include "varscope.h"

void make(vs_graph *g);

int main(void)
{
    vs_graph *g = vs_graph_new();
    make(g);
    vs_graph_free(g);
    return 0;
}
"""
MAIN_POINTER = """#include "varscope.h"

void make(vs_graph *g);

int main(void)
{
    void (*build)(vs_graph *) = make;
    vs_graph *g = vs_graph_new();
    build(g);
    build(g);
    vs_graph_free(g);
    return 0;
}
"""
MAIN_TABLE = """#include "varscope.h"

void make(vs_graph *g);

static void (*const builders[])(vs_graph *) = {make};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 2; i++)
        builders[0](g);
    vs_graph_free(g);
    return 0;
}
"""


def mains_through_pointers(tmp):
    for name, second in (("pointer", MAIN_POINTER), ("table", MAIN_TABLE)):
        d = os.path.join(tmp, "mains_" + name)
        os.makedirs(d)
        shared, once, other = (os.path.join(d, n) for n in ("shared.c", "a_once.c", "b_" + name + ".c"))
        for path, text in ((shared, SHARED), (once, MAIN_ONCE), (other, second)):
            with open(path, "w") as f:
                f.write(text)
        exe = os.path.join(d, "prog.bin")
        subprocess.run(["cc", "-std=c11", "-I" + INCLUDE, "-fsanitize=address,undefined",
                        shared, other, LIB, "-o", exe], check=True)
        p = subprocess.run([exe], capture_output=True, text=True,
                           env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
        want = [int(m) - 1 for m in re.findall(r"shared\.c:(\d+): error: .*\[duplicate-variable\]",
                                                p.stdout + p.stderr)]
        ok(len(want) == 1, "the library fails make()'s second call through a " + name, p.stdout + p.stderr)
        subprocess.run(["git", "init", "-q", d], check=True)
        c, _ = start(d)
        c.open(shared, SHARED)  # the mains from disk
        got = c.diagnostics(shared)
        lines = [x["range"]["start"]["line"] for x in (got or {}).get("diagnostics", [])
                 if x.get("code") == "duplicate-variable"]
        ok(lines == want, "only shared.c open: the main calling make() through a " + name +
           " is analysed (its failure shown where the library reports it)", got)
        c.close()
        clean_stderr(c, "the session of mains calling through a " + name)


# A header's inline helper, called twice by main.c: the second call fails
# in the header (TF: "Variable m/w already exists, disallowed.").
HEADER = """#include "varscope.h"

static inline void build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "m") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}
"""
MAINH = """#include "model.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g);
    build(g);
    vs_graph_free(g);
    return 0;
}
"""


def open_header(tmp):
    d = os.path.join(tmp, "hdr")
    os.makedirs(d)
    h, m = os.path.join(d, "model.h"), os.path.join(d, "main.c")
    with open(h, "w") as f:
        f.write(HEADER)
    with open(m, "w") as f:
        f.write(MAINH)
    exe = os.path.join(d, "prog.bin")
    subprocess.run(["cc", "-std=c11", "-I" + INCLUDE, "-fsanitize=address,undefined",
                    m, LIB, "-o", exe], check=True)
    p = subprocess.run([exe], capture_output=True, text=True,
                       env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
    r = re.search(r"model\.h:(\d+): error: .*\[duplicate-variable\]", p.stdout + p.stderr)
    ok(r is not None, "the library fails main.c's second build() in model.h", p.stdout + p.stderr)
    line = int(r.group(1)) - 1 if r else -1
    subprocess.run(["git", "init", "-q", d], check=True)
    c, _ = start(d)
    c.open(h, HEADER)          # only the header is open
    got = c.diagnostics(h)
    dv = [x for x in (got or {}).get("diagnostics", []) if x.get("code") == "duplicate-variable"]
    ok(len(dv) == 1 and dv[0]["range"]["start"]["line"] == line,
       "only the header open: its finding (main.c, from disk, calls it twice)", got)
    fixed = HEADER.replace('"m")', '"m", .reuse = VS_AUTO_REUSE)')
    c.change(h, 2, [{"text": fixed}])
    got = c.diagnostics(h, version=2)
    ok(got is not None and not [x for x in got["diagnostics"] if x.get("code") == "duplicate-variable"],
       "the header's unsaved edit (AUTO_REUSE) reaches main.c's parse: the finding goes", got)
    c.close()
    clean_stderr(c, "the header session")


def big_program(n):
    """a main with n scoping calls: a check of it takes a while"""
    body = "".join(f'    vs_get_variable(g, "v{i}", .shape = VS_SHAPE(2));\n' for i in range(n))
    return ('#include "varscope.h"\nint main(void)\n{\n    vs_graph *g = vs_graph_new();\n'
            + body + '    vs_get_variable(g, "v0", .shape = VS_SHAPE(2));\n'
            '    vs_graph_free(g);\n    return 0;\n}\n')


def debounce_and_cancel(tmp):
    d = os.path.join(tmp, "deb")
    os.makedirs(d)
    a = os.path.join(d, "a.c")
    with open(a, "w") as f:
        f.write(PROGRAM)
    # five edits 20 ms apart, a debounce of 500 ms: one check, of the last
    c, _ = start(d, options={"debounceMs": 500})
    c.open(a, PROGRAM)
    c.diagnostics(a, version=1)
    for v in range(2, 7):
        c.change(a, v, [{"text": PROGRAM + "\n" * v}])
        time.sleep(0.02)
    got = [m for m in c.quiet(3.0) if m.get("method") == "textDocument/publishDiagnostics"]
    ok([m["params"].get("version") for m in got] == [6],
       "five quick edits within the debounce: one check, published for the last version",
       [m["params"].get("version") for m in got])
    c.close()

    # an edit during a long check cancels it: the stale version is never
    # published, the new one is
    big = big_program(4000)
    c, _ = start(d, options={"debounceMs": 0})
    c.open(a, big)
    t0 = time.time()
    first = c.diagnostics(a, version=1, timeout=120)
    took = time.time() - t0
    ok(first is not None and [x for x in first["diagnostics"]
                              if x.get("code") == "duplicate-variable"],
       "a long program is checked (%.2f s)" % took, first and first["diagnostics"][:2])
    c.change(a, 2, [{"text": big + "\n"}])
    time.sleep(min(0.3, took / 4))
    c.change(a, 3, [{"text": big + "\n\n"}])
    got = []
    deadline = time.time() + 120
    while time.time() < deadline:
        m = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", 5)
        if m is None:
            break
        got.append(m["params"].get("version"))
        if got[-1] == 3:
            break
    ok(got and got[-1] == 3 and 2 not in got,
       "an edit during a check: its stale results (version 2) are never "
       "published, the next check's (3) are", got)
    c.close()
    clean_stderr(c, "the long session")


def versioned_edits(tmp):
    d = os.path.join(tmp, "ver")
    os.makedirs(d)
    a = os.path.join(d, "a.c")
    with open(a, "w") as f:
        f.write(PROGRAM)
    c, _ = start(d, capabilities={"workspace": {"workspaceEdit": {"documentChanges": True}}})
    c.open(a, PROGRAM, version=7)
    r = c.diagnostics(a, version=7)
    md = [x for x in (r or {}).get("diagnostics", []) if x.get("code") == "missing-dtype"]
    acts = c.call("textDocument/codeAction", {
        "textDocument": {"uri": uri(a)}, "range": md[0]["range"] if md else {},
        "context": {"diagnostics": md}}) if md else None
    dc = (acts or {}).get("result", [{}])[0].get("edit", {}).get("documentChanges") if acts else None
    ok(dc and dc[0]["textDocument"] == {"uri": uri(a), "version": 7},
       "a client taking documentChanges gets edits for the version it holds", acts)
    c.close()


if __name__ == "__main__":
    main()
