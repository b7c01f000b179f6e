#!/usr/bin/env bash
# The editors' integrations with the editors themselves, each set up by
# the lines the README tells a user to copy (tests/editors/readme_block.py
# takes them out of README.md): Neovim's own LSP client against
# scopecheck --lsp through contrib/vim/lua/scopecheck.lua, the compiler
# plugin contrib/vim/compiler/scopecheck.vim in Neovim, and the Flymake
# backend contrib/emacs/scopecheck.el in Emacs (Debian's neovim and
# emacs-nox).  Without them the tests are skipped, with a
# message, except under CI (CI=true), where they must run.
set -u
cd "$(dirname "$0")/../.."
root=$PWD
sc=$root/build/scopecheck-san
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }
have() { # have PROGRAM PACKAGE: true if there; else a skip, or a failure under CI
    command -v "$1" > /dev/null && return 0
    if [ "${CI:-}" = true ]; then
        notok "$1 is installed (Debian package $2): CI must run these tests"
    else
        echo "# SKIP the $1 tests: $1 is not installed (apt-get install $2)"
    fi
    return 1
}
sanitizer_free() { # NAME LOG
    if grep -qE "AddressSanitizer|LeakSanitizer|runtime error:" "$2"; then
        notok "$1: no sanitizer report" "$(grep -E -A5 "AddressSanitizer|LeakSanitizer|runtime error:" "$2" | head -20)"
    else
        ok "$1: no sanitizer report"
    fi
}

# the program: its second get_variable fails (missing-dtype) on a line
# holding non-ASCII text before the call; the library says where
prog=tests/editors/unicode_dtype.c
cc -std=c11 -Iinclude -fsanitize=address,undefined "$prog" build/libvarscope-san.a -o "$tmp/run"
line=$(ASAN_OPTIONS=detect_leaks=0 "$tmp/run" 2>&1 | sed -nE 's/^.*unicode_dtype\.c:([0-9]+): error: .*\[missing-dtype\]$/\1/p' | head -1)
[ -n "$line" ] && ok "the library fails the program at line $line (missing-dtype)" ||
    notok "the library fails the program (missing-dtype)"
mkdir -p "$tmp/proj/my dir"
( cd "$tmp/proj" && git init -q . )

# `scopecheck` on PATH, as the README's configurations call it: the
# sanitized build, its stderr also kept in a file for the sanitizers'
# reports (the editor reads it as well)
mkdir -p "$tmp/bin"
wrap() { # wrap NAME: $tmp/bin/scopecheck for that editor
    printf '#!/usr/bin/env bash\nexec "%s" "$@" 2> >(tee -a "%s" >&2)\n' "$sc" "$tmp/$1.stderr" > "$tmp/bin/scopecheck"
    chmod +x "$tmp/bin/scopecheck"
    cp "$tmp/bin/scopecheck" "$tmp/$1"
    : > "$tmp/$1.stderr"
}
export PATH="$tmp/bin:$PATH"
readme() { python3 tests/editors/readme_block.py "$1" > "$2" || notok "README.md has the $1 block"; }

if have nvim neovim; then
    echo "# $(nvim --version | head -1)"
    cp "$prog" "$tmp/proj/a.c"
    wrap sc-lsp
    readme nvim "$tmp/init.lua"
    FILE=$tmp/proj/a.c LINE=$line OUT=$tmp/nvim_lsp.tap \
        timeout 300 nvim --headless -u "$tmp/init.lua" -i NONE -n \
        -c "luafile $root/tests/editors/nvim_lsp.lua" > "$tmp/nvim.log" 2>&1
    st=$?
    if [ -s "$tmp/nvim_lsp.tap" ]; then
        sed 's/^\(not \)\{0,1\}ok - /&Neovim LSP: /' "$tmp/nvim_lsp.tap"
    else
        notok "Neovim's LSP client ran the test (status $st)" "$(tail -20 "$tmp/nvim.log")"
    fi
    sanitizer_free "Neovim LSP: the server" "$tmp/sc-lsp.stderr"

    cp "$prog" "$tmp/proj/my dir/a b.c"
    printf '#include "varscope.h"\nint main(void)\n{ vs_graph *g = vs_graph_new() return 0; }\n' > "$tmp/proj/my dir/broken c.c"
    wrap sc-make
    readme vim "$tmp/init.vim"
    (cd "$tmp/proj" && FILE="$tmp/proj/my dir/a b.c" BROKEN="$tmp/proj/my dir/broken c.c" \
        LINE=$line OUT=$tmp/nvim_make.tap timeout 300 nvim --headless -u "$tmp/init.vim" -i NONE -n \
        -c "luafile $root/tests/editors/nvim_compiler.lua" > "$tmp/nvim2.log" 2>&1)
    st=$?
    if [ -s "$tmp/nvim_make.tap" ]; then
        sed 's/^\(not \)\{0,1\}ok - /&Neovim :compiler scopecheck: /' "$tmp/nvim_make.tap"
    else
        notok "Neovim ran the compiler plugin's test (status $st)" "$(tail -20 "$tmp/nvim2.log")"
    fi
fi

if have emacs emacs-nox; then
    echo "# $(emacs --version | head -1)"
    cp "$prog" "$tmp/proj/e.c"
    wrap sc-emacs
    printf '#!/bin/sh\necho "noise on stderr" >&2\nexec "%s" "$@"\n' "$tmp/sc-emacs" > "$tmp/noisy"
    printf '#!/bin/sh\nexec "%s" --frobnicate "$@"\n' "$tmp/sc-emacs" > "$tmp/bad"
    chmod +x "$tmp/noisy" "$tmp/bad"
    readme emacs "$tmp/readme.el"
    FILE=$tmp/proj/e.c LINE=$line NOISY=$tmp/noisy BAD=$tmp/bad OUT=$tmp/flymake.tap \
        timeout 300 emacs --batch -Q -l "$tmp/readme.el" -l "$root/tests/editors/flymake_test.el" \
        > "$tmp/emacs.log" 2>&1
    st=$?
    if [ -s "$tmp/flymake.tap" ]; then
        sed 's/^\(not \)\{0,1\}ok - /&Emacs Flymake: /' "$tmp/flymake.tap"
    else
        notok "Emacs ran the Flymake test (status $st)" "$(tail -20 "$tmp/emacs.log")"
    fi
    grep -q "void-variable\|Error \[" "$tmp/emacs.log" &&
        notok "Emacs Flymake: no error in Emacs's log" "$(grep -E 'void-variable|Error \[' "$tmp/emacs.log" | head)" ||
        ok "Emacs Flymake: no error in Emacs's log"
    sanitizer_free "Emacs Flymake: scopecheck" "$tmp/sc-emacs.stderr"
fi
