#!/usr/bin/env python3
"""make bench, part 4: the language server's latency after an edit.

The tree of scripts/bench_tree.py (500+ files, most never touching
varscope, model helpers across files), a workspace with a warm cache: an
editor opens one model file, then edits it.  Measured: the time from the
edit (didChange) to the diagnostics of that version (publishDiagnostics),
with the debounce set to 0 so that it is the re-lint's own cost, against
`clang -fsyntax-only` of the same file with the same flags, in the same
run (an edit, then clang, in turn: both see the machine's load of the
moment).  Target: at most 1.2x (README.md, "Speed", the `--lsp` row)."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, os.path.join(ROOT, "tests", "lsp"))
import bench_tree  # noqa: E402
from client import Client  # noqa: E402

SCOPECHECK = os.path.join(ROOT, "scopecheck")
INCLUDE = os.path.join(ROOT, "include")
EDITS = int(os.environ.get("BENCH_LSP_EDITS", "30"))


def clang_time(clang, flags, path, n):
    best = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([clang, "-fsyntax-only"] + flags + [path], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best.append(time.perf_counter() - t0)
    return best


def main():
    clang = shutil.which("clang") or sys.exit("bench: clang not found")
    tmp = tempfile.mkdtemp(prefix="scopecheck-lsp-")
    try:
        tree = os.path.join(tmp, "tree")
        files = bench_tree.make_tree(tree)
        subprocess.run(["git", "init", "-q", tree], check=True)
        flags = ["-I" + INCLUDE, "-I" + tree, "-std=c11"]
        # a model file that calls helpers of other files
        target = sorted(f for f in files if os.sep + "model" in f and f.endswith("block_1.c"))[0]
        text = open(target).read()
        print(f"4. the language server: an edit of {os.path.relpath(target, tree)} "
              f"in the tree of {len(files)} files (warm cache)")
        # the cache warmed by a run over the tree, as a user's earlier run
        subprocess.run([SCOPECHECK, "--quiet", tree, "--"] + flags, cwd=tree,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        c = Client([SCOPECHECK, "--lsp", "--"] + flags, cwd=tree)
        c.initialize(tree, None, {"debounceMs": 0})
        t0 = time.perf_counter()
        c.open(target, text)
        first = c.diagnostics(target, version=1, timeout=300)
        t_open = time.perf_counter() - t0
        # each edit, then clang on the same file, in turn: both see the
        # machine's load of the moment
        lat, cl = [], []
        for v in range(2, EDITS + 2):
            # a real edit: a new comment line each time, so the file is
            # parsed again (its text is new)
            edited = text + "/* edit %d */\n" % v
            t0 = time.perf_counter()
            c.change(target, v, [{"text": edited}])
            d = c.diagnostics(target, version=v, timeout=120)
            if d is None:
                sys.exit("bench: no diagnostics for version %d" % v)
            lat.append(time.perf_counter() - t0)
            cl += clang_time(clang, flags, target, 1)
        c.notify("shutdown")
        c.close()
        med, med_clang = statistics.median(lat), statistics.median(cl)
        print("   clang -fsyntax-only of the file      %7.1f ms (median of %d; best %.1f)"
              % (1000 * med_clang, len(cl), 1000 * min(cl)))
        print("   didOpen -> diagnostics (first check) %7.1f ms" % (1000 * t_open))
        print("   didChange -> diagnostics            %7.1f ms (median of %d; best %.1f)"
              "  %5.2fx of clang  (target <= 1.2x)"
              % (1000 * med, len(lat), 1000 * min(lat), med / med_clang))
        if first is None:
            print("   (no diagnostics after didOpen: the figures do not hold)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
