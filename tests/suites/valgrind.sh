#!/usr/bin/env bash
# The same unit tests, and scopecheck itself, under valgrind (built without
# sanitizers, which do not mix with valgrind): no invalid access, no leak.
set -u
cd "$(dirname "$0")/../.."
if ! command -v valgrind >/dev/null 2>&1; then
    echo "ok - valgrind # SKIP valgrind is not installed"
    exit 0
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
for t in tests/unit/test_*.c; do
    name=$(basename "$t" .c)
    if ! cc -std=c11 -D_POSIX_C_SOURCE=200809L -O0 -g -Iinclude -Isrc/varscope -Itests/unit \
            "$t" libvarscope.a -lcmocka -o "$tmp/$name" 2> "$tmp/cc"; then
        echo "not ok - $name builds without sanitizers"; sed 's/^/# /' "$tmp/cc"; continue
    fi
    # test_oom counts allocations: it runs as well under valgrind, only slower
    CMOCKA_MESSAGE_OUTPUT=TAP $vg "$tmp/$name" > "$tmp/out" 2> "$tmp/err"
    st=$?
    if [ "$st" -eq 0 ]; then
        echo "ok - $name under valgrind ($(grep -c '^ok' "$tmp/out") tests)"
    else
        echo "not ok - $name under valgrind (status $st)"
        head -n 30 "$tmp/err" | sed 's/^/# /'
    fi
done
# scopecheck: parsing (libclang is dlopen'ed: its own allocations are not
# ours, so only definite leaks count) and a warm cache run
$vg --suppressions=tests/valgrind.supp --show-leak-kinds=definite ./scopecheck --no-cache fixtures/seed examples -- -Iinclude \
    > /dev/null 2> "$tmp/err"
st=$?
if [ "$st" -le 1 ] && ! grep -q "definitely lost" "$tmp/err"; then
    echo "ok - scopecheck under valgrind"
else
    echo "not ok - scopecheck under valgrind (status $st)"
    head -n 30 "$tmp/err" | sed 's/^/# /'
fi
