#!/usr/bin/env bash
# The front end (libclang -> IR), through build/irdump (ASan/UBSan, leaks
# checked at exit):
#   - each tests/frontend/*.c dumps exactly its .ir (read and checked by
#     hand when written: locations, values, types), and every location in
#     the dumps, and in the seed fixtures' dumps, matches the source bytes;
#   - compile_commands.json: both entry forms, shell quoting, relative
#     paths, lookup by walking up, and its errors;
#   - files that do not parse give one clear line and status 2;
#   - inputs that would exhaust a recursive walk: 100,000 calls in one
#     function, a 32,000-operand expression, a 4,000-long else-if chain.
set -u
cd "$(dirname "$0")/../.."
irdump=$PWD/build/irdump
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
notok() {
    echo "not ok - $1"
    shift
    for f in "$@"; do
        [ -f "$f" ] && head -n 40 "$f" | sed 's/^/# /'
    done
}

if [ ! -x "$irdump" ]; then
    notok "build/irdump is built (make build/irdump)"
    exit 0
fi
have_python=1
command -v python3 > /dev/null || have_python=0

checklocs() {  # name dump
    if [ "$have_python" = 0 ]; then
        ok "$1: locations match the source # SKIP no python3"
    elif python3 tests/frontend/checklocs.py "$2" . > "$tmp/locs" 2>&1; then
        ok "$1: locations match the source"
    else
        notok "$1: locations match the source" "$tmp/locs"
    fi
}

# ---- golden dumps ------------------------------------------------------------
for src in tests/frontend/*.c; do
    name=$(basename "$src" .c)
    golden=tests/frontend/$name.ir
    [ -f "$golden" ] || continue
    if "$irdump" "$src" -- -Iinclude > "$tmp/$name.ir" 2> "$tmp/err"; then
        if diff -u "$golden" "$tmp/$name.ir" > "$tmp/diff"; then
            ok "$name: dump matches $golden"
        else
            notok "$name: dump matches $golden" "$tmp/diff"
        fi
        checklocs "$name" "$tmp/$name.ir"
    else
        notok "$name: irdump succeeds" "$tmp/err"
    fi
done

for src in fixtures/seed/*.c; do
    name=$(basename "$src" .c)
    if "$irdump" "$src" -- -Iinclude > "$tmp/$name.ir" 2> "$tmp/err"; then
        ok "seed $name: lowers"
        checklocs "seed $name" "$tmp/$name.ir"
    else
        notok "seed $name: lowers" "$tmp/err"
    fi
done

# ---- operator kinds from libclang (LLVM 17+) ---------------------------------
# Where the loaded libclang tells operator kinds, they are used and the text
# path is not: the goldens must come out the same (or as NAME.api.ir, where
# the text path could not tell an operator), and every seed and rule
# fixture's dump must refine the text path's (tests/frontend/refines.py).
api_lib=$(ls /usr/lib/llvm-*/lib/libclang-*.so.1 2> /dev/null | sort -V | tail -n 1)
if [ -n "$api_lib" ] && [ "$("$irdump" --libclang "$api_lib" --operator-kinds 2> /dev/null)" = api ] &&
   [ "$have_python" = 1 ]; then
    for src in tests/frontend/*.c; do
        name=$(basename "$src" .c)
        golden=tests/frontend/$name.ir
        [ -f "tests/frontend/$name.api.ir" ] && golden=tests/frontend/$name.api.ir
        [ -f "$golden" ] || continue
        if "$irdump" --libclang "$api_lib" "$src" -- -Iinclude > "$tmp/$name.api" 2> "$tmp/err" &&
           diff -u "$golden" "$tmp/$name.api" > "$tmp/diff"; then
            ok "$name: with libclang's operator kinds, dump matches $golden"
        else
            notok "$name: with libclang's operator kinds, dump matches $golden" "$tmp/diff" "$tmp/err"
        fi
    done
    : > "$tmp/refines"
    for src in fixtures/seed/*.c fixtures/rules/*/*.c; do
        "$irdump" "$src" -- -Iinclude > "$tmp/text.ir" 2>> "$tmp/refines" &&
        "$irdump" --libclang "$api_lib" "$src" -- -Iinclude > "$tmp/api.ir" 2>> "$tmp/refines" &&
        python3 tests/frontend/refines.py "$tmp/text.ir" "$tmp/api.ir" >> "$tmp/refines" ||
            echo "$src" >> "$tmp/refines"
    done
    if [ ! -s "$tmp/refines" ]; then
        ok "fixtures: libclang's operator kinds refine the ones read from the text"
    else
        notok "fixtures: libclang's operator kinds refine the ones read from the text" "$tmp/refines"
    fi
