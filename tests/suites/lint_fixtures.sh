#!/usr/bin/env bash
# Every fixture is linted and its findings compared exactly with the
# `// expect: rule-id` comments written beside the code (clang -verify
# style): a missing finding and an extra one both fail.
set -u
cd "$(dirname "$0")/../.."
exec build/fixturetest lint build/scopecheck-san fixtures/seed/*.c fixtures/rules/*/*.c fixtures/programs/*
