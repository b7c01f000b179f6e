#!/usr/bin/env bash
# IR summaries (the cache and the map/link split): every fixture's IR
# survives a write and a read exactly, and corrupted summaries are rejected.
set -u
cd "$(dirname "$0")/../.."
exec build/summarytest fixtures/seed/*.c fixtures/rules/duplicate-variable/*.c \
    fixtures/rules/scope-leak/*.c $(ls tests/frontend/*.c | grep -v irdump.c) examples/*.c -- -Iinclude -Itests/frontend