else
    ok "operator kinds from libclang # SKIP no libclang 17+ (libclang1-19) installed"
fi

# The multi-line macro invocation: start at the macro name (9:17), end at
# its closing parenthesis (11:56), end_offset just past it.
if grep -q '^      = CALL vs_get_variable_at : ptr(struct:vs_var) @9:17-11:56/215-348$' \
        tests/frontend/macro_calls.ir &&
   [ "$(dd if=tests/frontend/macro_calls.c bs=1 skip=347 count=1 2>/dev/null)" = ")" ] &&
   [ "$(dd if=tests/frontend/macro_calls.c bs=1 skip=215 count=15 2>/dev/null)" = vs_get_variable ]; then
    ok "multi-line invocation: macro name to closing parenthesis"
else
    notok "multi-line invocation: macro name to closing parenthesis"
fi

# ---- compile_commands.json ----------------------------------------------------
db=$tmp/proj
mkdir -p "$db/build" "$db/src/sub" "$db/inc" "$db/q dir" "$db/sys"
printf '#define FROM_HEADER "h"\n' > "$db/inc/names.h"
printf '#include "names.h"\nconst char *a = FROM_HEADER NAME;\n' > "$db/src/a.c"
printf 'const char *b = MSG;\n' > "$db/src/b.c"
cat > "$db/build/compile_commands.json" <<EOF
[
  {"directory": "$db/build", "file": "../src/a.c",
   "arguments": ["gcc", "-c", "-I../inc", "-isystem", "../sys", "-DNAME=\"x y\"",
                 "-o", "a.o", "../src/a.c", "-MD", "-MF", "a.d", "-Wall"]},
  {"directory": "$db/build", "file": "$db/src/b.c",
   "command": "cc -c -I ../inc -iquote'../q dir' -DMSG=\\"\\\\\\"hello  world\\\\\\"\\" -DQ='it'\\\\''s' -include ../inc/names.h -o b.o -MMD -MT b.o $db/src/b.c"}
]
EOF

expect_args() {  # name file expected-args...
    local name=$1 file=$2
    shift 2
    printf '%s\n' "$@" > "$tmp/want"
    if "$irdump" --print-args -p "$db/build" "$file" > "$tmp/got" 2> "$tmp/err" &&
       diff -u "$tmp/want" "$tmp/got" > "$tmp/diff"; then
        ok "compdb: $name"
    else
        notok "compdb: $name" "$tmp/diff" "$tmp/err"
    fi
}
expect_args '"arguments": compiler, -c, -o, the file and -M* dropped; paths absolute' \
    "$db/src/a.c" "-I$db/inc" -isystem "$db/sys" '-DNAME="x y"' -Wall
expect_args '"command": split like a shell (quotes, backslashes)' \
    "$db/src/b.c" -I "$db/inc" "-iquote$db/q dir" '-DMSG="hello  world"' "-DQ=it's" \
    -include "$db/inc/names.h"
( cd "$db/src" && "$irdump" --print-args -p ../build a.c ) > "$tmp/got" 2> "$tmp/err"
if [ "$(head -n 1 "$tmp/got")" = "-I$db/inc" ]; then
    ok "compdb: a relative source path is found"
else
    notok "compdb: a relative source path is found" "$tmp/got" "$tmp/err"
