#!/usr/bin/env bash
# The hooks with the programs that run them: git running
# contrib/git-hooks/pre-commit, and the pre-commit framework (Debian's
# pre-commit) running this repository's .pre-commit-hooks.yaml.  Each
# checks what is staged in its whole program: a commit that changes only
# tower.c, so that main.c's second call now fails in it, is refused.
# Without pre-commit its tests are skipped, with a message, except under
# CI (CI=true), where they must run.
set -u
cd "$(dirname "$0")/../.."
root=$PWD
sc=$root/build/scopecheck-san
inc=-I$root/include
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; shift; for l in "$@"; do echo "# $l"; done; }
mkdir -p "$tmp/bin"
ln -s "$sc" "$tmp/bin/scopecheck"
export PATH="$tmp/bin:$PATH"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t

# tower.c shares its variable (AUTO_REUSE): main.c may call it twice.  The
# same without reuse fails on the second call (TF 1.15, variable_scope.py:
# "Variable tower/w already exists, disallowed.").
tower_ok() {
    printf '#include "varscope.h"\n\nvoid build_tower(vs_graph *g)\n{\n    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {\n        vs_get_variable(g, "w", .shape = VS_SHAPE(2));\n    }\n}\n'
}
tower_bad() {
    printf '#include "varscope.h"\n\nvoid build_tower(vs_graph *g)\n{\n    VS_VARIABLE_SCOPE(g, "tower") {\n        vs_get_variable(g, "w", .shape = VS_SHAPE(2));\n    }\n}\n'
}
main_twice() {
    printf '#include "varscope.h"\n\nvoid build_tower(vs_graph *g);\n\nint main(void)\n{\n    vs_graph *g = vs_graph_new();\n    build_tower(g);\n    build_tower(g);\n    vs_graph_free(g);\n    return 0;\n}\n'
}
# project DIR: a git project with a compile database
project() {
    mkdir -p "$1/src" && cd "$1" && git init -q .
    tower_ok > src/tower.c
    main_twice > src/main.c
    cat > compile_commands.json <<EOF
[{"directory": "$1", "file": "src/tower.c", "arguments": ["cc", "$inc", "-c", "src/tower.c"]},
 {"directory": "$1", "file": "src/main.c", "arguments": ["cc", "$inc", "-c", "src/main.c"]}]
EOF
}

# the library's verdict on the bad tower
tower_bad > "$tmp/tower.c"; main_twice > "$tmp/main.c"
cc -std=c11 "$inc" -fsanitize=address,undefined "$tmp/tower.c" "$tmp/main.c" build/libvarscope-san.a -o "$tmp/prog" &&
    ASAN_OPTIONS=detect_leaks=0 "$tmp/prog" 2>&1 | grep -q "tower.c:6: error: .*\[duplicate-variable\]" &&
    ok "the library fails main.c's second call in tower.c:6 without reuse" ||
    notok "the library fails main.c's second call in tower.c:6 without reuse"

# ---- the plain git hook ---------------------------------------------------------
project "$tmp/git"
# as the README says to install it
bash -c "$(python3 "$root/tests/editors/readme_block.py" git-hook "$root")"
[ -x .git/hooks/pre-commit ] && cmp -s .git/hooks/pre-commit "$root/contrib/git-hooks/pre-commit" &&
    ok "git hook: installed by the README's command" || notok "git hook: installed by the README's command"
git add -A && git commit -qm start > "$tmp/log" 2>&1 &&
    ok "git hook: a clean program is committed" || notok "git hook: a clean program is committed" "$(cat "$tmp/log")"
tower_bad > src/tower.c
git add src/tower.c
if git commit -qm "tower: no reuse" > "$tmp/log" 2>&1; then
    notok "git hook: a commit of tower.c alone that breaks main.c's second call is refused" "$(cat "$tmp/log")"
else
    grep -q "src/tower.c:6:9: error: .*\[duplicate-variable\]" "$tmp/log" &&
        grep -q "scopecheck found errors" "$tmp/log" &&
        ok "git hook: a commit of tower.c alone that breaks main.c's second call is refused, with the finding" ||
        notok "git hook: the refusal names the finding" "$(cat "$tmp/log")"
fi
# staged text, not the working tree's: stage the bad tower, mend the file
tower_ok > src/tower.c
if git commit -qm "tower: staged bad, working tree good" > "$tmp/log" 2>&1; then
    notok "git hook: what is staged is checked (bad staged, good in the working tree: refused)" "$(cat "$tmp/log")"
else
    ok "git hook: what is staged is checked (bad staged, good in the working tree: refused)"
fi
{ echo "/* staged: good */"; tower_ok; } > src/tower.c
git add src/tower.c
tower_bad > src/tower.c
git commit -qm "tower: staged good, working tree bad" > "$tmp/log" 2>&1 &&
    ok "git hook: a good staged text with a bad working tree is committed" ||
    notok "git hook: a good staged text with a bad working tree is committed" "$(cat "$tmp/log")"
