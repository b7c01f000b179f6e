#!/usr/bin/env bash
# Starts a new rule, as clang-tidy's add_new_check.py starts a check:
#
#   scripts/new-rule.sh ID EVENT SEVERITY "SUMMARY"
#
# ID is kebab-case (a runtime failure's rule is named as its vs_code:
# src/common/vocab.h); EVENT is the engine event its checker reads (one of
# src/scopecheck/engine/event.h's kinds: error, renamed,
# name-scope-ignored, reentered, leak, none); SEVERITY is error, warning
# or note.  It writes
#   rules/ID.json                        the metadata
#   rules/ID.md                          the page --explain prints (fill it)
#   src/scopecheck/rules/ID_.c           the checker, rule_ID_() (fill it)
#   fixtures/rules/ID/fail_example.c     a program it must report, with
#   fixtures/rules/ID/pass_example.c     `// expect: ID`, and one it must not
# (ID_ is ID with _ for -).  Nothing else is edited: the build finds the
# files (tools/genrules.c makes the registry from rules/*.json), and
# `make check` lints the fixtures and, for a runtime rule, runs them.
set -eu
cd "$(dirname "$0")/.."
if [ $# -ne 4 ]; then
    sed -n '2,/^set -eu/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
id=$1 event=$2 severity=$3 summary=$4
case $id in *[!a-z0-9-]* | -* | *-) echo "new-rule: $id: not a kebab-case id" >&2; exit 2 ;; esac
case $event in error|renamed|name-scope-ignored|reentered|leak|none) ;;
    *) echo "new-rule: $event: not one of event.h's kinds" >&2; exit 2 ;; esac
case $severity in error|warning|note) ;;
    *) echo "new-rule: $severity: error, warning or note" >&2; exit 2 ;; esac
fn=${id//-/_}
for f in "rules/$id.json" "rules/$id.md" "src/scopecheck/rules/$fn.c" "fixtures/rules/$id"; do
    [ -e "$f" ] && { echo "new-rule: $f exists" >&2; exit 1; }
done
runtime=false
grep -q "\"$id\")" src/common/vocab.h && runtime=true
json_summary=$(printf '%s' "$summary" | sed 's/\\/\\\\/g; s/"/\\"/g')

cat > "rules/$id.json" <<JSON
{
  "id": "$id",
  "severity": "$severity",
  "summary": "$json_summary",
  "fixable": false,
  "event": "$event",
  "runtime": $runtime,
  "tags": []
}
JSON

cat > "rules/$id.md" <<MD
# $id

Severity: $severity.

## What it finds

$summary

## Why it is a problem

(What TensorFlow 1.15 does, with the source file and function, or the
test, that says so.)

## Example

\`\`\`c
(the program of fixtures/rules/$id/fail_example.c)
\`\`\`

## The fix

(What to write instead.)
MD

cat > "src/scopecheck/rules/$fn.c" <<C
/* $id: $summary */
#include "rule.h"

void rule_$fn(const sc_event *ev, sc_rule_ctx *c)
{
    /* the finding, its notes (sc_context_notes) and fix-its */
    sc_runtime_finding(ev, c);
}
C

mkdir -p "fixtures/rules/$id"
cat > "fixtures/rules/$id/fail_example.c" <<C
/* $id: (what this program does wrong, and what TF does with it) */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: $id
    vs_graph_free(g);
    return 0;
}
C
cat > "fixtures/rules/$id/pass_example.c" <<C
/* $id: (the same program, right) */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    vs_graph_free(g);
    return 0;
}
C
echo "new-rule: wrote rules/$id.json, rules/$id.md, src/scopecheck/rules/$fn.c, fixtures/rules/$id/"