fi

# the flags are used: -I finds names.h, -D defines NAME and MSG
"$irdump" -p "$db/build" "$db/src/a.c" > "$tmp/a.ir" 2> "$tmp/err"
if grep -q '^  = STR "hx y" ' "$tmp/a.ir"; then
    ok "compdb: parsing uses the entry's -I and -D"
else
    notok "compdb: parsing uses the entry's -I and -D" "$tmp/a.ir" "$tmp/err"
fi
"$irdump" -p "$db/build" "$db/src/b.c" > "$tmp/b.ir" 2> "$tmp/err"
if grep -q '^  = STR "hello  world" ' "$tmp/b.ir"; then
    ok "compdb: a quoted -D from a command line"
else
    notok "compdb: a quoted -D from a command line" "$tmp/b.ir" "$tmp/err"
fi

# found by walking up from the file's directory (not in a build/ below)
cp "$db/build/compile_commands.json" "$db/src/compile_commands.json"
sed -i "s|\"directory\": \"$db/build\"|\"directory\": \"../build\"|" "$db/src/compile_commands.json"
printf 'int c;\n' > "$db/src/sub/c.c"
if "$irdump" --print-args "$db/src/sub/c.c" > "$tmp/got" 2> "$tmp/err" && [ ! -s "$tmp/got" ] &&
   "$irdump" --print-args "$db/src/a.c" > "$tmp/got2" 2> "$tmp/err" &&
   [ "$(head -n 1 "$tmp/got2")" = "-I$db/inc" ]; then
    ok "compdb: found by walking up; a relative \"directory\" is taken from the database's"
else
    notok "compdb: found by walking up; a relative \"directory\" is taken from the database's" \
        "$tmp/got" "$tmp/got2" "$tmp/err"
fi
rm -f "$db/src/compile_commands.json"

expect_error() {  # name dir file expected-stderr
    local name=$1 dir=$2 file=$3 want=$4
    "$irdump" --print-args -p "$dir" "$file" > /dev/null 2> "$tmp/err"
    local rc=$?
    if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
        ok "compdb error: $name"
    else
        echo "status $rc, expected 2; expected: $want" > "$tmp/why"
        notok "compdb error: $name" "$tmp/why" "$tmp/err"
    fi
}
mkdir -p "$tmp/none" "$tmp/trunc" "$tmp/obj" "$tmp/nofile" "$tmp/types" "$tmp/quote"
printf '[\n  {"directory": "/tmp",\n   "file": "a.c",\n   "arguments": ["cc", "a.c"' \
    > "$tmp/trunc/compile_commands.json"
printf '{"file": "a.c"}\n' > "$tmp/obj/compile_commands.json"
printf '[{"directory": "/tmp", "arguments": ["cc"]}]\n' > "$tmp/nofile/compile_commands.json"
printf '[{"file": "a.c", "arguments": ["cc", 3]}]\n' > "$tmp/types/compile_commands.json"
printf '[{"file": "a.c", "command": "cc \\"a.c"}]\n' > "$tmp/quote/compile_commands.json"
expect_error "missing file" "$tmp/none" a.c \
    "irdump: $tmp/none/compile_commands.json: No such file or directory"
expect_error "truncated JSON" "$tmp/trunc" a.c \
    "irdump: $tmp/trunc/compile_commands.json: not valid JSON near line 4"
expect_error "not an array" "$tmp/obj" a.c \
    "irdump: $tmp/obj/compile_commands.json: expected an array of entries"
expect_error "an entry without \"file\"" "$tmp/nofile" a.c \
    "irdump: $tmp/nofile/compile_commands.json: entry 1 has no \"file\" string"
expect_error "\"arguments\" of the wrong type" "$tmp/types" a.c \
    "irdump: $tmp/types/compile_commands.json: entry 1: \"arguments\" is not an array of strings"
expect_error "an unterminated quote in \"command\"" "$tmp/quote" a.c \
    "irdump: $tmp/quote/compile_commands.json: entry 1: \"command\": unterminated double quote"
