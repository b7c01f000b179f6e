#!/usr/bin/env bash
# The linter is tested against the library: each fixture is compiled,
# run, and linted; the runtime's `error:` lines (file, line, code) must
# equal the linter's error findings of the rules that mirror run-time
# failures.  The last line says "agree: N, disagree: M".
set -u
cd "$(dirname "$0")/../.."
exec build/fixturetest diff build/scopecheck-san build/libvarscope-san.a fixtures/seed/*.c fixtures/rules/*/*.c fixtures/programs/*
