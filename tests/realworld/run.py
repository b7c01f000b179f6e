#!/usr/bin/env python3
"""Real-world corpus runner: TF 1 scoping failures from public reports.

Each program under tests/realworld/cases/ is a C translation of a TF 1
program from a public report (the source address and the error TF raised
are in its header).  A program named *_fail.c is the version that failed
for its author; its failing lines carry `// expect: rule-id` marks taken
from the report (what TF raised, where), never from the linter.  A program
named *_fixed.c is the version after the fix and has no marks.

For every program the runner
  1. compiles it against the library (warnings are errors) and runs it
     (once, or once per combination of its `// oracle-input:` lines, as
     tests/tools/fixturetest.c does);
  2. checks the runtime against the report: a failing program's first
     runtime error (on some run) is one of its marks, and every mark is hit
     by some run; a fixed program runs with no error;
  3. lints it with scopecheck, plain and --strict, and classifies each
     mark: found (a plain error of the same rule whose range covers the
     line), strict-only (only a --strict warning of that rule there),
     or silent (neither).  A plain error that no run hits is a false error.
     Runtime errors after the first one of a failing program are the C
     program going on where Python raised: they are listed, and a linter
     error on them is not false, but they are not counted in recall.

Output: TAP-style lines, two per program ("runtime" and "lint"), "# "
detail lines, and a summary.  Exit status 0 when every runtime line is ok
(the lint lines measure the linter; they fail while it misses cases).
With --require-lint, lint lines count for the exit status too.

The summary gives the figures twice: for every program, and for the
programs that call the creators issue 10 added (layers and layer objects,
contrib's fully_connected and batch_norm, RNN cells and dynamic_rnn,
templates, optimizers' slots, moving averages, collections), which the
linter has to model before it can find their failures.

With --runtime-only, the lint lines are left out (the runtime lines and
the figures stay): the library's agreement with the reports as a test
that must pass today.

Usage: run.py [--scopecheck PATH] [--lib PATH] [--cc CC] [--tsv FILE]
              [--require-lint | --runtime-only] [PROGRAM.c ...]
"""
import argparse
import glob
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

RUNTIME_RULES = {
    "duplicate-variable", "missing-variable", "missing-dtype",
    "dtype-mismatch", "shape-mismatch", "undefined-shape",
    "initializer-mismatch", "invalid-name", "reuse-without-name",
    "scope-underflow", "scope-leak", "invalid-argument", "no-memory"}

# calls that make a program one "with the new creators" (see the docstring)
NEW_CREATORS = re.compile(
    r"\b(vs_(conv2d|conv2d_layer|batch_normalization|batch_norm_layer|"
    r"max_pooling2d|max_pooling2d_layer|flatten|flatten_layer|dropout|"
    r"dropout_layer|dense_layer|layer_apply|fully_connected|basic_rnn_cell|"
    r"basic_lstm_cell|lstm_cell|gru_cell|multi_rnn_cell|rnn_zero_state|"
    r"rnn_cell_call|dynamic_rnn|make_template|template_call|minimize|"
    r"exponential_moving_average|ema_apply|get_collection|"
    r"get_or_create_global_step)|tfc_batch_norm)\s*\(")

EXPECT = re.compile(r"//\s*expect(@([+-]?)(\d+))?:\s*(.*)$")
RUNTIME_LINE = re.compile(r"^(.*?):(\d+): error: .*\[([a-z-]+)\]\s*$")


def real(path):
    return os.path.realpath(path)


def expectations(path):
    """[(file, line, rule)] from `// expect:` marks, as fixturetest reads."""
    out = []
    with open(path, encoding="utf-8") as f:
        for no, text in enumerate(f, 1):
            m = EXPECT.search(text)
            if not m:
                continue
            target = no
            if m.group(1):
                n = int(m.group(3))
                target = no + n if m.group(2) == "+" else \
                    no - n if m.group(2) == "-" else n
            for rule in re.split(r"[,\s]+", m.group(4).strip()):
                if rule:
                    out.append((real(path), target, rule))
    return out


def inputs(path):
    """argv/env combinations from `// oracle-input:` lines."""
    dims = []
    with open(path, encoding="utf-8") as f:
        for text in f:
            m = re.search(r"//\s*oracle-input:\s*(.*)$", text)
            if not m:
                continue
            words = m.group(1).split()
            if words and words[0] == "argc":
                dims.append([("argc", int(v)) for v in words[1:]])
            elif len(words) > 2 and words[0] == "env":
                dims.append([("env", (words[1], v)) for v in words[2:]])
    return [list(c) for c in itertools.product(*dims)] if dims else [[]]