expect_error "a file without an entry" "$db/build" "$db/src/zzz.c" \
    "irdump: $db/src/zzz.c: no entry in $db/build/compile_commands.json"

# ---- the compiler's own view (frontend/driver.h) -------------------------------
# A compile command's compiler is asked for its predefined macros and
# include path: built with gcc, `#if defined(__clang__)` is false.  The
# compiler here is a wrapper named gcc that logs each call, to see that it
# is asked once per set of flags.
vw=$tmp/view
mkdir -p "$vw/bin" "$vw/src"
real_gcc=$(command -v gcc)
printf '#!/bin/sh\necho "$*" >> "%s/calls"\nexec "%s" "$@"\n' "$vw" "$real_gcc" > "$vw/bin/gcc"
chmod +x "$vw/bin/gcc"
printf '%s\n' '#if defined(__clang__)' 'int built_by = 1;' \
    '#elif defined(__GNUC__) && defined(__GCC_IEC_559)' 'int built_by = 2;' '#endif' \
    'int opt_flag =' '#ifdef __OPTIMIZE__' '    1;' '#else' '    0;' '#endif' > "$vw/src/which.c"
cp "$vw/src/which.c" "$vw/src/other.c"
cp "$vw/src/which.c" "$vw/src/opt.c"
printf '[{"directory": "%s", "file": "src/which.c", "arguments": ["%s/bin/gcc", "-std=c11", "-c", "src/which.c"]},
 {"directory": "%s", "file": "src/other.c", "arguments": ["%s/bin/gcc", "-std=c11", "-Iinc", "-DX=1", "-c", "src/other.c"]},
 {"directory": "%s", "file": "src/opt.c", "command": "ccache %s/bin/gcc -std=c11 -O2 -c src/opt.c"}]\n' \
    "$vw" "$vw" "$vw" "$vw" "$vw" "$vw" > "$vw/compile_commands.json"
"$irdump" -p "$vw" "$vw/src/which.c" > "$tmp/which.ir" 2> "$tmp/err"
"$irdump" "$vw/src/which.c" -- -std=c11 > "$tmp/which-plain.ir" 2>> "$tmp/err"
if grep -A1 'built_by' "$tmp/which.ir" | grep -q '= INT 2 ' &&
   grep -A1 'built_by' "$tmp/which-plain.ir" | grep -q '= INT 1 '; then
    ok "compiler view: built with gcc, __clang__ is not defined (without a database it is)"
else
    notok "compiler view: built with gcc, __clang__ is not defined (without a database it is)" \
        "$tmp/which.ir" "$tmp/which-plain.ir" "$tmp/err"
fi
"$irdump" --print-view -p "$vw" "$vw/src/which.c" > "$tmp/view.txt" 2> "$tmp/err"
if grep -qx -- '-U__clang__' "$tmp/view.txt" && grep -qx -- '-U__llvm__' "$tmp/view.txt" &&
   grep -qx -- '-D__GCC_IEC_559=2' "$tmp/view.txt" && grep -qx -- '-nostdlibinc' "$tmp/view.txt" &&
   grep -qx -- '/usr/include' "$tmp/view.txt" && grep -qx -- '-U__GNUC__' "$tmp/view.txt" &&
   grep -qx -- "-D__GNUC__=$("$real_gcc" -dumpversion | cut -d. -f1)" "$tmp/view.txt" &&
   ! grep -q '/lib/gcc/' "$tmp/view.txt"; then
    ok "compiler view: clang's identifying macros undefined, gcc's defined (its __GNUC__ too), its include path"
else
    notok "compiler view: clang's identifying macros undefined, gcc's defined (its __GNUC__ too), its include path" \
        "$tmp/view.txt" "$tmp/err"