tower_ok > src/tower.c
# names that are hard on shells: spaces, a leading '-', a newline
for name in "src/my tower.c" "src/-dash.c" "$(printf 'src/new\nline.c')"; do
    tower_bad | sed "s/build_tower/build_other/" > "$name"
    printf '#include "varscope.h"\nvoid build_other(vs_graph *g);\nint main(void) { vs_graph *g = vs_graph_new(); build_other(g); build_other(g); vs_graph_free(g); return 0; }\n' > "$tmp/caller.c"
    cp "$tmp/caller.c" "src/caller.c"
    git add -- "$name" src/caller.c
    shown=$(printf '%q' "$name")
    if git commit -qm "$shown" > "$tmp/log" 2>&1; then
        notok "git hook: a file named $shown is checked (refused)" "$(cat "$tmp/log")"
    else
        grep -q "duplicate-variable" "$tmp/log" && ok "git hook: a file named $shown is checked (refused)" ||
            notok "git hook: a file named $shown is checked" "$(cat "$tmp/log")"
    fi
    git rm -q --cached -- "$name" src/caller.c > /dev/null
    rm -f -- "$name" src/caller.c
done
cd "$root"

# ---- the pre-commit framework ---------------------------------------------------------
if ! command -v pre-commit > /dev/null; then
    if [ "${CI:-}" = true ]; then
        notok "pre-commit is installed (Debian package pre-commit): CI must run these tests"
    else
        echo "# SKIP the pre-commit tests: pre-commit is not installed (apt-get install pre-commit)"
    fi
    exit 0
fi
echo "# $(pre-commit --version)"
export PRE_COMMIT_HOME=$tmp/pre-commit-home
# this repository as pre-commit sees it (its working tree, uncommitted
# changes too): the manifest at the root is accepted and its hook runs
project "$tmp/try"
tower_bad > src/tower.c
git add -A
pre-commit try-repo "$root" scopecheck --files src/tower.c > "$tmp/log" 2>&1; st=$?
if [ "$st" -ne 0 ] && grep -q "src/tower.c:6:9: error: .*\[duplicate-variable\]" "$tmp/log"; then
    ok "pre-commit try-repo: this repository's hook runs, and fails tower.c in its whole program"
else
    notok "pre-commit try-repo: this repository's hook runs" "status $st" "$(tail -20 "$tmp/log")"
fi
cd "$root"

# the README's configuration in a project, its `repo:` pointing at a
# repository whose root holds this manifest (a copy, committed), no args
mkdir -p "$tmp/hookrepo" && cd "$tmp/hookrepo" && git init -q . &&
    cp "$root/.pre-commit-hooks.yaml" . && git add -A && git commit -qm hooks
rev=$(git rev-parse HEAD)
project "$tmp/pc"
python3 "$root/tests/editors/readme_block.py" pre-commit "$root" |
    sed -e "s|repo: .*|repo: $tmp/hookrepo|" -e "s|rev: .*|rev: $rev|" > .pre-commit-config.yaml
grep -q "id: scopecheck" .pre-commit-config.yaml || notok "README.md has the pre-commit block"
pre-commit install > "$tmp/log" 2>&1 || notok "pre-commit install" "$(cat "$tmp/log")"
git add -A
git commit -qm start > "$tmp/log" 2>&1 &&
    ok "pre-commit: a clean program is committed" || notok "pre-commit: a clean program is committed" "$(cat "$tmp/log")"
tower_bad > src/tower.c
git add src/tower.c
if git commit -qm "tower: no reuse" > "$tmp/log" 2>&1; then
    notok "pre-commit: a commit of tower.c alone that breaks main.c's second call is refused" "$(cat "$tmp/log")"
else
    grep -q "src/tower.c:6:9: error: .*\[duplicate-variable\]" "$tmp/log" && grep -qi "failed" "$tmp/log" &&
        ok "pre-commit: a commit of tower.c alone that breaks main.c's second call is refused (Failed), with the finding" ||
        notok "pre-commit: the refusal names the finding" "$(cat "$tmp/log")"
fi
# the flags of a project without a compile database, as pre-commit appends
# the file names: args: [--, -I...] (the files after "--" are files)
git reset -q
rm compile_commands.json
"$sc" src -- "$inc" > /dev/null 2>&1        # a run over the tree: the cache records the program
cat > .pre-commit-config.yaml <<EOF
repos:
  - repo: $tmp/hookrepo
    rev: $rev
    hooks:
      - id: scopecheck
        args: [--, $inc]
EOF
git add .pre-commit-config.yaml src/tower.c
if git commit -qm "tower: no reuse, no database" > "$tmp/log" 2>&1; then
    notok "pre-commit with args: [--, -I...] and no database: tower.c refused in its program" "$(cat "$tmp/log")"
else
    grep -q "src/tower.c:6:9: error: .*\[duplicate-variable\]" "$tmp/log" &&
        ok "pre-commit with args: [--, -I...] and no database: tower.c refused in its program (the cache's record)" ||
        notok "pre-commit with args: [--, -I...]: the refusal names the finding" "$(cat "$tmp/log")"
fi
cd "$root"
