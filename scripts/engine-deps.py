#!/usr/bin/env python3
"""engine-deps.py [--dot]: the engine's include graph, checked.

Prints each #include edge between the files of src/scopecheck/engine/
(and from them to src/common/), then checks that the edges go one way:
every engine file has a layer, and a file includes only headers of lower
layers or of its own module:

    0  event.h site.h pmap engine.h   plain data, maps, the interface
    1  base                           interning, formatting, ids, emitting
    2  absval arith                   values
    3  state                          graphs, frames, joins, widening
    4  mem                            places, loads, stores, char arrays
    5  program                        functions, globals, activations
    6  facts | model | checkers | libc   each a module of its own
    7  interp                         the interpreter
    8  engine.c                       the entry

It also checks that the rules, the reporters and the command line include
no engine header but engine.h and event.h.  Exits 1 on a violation,
printing it.  (docs/engine.md describes the layers.)
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ENGINE = "src/scopecheck/engine"

LAYERS = [
    (0, "data", ["event.h", "site.h", "pmap.h", "pmap.c", "engine.h"]),
    (1, "base", ["base.h", "base.c"]),
    (2, "values", ["absval.h", "absval.c", "arith.c"]),
    (3, "state", ["state.h", "state.c", "state_lib.c", "widen.h", "widen.c"]),
    (4, "mem", ["mem.h", "mem.c"]),
    (5, "program", ["program.h", "program.c"]),
    (6, "facts", ["facts.h", "facts.c"]),
    (6, "model", ["model.h", "model_int.h", "model.c", "model_names.c",
                  "model_vars.c", "model_shapes.c", "model_scopes.c",
                  "model_ops.c", "model_layers.c", "model_rnn.c",
                  "model_train.c", "model_lists.c", "model_template.c"]),
    (6, "checkers", ["checkers.h", "check_leak.c"]),
    (6, "libc", ["libc.h", "libc.c"]),
    (7, "interp", ["interp.h", "interp.c"]),
    (8, "entry", ["engine.c"]),
]
PUBLIC = {"engine.h", "event.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def includes(path):
    with open(os.path.join(ROOT, path)) as f:
        return INCLUDE.findall(f.read())


def main():
    where = {}
    for rank, module, files in LAYERS:
        for name in files:
            where[name] = (rank, module)
    bad = []
    engine_files = sorted(os.listdir(os.path.join(ROOT, ENGINE)))
    for name in engine_files:
        if not name.endswith((".c", ".h")):
            continue
        if name not in where:
            bad.append(f"{ENGINE}/{name}: no layer (add it to scripts/engine-deps.py)")
            continue
        rank, module = where[name]
        for inc in includes(f"{ENGINE}/{name}"):
            target = os.path.normpath(os.path.join(ENGINE, inc))
            if not os.path.exists(os.path.join(ROOT, target)):
                continue          # on the include path: varscope.h
            print(f"{name} -> {os.path.relpath(target, ENGINE)}")
            if os.path.dirname(target) != ENGINE:
                continue          # util/, ir/, common/: below the engine
            h = os.path.basename(target)
            if h not in where:
                bad.append(f"{name} includes {h}, which has no layer")
                continue
            hrank, hmodule = where[h]
            if hrank > rank or (hrank == rank and hmodule != module):
                bad.append(f"{name} (layer {rank}, {module}) includes {h} "
                           f"(layer {hrank}, {hmodule}): against the layers")
    for top in ("rules", "report", "cli"):
        d = os.path.join("src/scopecheck", top)
        for name in sorted(os.listdir(os.path.join(ROOT, d))):
            if not name.endswith((".c", ".h")):
                continue
            for inc in includes(f"{d}/{name}"):
                target = os.path.normpath(os.path.join(d, inc))
                if (os.path.dirname(target) == ENGINE and
                        os.path.basename(target) not in PUBLIC):
                    bad.append(f"{d}/{name} includes the engine's "
                               f"{os.path.basename(target)}")
    for b in bad:
        print("violation: " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