fi
# at gcc's __GNUC__ the C library's headers still parse (driver.c:
# gcc_compat), and the program's version test reads gcc's
printf '%s\n' '#include <stdio.h>' '#include <stdlib.h>' '#include <string.h>' \
    '#include <math.h>' '#include <setjmp.h>' '#include <pthread.h>' '#include <tgmath.h>' \
    '#if __GNUC__ >= 5' 'int new_gcc = 1;' '#else' 'int new_gcc = 0;' '#endif' \
    'int main(void) { return (int)sqrt(fabs(-4.0)) + isnan(1.0); }' > "$vw/src/libc.c"
mkdir -p "$vw/libcdb"
printf '[{"directory": "%s", "file": "src/libc.c", "arguments": ["%s/bin/gcc", "-std=c11", "-c", "src/libc.c"]}]\n' \
    "$vw" "$vw" > "$vw/libcdb/compile_commands.json"
if "$irdump" -p "$vw/libcdb" "$vw/src/libc.c" > "$tmp/libc.ir" 2> "$tmp/err" &&
   grep -A1 'new_gcc' "$tmp/libc.ir" | grep -q '= INT 1 '; then
    ok "compiler view: the C library's headers parse at gcc's __GNUC__, and __GNUC__ >= 5 is gcc's answer"
else
    notok "compiler view: the C library's headers parse at gcc's __GNUC__, and __GNUC__ >= 5 is gcc's answer" \
        "$tmp/libc.ir" "$tmp/err"
fi
if grep -A1 'opt_flag' "$tmp/which.ir" | grep -q '= INT 0 ' &&
   "$irdump" -p "$vw" "$vw/src/opt.c" 2> "$tmp/err" | grep -A1 'opt_flag' | grep -q '= INT 1 '; then
    ok "compiler view: asked with the flags that change the answer (-O2: __OPTIMIZE__), through ccache"
else
    notok "compiler view: asked with the flags that change the answer (-O2: __OPTIMIZE__), through ccache" \
        "$tmp/err"
fi
# one question per compiler and flags in one run: which.c and other.c
# differ only in -I and -D, which do not change the answer
# (a user cache of its own: the answer is kept there, see below)
rm -f "$vw/calls"
XDG_CACHE_HOME=$tmp/xdg "$PWD/build/scopecheck-san" --no-cache -j 2 -p "$vw" "$vw/src/which.c" "$vw/src/other.c" \
    "$vw/src/opt.c" > "$tmp/first" 2> "$tmp/err"
if [ "$(grep -c -- '-dM' "$vw/calls" 2> /dev/null)" = 2 ] &&
   grep -q -- '-std=c11 -O2 -E -dM' "$vw/calls"; then
    ok "compiler view: asked once per compiler and flags (twice for 3 files)"
else
    notok "compiler view: asked once per compiler and flags (twice for 3 files)" "$vw/calls" "$tmp/err"
fi
# the answer is kept in the user's cache (asking costs a run ~35 ms): a
# second run does not ask and sees the same; a compiler changed on disk
# (a new inode, size or time) is asked again
rm -f "$vw/calls"
XDG_CACHE_HOME=$tmp/xdg "$PWD/build/scopecheck-san" --no-cache -j 2 -p "$vw" "$vw/src/which.c" "$vw/src/other.c" \
    "$vw/src/opt.c" > "$tmp/second" 2>> "$tmp/err"
calls_kept=$(grep -c -- '-dM' "$vw/calls" 2> /dev/null)
cp "$vw/bin/gcc" "$vw/bin/gcc.new" && printf '# updated\n' >> "$vw/bin/gcc.new" && mv "$vw/bin/gcc.new" "$vw/bin/gcc"
XDG_CACHE_HOME=$tmp/xdg "$PWD/build/scopecheck-san" --no-cache -j 2 -p "$vw" "$vw/src/which.c" \
    > /dev/null 2>> "$tmp/err"
if [ "${calls_kept:-0}" = 0 ] && cmp -s "$tmp/first" "$tmp/second" &&
   [ "$(grep -c -- '-std=c11 -E -dM' "$vw/calls" 2> /dev/null)" = 1 ] &&
   ls "$tmp/xdg/scopecheck/" | grep -q '^driver-'; then
    ok "compiler view: the answer is kept in the user's cache, asked again when the compiler changes"
