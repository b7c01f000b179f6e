#!/usr/bin/env bash
# --fix: every fix-it of the fixtures applied; the finding and the runtime
# error are gone; a second --fix changes nothing; a file changed since it
# was checked is never touched.
set -u
cd "$(dirname "$0")/../.."
sc=$PWD/build/scopecheck-san
python3 tests/tools/fixcheck.py "$sc" build/libvarscope-san.a fixtures/seed/*.c \
    fixtures/rules/duplicate-variable/*.c fixtures/rules/missing-dtype/*.c \
    fixtures/rules/scope-leak/*.c fixtures/programs/* examples/siamese.c
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp fixtures/seed/in3_reuse_needs_dtype.c "$tmp/a.c"
cp "$tmp/a.c" "$tmp/before.c"
SCOPECHECK_TEST_MODIFY_BEFORE_FIX=1 "$sc" --fix --no-cache "$tmp/a.c" -- -Iinclude > /dev/null 2> "$tmp/err"
st=$?
if [ "$st" -eq 2 ] && grep -q "a.c: not fixed: the file changed since it was checked" "$tmp/err" &&
   cmp -s <(cat "$tmp/before.c"; printf '\n') "$tmp/a.c"; then
    echo "ok - a file changed between the check and the fix is not touched (exit 2)"
else
    echo "not ok - a file changed between the check and the fix is not touched"
    echo "# status $st: $(cat "$tmp/err" | tail -3)"
fi
chmod 640 "$tmp/before.c"
"$sc" --fix --no-cache "$tmp/before.c" -- -Iinclude > /dev/null 2>&1
[ "$(stat -c %a "$tmp/before.c")" = 640 ] && ls "$tmp" | grep -qv XXXX &&
    echo "ok - --fix keeps the file's mode and leaves no temporary file" ||
    echo "not ok - --fix keeps the file's mode and leaves no temporary file"
