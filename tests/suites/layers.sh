#!/usr/bin/env bash
# The engine's files depend on each other one way (maps -> values -> state
# -> program -> facts, model, checkers -> interpreter -> entry), and the
# rules, reporters and command line see only its interface (engine.h,
# event.h): scripts/engine-deps.py checks the #include edges.
set -u
cd "$(dirname "$0")/../.."
out=$(python3 scripts/engine-deps.py 2>&1)
if [ $? -eq 0 ]; then
    echo "ok - engine includes go one way ($(grep -c ' -> ' <<<"$out") edges); rules, reporters, cli see engine.h and event.h only"
else
    echo "not ok - engine include layers"
    grep violation <<<"$out" | sed 's/^/# /'
fi