else
    notok "compiler view: the answer is kept in the user's cache, asked again when the compiler changes" \
        "calls on the second run: ${calls_kept:-0}" "$vw/calls" "$tmp/err"
fi
# what is kept is the compiler's own answer (its macros and search
# list), read again by each run: the cache is shared by every scopecheck
# the user runs, and a view another version read from it would be that
# version's.  A file kept in the old form (a view) is asked again.
for f in "$tmp"/xdg/scopecheck/driver-*; do
    printf 'scopecheck driver answer 1\n-D__clang__=1\n' > "$f"
done
rm -f "$vw/calls"
XDG_CACHE_HOME=$tmp/xdg "$PWD/build/scopecheck-san" --no-cache -j 2 -p "$vw" "$vw/src/which.c" \
    > "$tmp/third" 2>> "$tmp/err"
if [ "$(grep -c -- '-std=c11 -E -dM' "$vw/calls" 2> /dev/null)" = 1 ] &&
   grep -lq '^#define __GNUC__ ' "$tmp"/xdg/scopecheck/driver-* &&
   grep -lq 'search starts here' "$tmp"/xdg/scopecheck/driver-*; then
    ok "compiler view: the cache keeps the compiler's own answer; a kept view (old form) is asked again"
else
    notok "compiler view: the cache keeps the compiler's own answer; a kept view (old form) is asked again" \
        "$vw/calls" "$tmp/err"
fi
# a kept answer that was damaged (cut short, or lengths in its head that
# wrap around to the body's length when added: 2^64 - 1 and 4) is not
# read: the compiler is asked again, and the run's findings are those of
# a fresh answer
for f in "$tmp"/xdg/scopecheck/driver-*; do
    printf 'scopecheck compiler answer 2\n18446744073709551615 4\nab\n' > "$f"
done
rm -f "$vw/calls"
XDG_CACHE_HOME=$tmp/xdg "$PWD/build/scopecheck-san" --no-cache -j 2 -p "$vw" "$vw/src/which.c" \
    > "$tmp/fourth" 2>> "$tmp/err"
rc=$?
if [ "$rc" -lt 2 ] && cmp -s "$tmp/third" "$tmp/fourth" &&
   [ "$(grep -c -- '-std=c11 -E -dM' "$vw/calls" 2> /dev/null)" = 1 ]; then
    ok "compiler view: a damaged kept answer (lengths that wrap) is asked again, no crash"
else
    notok "compiler view: a damaged kept answer (lengths that wrap) is asked again, no crash" \
        "exit $rc" "$vw/calls" "$tmp/err"
fi
# a program that does not look like a compiler, or a relative path, is
# never run; there is no view then, and the file parses as before
printf '#!/bin/sh\necho "$*" >> "%s/ran"\nexit 1\n' "$vw" > "$vw/bin/notacompiler"
chmod +x "$vw/bin/notacompiler"
cp "$vw/bin/notacompiler" "$vw/gcc"
printf '[{"directory": "%s", "file": "src/which.c", "arguments": ["%s/bin/notacompiler", "-c", "src/which.c"]},
 {"directory": "%s", "file": "src/other.c", "arguments": ["./gcc", "-c", "src/other.c"]}]\n' \
    "$vw" "$vw" "$vw" > "$vw/compile_commands.json"
if "$irdump" -p "$vw" "$vw/src/which.c" > "$tmp/n1.ir" 2> "$tmp/err" &&
   "$irdump" -p "$vw" "$vw/src/other.c" > /dev/null 2>> "$tmp/err" && [ ! -e "$vw/ran" ] &&
   grep -A1 'built_by' "$tmp/n1.ir" | grep -q '= INT 1 '; then
    ok "compiler view: a program not named like a compiler, or a relative path, is not run"
else
    notok "compiler view: a program not named like a compiler, or a relative path, is not run" \
        "$vw/ran" "$tmp/err"
