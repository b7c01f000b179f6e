#!/usr/bin/env python3
"""make bench, part 3: a generated tree of 500+ files, most of which never
touch varscope, with model helpers spread across files.

Timed in the same run against clang -fsyntax-only over the same files and
flags:
  - cold full run (empty cache), -j 1: target within 1.2x of clang summed
    over every file;
  - warm run (unchanged tree): target under 10% of the cold run;
  - -j 2 against -j 1 (cold): target at least 1.7x faster on 2 cores;
  - peak memory: target within 2x of the largest single clang parse.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCOPECHECK = os.path.join(ROOT, "scopecheck")
INCLUDE = os.path.join(ROOT, "include")
N_FILES = int(os.environ.get("BENCH_TREE_FILES", "520"))
N_MODELS = int(os.environ.get("BENCH_TREE_MODELS", "12"))


def run(cmd, cwd=None):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


PLAIN_HEADERS = ["<stdio.h>", "<stdlib.h>", "<string.h>", "<math.h>", "<ctype.h>",
                 "<stdint.h>", "<errno.h>", "<limits.h>", "<time.h>", "<assert.h>"]


def plain_file(rng, k, nlib):
    """ordinary C: string handling, numerics, a small table; calls into
    a shared utility header of the project; every header it uses is
    included (in a random order), so that each file compiles"""
    inc = rng.sample(PLAIN_HEADERS, len(PLAIN_HEADERS))
    body = [f"#include {h}" for h in inc] + ['#include "util/common.h"', ""]
    body.append(f"struct rec_{k} {{ int id; double value; char name[32]; }};")
    for f in range(rng.randint(6, 12)):
        kind = rng.randrange(4)
        if kind == 0:
            body.append(f"""
int count_{k}_{f}(const char *s) {{
    int n = 0;
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || *s == '_')
            n++;
    return n + common_add({f}, {k % 7});
}}""")
        elif kind == 1:
            body.append(f"""
double mean_{k}_{f}(const double *v, size_t n) {{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++)
        acc += v[i] * {1 + f % 5}.0;
    return n ? acc / (double)n : sqrt(2.0);
}}""")
        elif kind == 2:
            body.append(f"""
static int cmp_{k}_{f}(const void *a, const void *b) {{
    const struct rec_{k} *x = a, *y = b;
    return (x->value > y->value) - (x->value < y->value);
}}

void sort_{k}_{f}(struct rec_{k} *r, size_t n) {{
    qsort(r, n, sizeof *r, cmp_{k}_{f});
    for (size_t i = 0; i < n; i++)
        snprintf(r[i].name, sizeof r[i].name, "rec_%zu", i);
}}""")
        else:
            body.append(f"""
int parse_{k}_{f}(const char *line, long *out) {{
    char *end;
    errno = 0;
    long v = strtol(line, &end, 10);
    if (errno || end == line)
        return -1;
    *out = v > INT_MAX ? INT_MAX : v;
    return 0;
}}""")
    return "\n".join(body) + "\n"


def layer_file(m, i):
    return f"""#include <stdio.h>
#include "varscope.h"
#include "model{m}/layers.h"

vs_tensor *m{m}_block_{i}(vs_graph *g, vs_tensor *x, vs_reuse reuse) {{
    vs_tensor *h = x;
    char name[32];
    snprintf(name, sizeof name, "block_%d", {i});
    VS_VARIABLE_SCOPE(g, name, .reuse = reuse) {{
        for (int k = 0; k < 3; k++) {{
            char lname[16];
            snprintf(lname, sizeof lname, "fc_%d", k);
            h = vs_dense(g, h, 16, .name = lname);
        }}
        vs_var *scale = vs_get_variable(g, "scale", .shape = VS_SHAPE(16));
        h = vs_add(g, h, vs_value(scale));
    }}
    return h;
}}
"""


def model_main(m, blocks):
    decls = "\n".join(f"vs_tensor *m{m}_block_{i}(vs_graph *g, vs_tensor *x, vs_reuse reuse);"
                      for i in range(blocks))
    calls = "\n".join(f"    h = m{m}_block_{i}(g, h, reuse);" for i in range(blocks))
    return f"""#include <stdio.h>
#include "varscope.h"
#include "util/common.h"
{decls}

static vs_tensor *tower(vs_graph *g, vs_tensor *x, vs_reuse reuse) {{
    vs_tensor *h = x;
{calls}
    return h;
}}

