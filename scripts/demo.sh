#!/usr/bin/env bash
# make demo: runs the notebook's examples against the library (In[5]'s
# session prints both rows: the second is twice the first), runs a small
# conv2d + batch norm + LSTM + Adam model, then lints the bundled examples
# and shows what scopecheck finds.
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
echo "== examples/conv_lstm.c (conv2d, batch norm, an LSTM, Adam), run"
cc -std=c11 -Wall -Wextra -pedantic -Iinclude examples/conv_lstm.c libvarscope.a -o "$tmp/conv_lstm" || exit 1
"$tmp/conv_lstm" 2>&1 | sed 's/^/   /'

echo
echo "== scopecheck fixtures/seed examples/"
./scopecheck fixtures/seed examples -- -Iinclude
status=$?
echo "(scopecheck exit status $status: 0 clean, 1 errors found, 2 could not check)"
[ "$status" -le 1 ]