fi
# a compiler that fails: no view, the file still parses
printf '#!/bin/sh\nexit 3\n' > "$vw/bin/x86_64-linux-gnu-gcc"
chmod +x "$vw/bin/x86_64-linux-gnu-gcc"
printf '[{"directory": "%s", "file": "src/which.c", "arguments": ["%s/bin/x86_64-linux-gnu-gcc", "-c", "src/which.c"]}]\n' \
    "$vw" "$vw" > "$vw/compile_commands.json"
"$irdump" --print-view -p "$vw" "$vw/src/which.c" > "$tmp/fv" 2> "$tmp/err"
if "$irdump" -p "$vw" "$vw/src/which.c" > /dev/null 2>> "$tmp/err" && [ ! -s "$tmp/fv" ]; then
    ok "compiler view: a compiler that fails gives no view, and the file parses as before"
else
    notok "compiler view: a compiler that fails gives no view, and the file parses as before" \
        "$tmp/err" "$tmp/fv"
fi

# The project is built with gcc, compiled and run with the library: with
# the compile database the linter sees the branch gcc builds and reports
# the run's error; so it does with "--" and no database (cc's view); with
# no compiler to ask (clang's view) that branch is not there.
cp tests/frontend/compiler_branch.c "$vw/src/guard.c"
printf '[{"directory": "%s", "file": "src/guard.c", "arguments": ["gcc", "-std=c11", "-I%s/include", "-c", "src/guard.c"]}]\n' \
    "$vw" "$PWD" > "$vw/compile_commands.json"
if gcc -std=c11 -I"$PWD/include" "$vw/src/guard.c" build/libvarscope-san.a \
       -fsanitize=address,undefined -o "$vw/guard" 2> "$tmp/err"; then
    ( cd "$vw" && ./guard > /dev/null 2> "$tmp/run" )
    "$PWD/build/scopecheck-san" --no-cache --format=json -p "$vw" "$vw/src/guard.c" \
        > "$tmp/lint.json" 2>> "$tmp/err"
    # with "--" and no database: $CC's view, else cc's (gcc here); a $CC
    # that is not a compiler gives none: clang's own view
    env -u CC "$PWD/build/scopecheck-san" --no-cache --format=json "$vw/src/guard.c" -- -I"$PWD/include" \
        > "$tmp/lint-cc.json" 2>> "$tmp/err"
    CC=true "$PWD/build/scopecheck-san" --no-cache --format=json "$vw/src/guard.c" -- -I"$PWD/include" \
        > "$tmp/lint-clang.json" 2>> "$tmp/err"
    if grep -q 'guard.c:13: error: .*duplicate-variable' "$tmp/run" &&
       grep -q '"duplicate-variable"' "$tmp/lint.json" && grep -q '"line":[[:space:]]*13' "$tmp/lint.json" &&
       grep -q '"duplicate-variable"' "$tmp/lint-cc.json" && grep -q '"line":[[:space:]]*13' "$tmp/lint-cc.json" &&
       ! grep -q 'duplicate-variable' "$tmp/lint-clang.json"; then
        ok "compiler view: the run's error in the branch gcc builds is found with the compile database, and with -- (cc)"
    else
        notok "compiler view: the run's error in the branch gcc builds is found with the compile database, and with -- (cc)" \
            "$tmp/run" "$tmp/lint.json" "$tmp/lint-clang.json" "$tmp/err"
    fi
else
    notok "compiler view: tests/frontend/compiler_branch.c builds" "$tmp/err"
fi

# clang's default bracket depth (256) rejects what gcc builds
python3 -c 'print("int deep(int a)\n{\n    return " + "(" * 1000 + "a" + ")" * 1000 + ";\n}")' \
    > "$tmp/brackets.c"
if gcc -fsyntax-only "$tmp/brackets.c" 2> "$tmp/err" &&
   "$irdump" "$tmp/brackets.c" -- > "$tmp/brackets.ir" 2>> "$tmp/err" &&
   grep -q 'RETURN' "$tmp/brackets.ir"; then
    ok "1,000 nested parentheses (gcc builds them; clang's default stops at 256)"
