#!/usr/bin/env python3
"""Checks the locations in an irdump output against the source files.

For every "@[fN:]L:C-EL:EC/O-E" in the dump: L:C must be byte offset O of
the file, EL:EC must be a token start at or after O, and E must be the end
of the token that starts at EL:EC (or E == O for an empty range).  Prints
one line per problem; exit status 1 when there is any.

    checklocs.py DUMP [ROOT]   (file paths in the dump are relative to ROOT)
"""
import os
import re
import sys

LOC = re.compile(r'@(?:f(\d+):)?(\d+):(\d+)-(\d+):(\d+)/(\d+)-(\d+)')
PUNCTS = ["<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==",
          "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##"]


def token_end(b, i):
    """End of the C token starting at byte i of b."""
    c = chr(b[i])
    if c.isalpha() or c == '_' or b[i] >= 0x80:
        j = i
        while j < len(b) and (chr(b[j]).isalnum() or b[j] == ord('_') or b[j] >= 0x80):
            j += 1
        if j < len(b) and chr(b[j]) in '"\'' and j - i <= 2 and c in 'LuU':
            return quoted_end(b, j)
        return j
    if c.isdigit() or (c == '.' and i + 1 < len(b) and chr(b[i + 1]).isdigit()):
        j = i + 1
        while j < len(b):
            d = chr(b[j])
            if d.isalnum() or d in '._':
                j += 1
            elif d in '+-' and chr(b[j - 1]) in 'eEpP':
                j += 1
            else:
                break
        return j
    if c in '"\'':
        return quoted_end(b, i)
    for p in PUNCTS:
        if b[i:i + len(p)] == p.encode():
            return i + len(p)
    return i + 1


def quoted_end(b, i):
    q = b[i]
    j = i + 1
    while j < len(b) and b[j] != q:
        if b[j] == ord('\\'):
            j += 1
        j += 1
    return j + 1


def main():
    dump = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else '.'
    files = {}
    problems = 0
    text = open(dump, encoding='utf-8', errors='replace').read()
    for m in re.finditer(r'^file (\d+) (.*)$', text, re.M):
        files[int(m.group(1))] = m.group(2)
    cache = {}
    for n, line in enumerate(text.splitlines(), 1):
        for m in LOC.finditer(line):
            fi = int(m.group(1) or 1)
            l, c, el, ec, o, e = (int(x) for x in m.groups()[1:])
            path = files.get(fi)
            if path is None:
                print('%s:%d: no file %d' % (dump, n, fi))
                problems += 1
                continue
            if path not in cache:
                full = path if os.path.isabs(path) else os.path.join(root, path)
                data = open(full, 'rb').read()
                starts = [0] + [k + 1 for k, ch in enumerate(data) if ch == 10]
                cache[path] = (data, starts)
            data, starts = cache[path]

            def off(line_no, col):
                return starts[line_no - 1] + col - 1

            why = None
            if off(l, c) != o:
                why = 'start %d:%d is offset %d, not %d' % (l, c, off(l, c), o)
            else:
                last = off(el, ec)
                if last < o:
                    why = 'end %d:%d is before the start' % (el, ec)
                elif e != token_end(data, last):
                    why = 'token at %d:%d ends at %d, not %d' % (el, ec, token_end(data, last), e)
            if why:
                print('%s:%d: %s: %s' % (dump, n, m.group(0), why))
                problems += 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
