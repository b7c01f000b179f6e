#!/usr/bin/env python3
"""refines.py TEXT.ir API.ir: the dump made with libclang's operator kinds
(LLVM 17+) refines the one made by reading operators from the source: the
same tree, except that a node the text path left UNKNOWN (an operator it
could not tell) may be a known operator with its operands.  Exit 1 and the
first difference otherwise."""
import sys


def tree(path):
    """lines as (indent, text) pairs"""
    out = []
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        out.append((len(line) - len(line.lstrip(" ")), line.strip()))
    return out


def subtree_end(t, i):
    """the index just past the subtree rooted at line i"""
    j = i + 1
    while j < len(t) and t[j][0] > t[i][0]:
        j += 1
    return j


def head(text):
    """a line without its node kind: label, type and location"""
    for kind in ("UNKNOWN", "BINOP", "UNOP", "ASSIGN", "COMMA", "INCDEC",
                 "ADDR", "DEREF"):
        k = text.find(kind)
        if k >= 0:
            rest = text[text.find(" : ", k):] if " : " in text[k:] else ""
            return text[:k], rest
    return None


def main():
    a, b = tree(sys.argv[1]), tree(sys.argv[2])
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        ha, hb = head(a[i][1]), head(b[j][1])
        if "UNKNOWN" in a[i][1] and a[i][0] == b[j][0] and ha and ha == hb:
            i, j = subtree_end(a, i), subtree_end(b, j)
            continue
        print("%s:%d: %s\n%s:%d: %s" % (sys.argv[1], i + 1, a[i][1],
                                        sys.argv[2], j + 1, b[j][1]))
        return 1
    if i < len(a) or j < len(b):
        print("one dump is longer than the other")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
