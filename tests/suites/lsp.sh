#!/usr/bin/env bash
# scopecheck --lsp at the protocol level: tests/lsp/protocol.py, a client
# in Python speaking LSP 3.17 to build/scopecheck-san (under ASan/UBSan).
# Neovim's own client is in editors.sh; the latency is in make bench.
set -u
cd "$(dirname "$0")/../.."
exec timeout 900 python3 tests/lsp/protocol.py build/scopecheck-san build/libvarscope-san.a
