#!/usr/bin/env bash
# The real-world corpus (tests/realworld/README.md) in `make check`: every
# case compiled against the library and run (the runtime must fail where TF
# failed for the report's author, and the fixed twin must run clean), and
# linted: the linter must report each failure the report marks, as an
# error, and no error in a fixed twin (tests/realworld/suite.sh; each lint
# disagreement is a failing line).  REALWORLD_LINT=0 runs the runtime half
# only.
set -u
cd "$(dirname "$0")/../.."
if [ "${REALWORLD_LINT:-1}" = 0 ]; then
    exec bash tests/realworld/suite.sh runtime
fi
exec bash tests/realworld/suite.sh