int main(void) {{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16), .name = "x");
    vs_tensor *a = tower(g, x, VS_REUSE_INHERIT);
    vs_tensor *b = tower(g, x, VS_REUSE);
    printf("%s %s %d\\n", vs_tensor_name(a), vs_tensor_name(b), common_add(1, 2));
    vs_graph_free(g);
    return 0;
}}
"""


def make_tree(root):
    rng = random.Random(1234)
    os.makedirs(os.path.join(root, "util"))
    with open(os.path.join(root, "util", "common.h"), "w") as f:
        f.write("#ifndef COMMON_H\n#define COMMON_H\nint common_add(int a, int b);\n#endif\n")
    with open(os.path.join(root, "util", "common.c"), "w") as f:
        f.write('#include "common.h"\nint common_add(int a, int b) { return a + b; }\n')
    files = [os.path.join(root, "util", "common.c")]
    blocks = 4
    for m in range(N_MODELS):
        d = os.path.join(root, f"model{m}")
        os.makedirs(d)
        with open(os.path.join(d, "layers.h"), "w") as f:
            f.write(f"#ifndef M{m}_LAYERS_H\n#define M{m}_LAYERS_H\n#define M{m}_UNITS 16\n#endif\n")
        for i in range(blocks):
            p = os.path.join(d, f"block_{i}.c")
            with open(p, "w") as f:
                f.write(layer_file(m, i))
            files.append(p)
        p = os.path.join(d, "main.c")
        with open(p, "w") as f:
            f.write(model_main(m, blocks))
        files.append(p)
    k = 0
    while len(files) < N_FILES:
        d = os.path.join(root, f"lib{k // 50}")
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, f"plain_{k}.c")
        with open(p, "w") as f:
            f.write(plain_file(rng, k, 0))
        files.append(p)
        k += 1
    return files


def main():
    clang = shutil.which("clang") or sys.exit("bench: clang not found")
    tmp = tempfile.mkdtemp(prefix="scopecheck-tree-")
    try:
        tree = os.path.join(tmp, "tree")
        files = make_tree(tree)
        nvs = sum(1 for f in files if "model" in f)
        flags = ["-I" + INCLUDE, "-I" + tree, "-std=c11"]
        print(f"3. a tree of {len(files)} files ({nvs} use varscope, helpers across files)")
        t_clang, m_clang, clang_failed = 0.0, 0.0, 0
        for p in files:
            t, m, st = run([clang, "-fsyntax-only"] + flags + [p])
            t_clang += t
            m_clang = max(m_clang, m)
            clang_failed += st != 0
        cache = os.path.join(tmp, "cache")

        def sc(jobs, cold, extra=(), repeat=7):
            """best of `repeat` (sub-second runs are noisy: the default
            run's parallel part is only 60 parses); cold: an empty cache
            each time"""
            runs = []
            for _ in range(repeat):
                if cold:
                    shutil.rmtree(cache, ignore_errors=True)
                runs.append(run([SCOPECHECK, "-j", str(jobs), "--quiet", "--cache-dir", cache]
                                + list(extra) + [tree, "--"] + flags))
            return min(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)
        t_cold1, m_cold1, st = sc(1, True)
        t_warm1, m_warm1, _ = sc(1, False)
        t_cold2, m_cold2, _ = sc(2, True)
        t_all, m_all, st_all = sc(1, True, ["--no-cache", "--all-files"], 3)
        t_all2, m_all2, _ = sc(2, True, ["--no-cache", "--all-files"], 3)
        print("   clang -fsyntax-only, every file     %7.2f s  (largest parse %.1f MiB)" % (t_clang, m_clang))
        print("   scopecheck -j 1, cold cache         %7.2f s  %5.2fx of clang  (target <= 1.2x)" % (t_cold1, t_cold1 / t_clang))
        print("   scopecheck -j 1, warm cache         %7.2f s  %5.1f%% of cold   (target < 10%%)" % (t_warm1, 100 * t_warm1 / t_cold1))
        print("   scopecheck -j 2, cold cache         %7.2f s  %5.2fx faster than -j 1 (target >= 1.7x on 2 cores; %d cores here)"
              % (t_cold2, t_cold1 / t_cold2, os.cpu_count() or 1))
        print("   scopecheck -j 1 --all-files          %7.2f s  %5.2fx of clang  (no pre-scan: every file parsed)" % (t_all, t_all / t_clang))
        print("   scopecheck -j 2 --all-files          %7.2f s  %5.2fx faster than -j 1 (the map step on every file)"
              % (t_all2, t_all / t_all2))
        peak = max(m_cold1, m_warm1, m_cold2)
        print("   peak memory                         %7.1f MiB %5.2fx of the largest clang parse (target <= 2x)"
              % (peak, peak / m_clang))
        if st > 1 or st_all > 1:
            print(f"   (scopecheck exit status {st}, with --all-files {st_all}: "
                  "a file did not parse; the figures do not hold)")
        if clang_failed:
            print(f"   ({clang_failed} files did not compile with clang: "
                  "the figures do not hold)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
