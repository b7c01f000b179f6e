#!/usr/bin/env bash
# The random differential oracle on a fixed seed range: 300 generated
# programs (seeds 1-300, classes straight, loops and unknown in turn; see
# tests/gen/gen.c), each compiled against the library and run (class
# unknown: once per combination of its inputs), linted, and compared by
# fixturetest.  Classes straight and loops must agree exactly; for class
# unknown every linter error must happen on some run.  The last line says
#   # agree: N, disagree: M, false errors: K, missed-error rate: X%
# `make fuzz-diff N=...` runs random seeds and saves what disagrees.
set -u
cd "$(dirname "$0")/../.."
exec bash tests/gen/oracle.sh --dir build/oracle/check 1 300