else
    notok "1,000 nested parentheses (gcc builds them; clang's default stops at 256)" "$tmp/err"
fi

# ---- files that do not parse ---------------------------------------------------
printf '#include "missing.h"\nint x;\n' > "$tmp/inc.c"
printf 'int f( {\n' > "$tmp/syn.c"
printf 'int x;\n' > "$tmp/ok.c"
parse_error() {  # name expected-stderr irdump-args...
    local name=$1 want=$2
    shift 2
    "$irdump" "$@" > /dev/null 2> "$tmp/err"
    local rc=$?
    if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
        ok "parse error: $name"
    else
        echo "status $rc, expected 2; expected: $want" > "$tmp/why"
        notok "parse error: $name" "$tmp/why" "$tmp/err"
    fi
}
parse_error "missing file" "irdump: $tmp/nothere.c: No such file or directory" \
    "$tmp/nothere.c" --
parse_error "a directory" "irdump: $tmp: not a regular file" "$tmp" --
parse_error "missing header" \
    "irdump: $tmp/inc.c:1:10: fatal error: 'missing.h' file not found" "$tmp/inc.c" --
parse_error "syntax error" \
    "irdump: $tmp/syn.c:1:8: error: expected parameter declarator (and 2 more errors)" \
    "$tmp/syn.c" --
parse_error "bad option" "irdump: $tmp/ok.c: error: unknown argument: '-fno-such-flag-xyz'" \
    "$tmp/ok.c" -- -fno-such-flag-xyz
printf 'int f(void) { int unused; return 0; }\n' > "$tmp/warn.c"
if "$irdump" "$tmp/warn.c" -- -Werror -Wall > /dev/null 2> "$tmp/err"; then
    ok "warnings, even with -Werror, do not reject a file"
else
    notok "warnings, even with -Werror, do not reject a file" "$tmp/err"
fi

# ---- inputs that must not exhaust the stack ---------------------------------------
{
    echo 'void f(int);'
    echo 'void many(void)'
    echo '{'
    i=0
    while [ $i -lt 100000 ]; do
        echo "    f($i);"
        i=$((i + 1))
    done
    echo '}'
} > "$tmp/many.c"
if "$irdump" "$tmp/many.c" -- > "$tmp/many.ir" 2> "$tmp/err" &&
   [ "$(grep -c '^      CALL f : void' "$tmp/many.ir")" = 100000 ]; then
    ok "100,000 calls in one function"
else
    notok "100,000 calls in one function" "$tmp/err"
fi
{
    printf 'int deep(int a)\n{\n    return a'
    i=0
    while [ $i -lt 32000 ]; do
        printf ' + a'
        i=$((i + 1))
    done
    printf ';\n}\n'
} > "$tmp/deep.c"
if "$irdump" "$tmp/deep.c" -- > "$tmp/deep.ir" 2> "$tmp/err" &&
   grep -q '^      BINOP + : int @3:12-3:128012/' "$tmp/deep.ir"; then
    ok "a 32,000-operand expression (lowered to a bounded depth)"
else
    notok "a 32,000-operand expression (lowered to a bounded depth)" "$tmp/err"
fi
{
    printf 'int chain(int x)\n{\n    if (x == -1)\n        x = 0;\n'
    i=0
    while [ $i -lt 4000 ]; do
        printf '    else if (x == %d)\n        x = %d;\n' $i $((i + 1))
        i=$((i + 1))
    done
    printf '    return x;\n}\n'
} > "$tmp/chain.c"
if "$irdump" "$tmp/chain.c" -- > "$tmp/chain.ir" 2> "$tmp/err" &&
   [ "$(grep -c 'else: IF' "$tmp/chain.ir")" = 4000 ]; then
    ok "a 4,000-long else-if chain"
else
    notok "a 4,000-long else-if chain" "$tmp/err"
fi