def run_program(exe, combo):
    """Runtime errors [(file, line, rule)] in order, and a crash text."""
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    argv = [exe]
    for kind, val in combo:
        if kind == "argc":
            argv += ["a%d" % i for i in range(1, val)]
        else:
            name, v = val
            if v == "-":
                env.pop(name, None)
            else:
                env[name] = v
    try:
        p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=20)
    except subprocess.TimeoutExpired:
        return [], "timeout"
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0 or "Sanitizer" in err or "runtime error:" in err:
        return [], "exit %d\n%s" % (p.returncode, err[-2000:])
    found = []
    for line in err.splitlines():
        m = RUNTIME_LINE.match(line)
        if m and m.group(3) in RUNTIME_RULES:
            found.append((real(m.group(1)), int(m.group(2)), m.group(3)))
    return found, None


def lint(scopecheck, path, strict):
    cmd = [scopecheck, "--format=json", "--no-cache", "-j", "1"]
    if strict:
        cmd.append("--strict")
    cmd += [path, "--", "-I" + os.path.join(ROOT, "include"), "-I" + HERE]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = p.stderr.decode("utf-8", "replace")
    if "Sanitizer" in err or "runtime error:" in err:
        return None, "sanitizer report: " + err[-500:]
    try:
        doc = json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        return None, "no JSON (exit %d): %s" % (p.returncode, err[-500:])
    if p.returncode == 2:
        return None, "exit 2: %s" % "; ".join(doc.get("errors", []))
    out = []
    for f in doc.get("findings", []):
        r = f["range"]
        out.append({"rule": f["rule"], "severity": f["severity"],
                    "file": real(f["file"]), "line": r["start"]["line"],
                    "end": r["end"]["line"]})
    return out, None


def covers(finding, where):
    return finding["file"] == where[0] and \
        finding["line"] <= where[1] <= finding["end"]


