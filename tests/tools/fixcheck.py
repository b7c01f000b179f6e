#!/usr/bin/env python3
"""fixcheck SCOPECHECK LIBVARSCOPE PATH...: every fix-it, applied.

For each fixture PATH (a .c file or a program directory) that has findings
with fix-its: copy it, run `scopecheck --fix`, then
  - re-lint: every fixed finding is gone (same rule, same line: our fixes
    never add lines), and no new error appeared;
  - compile and run it: the runtime error of every fixed finding is gone,
    and the fix passes no argument of the wrong type (a vs_scope * where a
    vs_graph * goes: C only warns);
  - run --fix again: nothing changes (idempotent).
Prints TAP lines.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SC, LIB = sys.argv[1], os.path.abspath(sys.argv[2])
INC = os.path.abspath("include")
RUNTIME = re.compile(r"^(.*):(\d+): error: .*\[([a-z-]+)\]$")


def lint(path, *extra):
    p = subprocess.run([SC, "--format=json", "--no-cache", "-j", "1", *extra, path,
                        "--", "-I" + INC], capture_output=True, text=True)
    return p.returncode, json.loads(p.stdout) if p.stdout.strip() else None, p.stderr


def run_errors(path, *flags):
    srcs = [os.path.join(path, f) for f in sorted(os.listdir(path))
            if f.endswith(".c")] if os.path.isdir(path) else [path]
    exe = path.rstrip("/") + ".bin"
    cc = subprocess.run(["cc", "-std=c11", *(flags or ["-w"]), "-fsanitize=address,undefined",
                         "-I" + INC, *srcs, LIB, "-o", exe],
                        capture_output=True, text=True)
    if cc.returncode:
        return None, cc.stderr
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    p = subprocess.run([exe], capture_output=True, text=True, timeout=30, env=env)
    errs = set()
    for line in p.stderr.splitlines():
        m = RUNTIME.match(line)
        if m:
            errs.add((os.path.basename(m.group(1)), int(m.group(2)), m.group(3)))
    return errs, ""


def key(f):
    return (os.path.basename(f["file"]), f["range"]["start"]["line"], f["rule"])


def main():
    failed = 0
    tmp = tempfile.mkdtemp()
    try:
        for src in sys.argv[3:]:
            st, before, err = lint(src)
            if not before:
                print(f"not ok - {src}: lint failed\n# {err.strip()}")
                failed += 1
                continue
            fixable = [f for f in before["findings"] if f["fixes"]]
            if not fixable:
                continue
            dst = os.path.join(tmp, os.path.basename(src.rstrip("/")))
            if os.path.isdir(src):
                shutil.copytree(src, dst)
            else:
                shutil.copy(src, dst)
            rt_before, _ = run_errors(dst)
            subprocess.run([SC, "--fix", "--no-cache", "-j", "1", dst, "--", "-I" + INC],
                           capture_output=True)
            st, after, err = lint(dst)
            problems = []
            if after is None:
                problems.append("re-lint failed: " + err.strip())
            else:
                left = {key(f) for f in after["findings"]}
                for f in fixable:
                    if key(f) in left:
                        problems.append("still reported after --fix: %s:%d %s" % key(f))
                new = {key(f) for f in after["findings"] if f["severity"] == "error"} - \
                      {key(f) for f in before["findings"]}
                if new:
                    problems.append("new errors after --fix: %s" % sorted(new))
            rt_after, cc_err = run_errors(dst, "-Werror=incompatible-pointer-types",
                                          "-Werror=int-conversion")
            if rt_after is None:
                problems.append("does not compile after --fix: " + cc_err.strip()[:300])
            else:
                for f in fixable:
                    if key(f) in rt_after:
                        problems.append("the runtime still fails at %s:%d [%s]" % key(f))
            snapshot = {}
            for root, _, files in os.walk(dst):
                for n in files:
                    if n.endswith(".c"):
                        snapshot[n] = open(os.path.join(root, n), "rb").read()
            subprocess.run([SC, "--fix", "--no-cache", "-j", "1", dst, "--", "-I" + INC],
                           capture_output=True)
            for root, _, files in os.walk(dst):
                for n in files:
                    if n.endswith(".c") and open(os.path.join(root, n), "rb").read() != snapshot[n]:
                        problems.append(f"a second --fix changed {n}")
            fixed_rt = sorted(k for k in map(key, fixable) if rt_before and k in rt_before)
            if problems:
                failed += 1
                print(f"not ok - {src}: {len(fixable)} fix-its")
                for p in problems:
                    print("# " + p)
            else:
                print(f"ok - {src}: {len(fixable)} fix-its applied; gone from the "
                      f"lint and from the run ({len(fixed_rt)} runtime errors gone); idempotent")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
