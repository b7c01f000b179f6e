#!/usr/bin/env bash
# The real-world corpus (tests/realworld/README.md) in `make check`: every
# case compiled against the library and run (the runtime must fail where TF
# failed for the report's author, and the fixed twin must run clean), and
# linted (the lint figures print as "# " lines; REALWORLD_LINT=1 makes each
# lint disagreement a failing line, as tests/realworld/suite.sh does).
set -u
cd "$(dirname "$0")/../.."
if [ "${REALWORLD_LINT:-0}" = 1 ]; then
    exec bash tests/realworld/suite.sh
fi
exec bash tests/realworld/suite.sh runtime
