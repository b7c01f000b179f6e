#!/usr/bin/env python3
"""Prints the README's code block marked <!-- readme-test: NAME -->, with
/path/to/scopecheck replaced by this repository's path, so that the tests
run the configurations the README tells users to copy.

    readme_block.py NAME [ROOT]"""
import os
import re
import sys

root = sys.argv[2] if len(sys.argv) > 2 else \
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
text = open(os.path.join(root, "README.md"), encoding="utf-8").read()
m = re.search(r"<!-- readme-test: %s -->\n```\w*\n(.*?)```" % re.escape(sys.argv[1]), text, re.S)
if not m:
    sys.exit("readme_block: no block %s in README.md" % sys.argv[1])
sys.stdout.write(m.group(1).replace("/path/to/scopecheck", root))
