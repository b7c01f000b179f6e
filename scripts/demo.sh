#!/usr/bin/env bash
# make demo: runs the notebook's examples against the library, then lints
# the bundled examples and shows what scopecheck finds.
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "== The notebook (fixtures/seed), run against libvarscope"
for src in fixtures/seed/*.c; do
    name=$(basename "$src" .c)
    cc -std=c11 -Wall -Wextra -pedantic -Iinclude "$src" libvarscope.a -o "$tmp/$name" || exit 1
    echo "-- $name"
    "$tmp/$name" 2>&1 | sed 's/^/   /'
done

echo
echo "== scopecheck fixtures/seed examples/"
./scopecheck fixtures/seed examples -- -Iinclude
status=$?
echo "(scopecheck exit status $status: 0 clean, 1 errors found, 2 could not check)"
[ "$status" -le 1 ]