def check(path, args, stats, tsv):
    rel = os.path.relpath(path, ROOT)
    failing = path.endswith("_fail.c")
    marks = expectations(path)
    notes = []
    runtime_ok = True

    # 1. compile and run
    fd, exe = tempfile.mkstemp(prefix="realworld.")
    os.close(fd)
    cc = [args.cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic",
          "-g", "-fsanitize=address,undefined",
          "-I" + os.path.join(ROOT, "include"), "-I" + HERE, path, args.lib,
          "-o", exe]
    p = subprocess.run(cc, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    runs = []
    if p.returncode != 0:
        runtime_ok = False
        notes.append("does not compile:")
        notes += ["  " + l for l in p.stdout.decode().splitlines()[:20]]
    else:
        for combo in inputs(path):
            errs, crash = run_program(exe, combo)
            if crash:
                runtime_ok = False
                notes.append("run crashed: " + crash.splitlines()[0])
                notes += ["  " + l for l in crash.splitlines()[1:12]]
            runs.append(errs)
    if os.path.exists(exe):
        os.remove(exe)
    hit = {e for errs in runs for e in errs}

    # 2. the runtime against the report
    if failing and not marks:
        runtime_ok = False
        notes.append("a failing program without `// expect:` marks")
    if not failing and marks:
        runtime_ok = False
        notes.append("a fixed program with `// expect:` marks")
    if failing and runs and marks:
        firsts = {errs[0] for errs in runs if errs}
        if not firsts & set(marks):
            runtime_ok = False
            notes.append("the runtime does not fail first where TF did: "
                         "first error(s) %s, TF: %s" % (
                             ", ".join(sorted(fmt(e) for e in firsts)) or
                             "none", ", ".join(fmt(m) for m in marks)))
        for m in marks:
            if m not in hit:
                runtime_ok = False
                notes.append("TF's failure not hit by the runtime: " + fmt(m))
    if not failing and hit:
        runtime_ok = False
        notes.append("the fixed program fails at run time: " +
                     ", ".join(sorted(fmt(e) for e in hit)))
    after = sorted(hit - set(marks)) if failing else []

    # 3. lint, plain and strict
    plain, perr = lint(args.scopecheck, path, False)
    strict, serr = lint(args.scopecheck, path, True)
    lint_ok = True
    found = strict_only = silent = false_errors = 0
    kinds = []
    if perr or serr:
        lint_ok = False
        notes.append("scopecheck failed: " + (perr or serr))
        plain, strict = plain or [], strict or []
    errors = [f for f in plain if f["severity"] == "error"]
    for m in marks:
        if any(f["rule"] == m[2] and covers(f, m) for f in errors):
            found += 1
            kinds.append("found")
        elif any(f["rule"] == m[2] and covers(f, m) for f in strict):
            strict_only += 1
            kinds.append("strict-only")
            notes.append("TF's failure only a --strict warning: " + fmt(m))
        else:
            silent += 1
            kinds.append("silent")
            notes.append("TF's failure missed (not even --strict): " +
                         fmt(m))
    for f in errors:
        if f["rule"] not in RUNTIME_RULES:
            continue
        if not any(f["rule"] == e[2] and covers(f, e) for e in hit):
            false_errors += 1
            notes.append("false error (no run hits it): %s:%d: %s" % (
                os.path.relpath(f["file"], ROOT), f["line"], f["rule"]))
    if after:
        seen = [e for e in after
                if any(f["rule"] == e[2] and covers(f, e) for f in errors)]
        notes.append("after TF's exception the C program goes on: %d more "
                     "runtime error(s), %d found by the linter (first: %s)" % (
                         len(after), len(seen), fmt(after[0])))
    # --strict warnings in the program's own file (the stand-ins' headers,
    # tfops.h and tfcontrib.h, are shared by many programs: counted apart)
    warnings = [f for f in strict if f["severity"] == "warning" and
                f["rule"] in RUNTIME_RULES and f["file"] == path]
    header_warnings = [f for f in strict if f["severity"] == "warning" and
                       f["rule"] in RUNTIME_RULES and f["file"] != path]
    if not failing and warnings:
        notes.append("--strict warnings on the fixed program: " + ", ".join(
            "%s@%d" % (f["rule"], f["line"]) for f in warnings))
    if not failing and header_warnings:
        notes.append("--strict warnings in the shared headers: %d" %
                     len(header_warnings))
    if found < len(marks) or false_errors:
        lint_ok = False

    print("%s - runtime %s" % ("ok" if runtime_ok else "not ok", rel))
    if not args.runtime_only:
        print("%s - lint %s" % ("ok" if lint_ok else "not ok", rel))
    for n in notes:
        print("# " + n)

    with open(path, encoding="utf-8") as f:
        new = bool(NEW_CREATORS.search(f.read()))
    for s in (stats["all"], stats["new"]) if new else (stats["all"],):
        count(s, failing, marks, found, strict_only, silent, false_errors,
              errors, warnings, runtime_ok)
    if tsv:
        tsv.write("\t".join([rel, "fail" if failing else "fixed",
                             "ok" if runtime_ok else "bad",
                             ",".join(kinds) or "-", str(false_errors),
                             str(len(warnings)),
                             "new" if new else "old"]) + "\n")
    return runtime_ok, lint_ok


def count(s, failing, marks, found, strict_only, silent, false_errors,
          errors, warnings, runtime_ok):
    s["programs"] += 1
    s["runtime_ok"] += runtime_ok
    s["false_errors"] += false_errors
    s["programs_with_false"] += false_errors > 0
    s["plain_errors"] += len([f for f in errors if f["rule"] in RUNTIME_RULES])
    if failing:
        s["fail_programs"] += 1
        s["marks"] += len(marks)
        s["found"] += found
        s["strict_only"] += strict_only
        s["silent"] += silent
    else:
        s["fixed_programs"] += 1
        s["fixed_clean"] += not any(f["rule"] in RUNTIME_RULES
                                    for f in errors)
        s["fixed_quiet"] += not warnings


def fmt(e):
    return "%s@%s:%d" % (e[2], os.path.relpath(e[0], ROOT), e[1])


KEYS = ["programs", "runtime_ok", "false_errors", "programs_with_false",
        "plain_errors", "fail_programs", "marks", "found", "strict_only",
        "silent", "fixed_programs", "fixed_clean", "fixed_quiet"]


def summary(s, what):
    pct = lambda a, b: "%.0f%%" % (100.0 * a / b) if b else "-"
    true_errors = s["plain_errors"] - s["false_errors"]
    print("# %s: %d programs (%d failing, %d fixed); runtime agrees with "
          "the reports on %d" % (what, s["programs"], s["fail_programs"],
                                 s["fixed_programs"], s["runtime_ok"]))
    print("#   TF failures: %d; found as errors: %d (recall %s); --strict "
          "only: %d; silent: %d" % (s["marks"], s["found"],
                                    pct(s["found"], s["marks"]),
                                    s["strict_only"], s["silent"]))
    print("#   linter errors: %d, false: %d in %d programs (precision %s)" % (
        s["plain_errors"], s["false_errors"], s["programs_with_false"],
        pct(true_errors, s["plain_errors"])))
    print("#   fixed programs with no error: %d/%d; with no --strict "
          "warning: %d/%d" % (s["fixed_clean"], s["fixed_programs"],
                              s["fixed_quiet"], s["fixed_programs"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scopecheck", default=os.path.join(ROOT, "scopecheck"))
    ap.add_argument("--lib", default=os.path.join(ROOT, "libvarscope.a"))
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--tsv")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--require-lint", action="store_true")
    mode.add_argument("--runtime-only", action="store_true")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    progs = args.programs or sorted(
        glob.glob(os.path.join(HERE, "cases", "*.c")))
    for exe in (args.scopecheck, args.lib):
        if not os.path.exists(exe):
            sys.exit("run.py: %s not found (run make first)" % exe)
    if not shutil.which(args.cc):
        sys.exit("run.py: no C compiler %s" % args.cc)
    stats = {"all": dict.fromkeys(KEYS, 0), "new": dict.fromkeys(KEYS, 0)}
    tsv = open(args.tsv, "w") if args.tsv else None
    bad = 0
    for p in progs:
        rok, lok = check(os.path.abspath(p), args, stats, tsv)
        bad += (not rok) + (args.require_lint and not lok)
    if tsv:
        tsv.close()
    summary(stats["all"], "all")
    summary(stats["new"], "with the new creators")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
