/* Source files, positions and locations: where a cursor is, in the
 * user's file, and where a token is really spelled. */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

fe_file *fe_file_get(lowering *l, CXFile cx)
{
    if (!cx)
        return NULL;
    if (l->last_file && l->last_file->cx == cx)
        return l->last_file;
    for (size_t i = 0; i < l->files.len; i++)
        if (l->files.items[i]->cx == cx)
            return l->last_file = l->files.items[i];
    fe_file *f = sc_xmalloc(sizeof *f);
    memset(f, 0, sizeof *f);
    f->cx = cx;
    f->ord = (uint32_t)l->files.len;
    size_t size = 0;
    f->buf = clang_getFileContents(l->tu, cx, &size);
    f->size = f->buf ? size : 0;
    SC_PUSH(l->files, f);
    return l->last_file = f;
}

fe_file *fe_file_by_index(lowering *l, uint32_t index)
{
    if (!index)
        return NULL;
    for (size_t i = 0; i < l->files.len; i++)
        if (l->files.items[i]->index == index)
            return l->files.items[i];
    return NULL;
}

uint32_t fe_file_index(lowering *l, fe_file *f)
{
    if (!f)
        return 0;
    if (!f->index) {
        f->index = (uint32_t)l->file_names.len;
        SC_PUSH(l->file_names, fe_intern_cx(l, clang_getFileName(f->cx)));
    }
    return f->index;
}

static void build_lines(fe_file *f)
{
    SC_VEC(uint32_t) v = {0};
    SC_PUSH(v, 0u);
    for (size_t i = 0; i < f->size; i++) {
        char c = f->buf[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= f->size || f->buf[i + 1] != '\n')))
            SC_PUSH(v, (uint32_t)(i + 1));
    }
    f->lines = v.items;
    f->nlines = (uint32_t)v.len;
}

static void line_col(fe_file *f, uint32_t off, uint32_t *line, uint32_t *col)
{
    if (!f->lines)
        build_lines(f);
    uint32_t lo = 0, hi = f->nlines;       /* lines[lo] <= off < lines[hi] */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo + 1;
    *col = off - f->lines[lo] + 1;
}

/* The expansion position of a location. */
static fe_file *expansion_pos(lowering *l, CXSourceLocation s, unsigned *off)
{
    CXFile cf = NULL;
    unsigned o = 0;
    clang_getExpansionLocation(s, &cf, NULL, NULL, &o);
    *off = o;
    return fe_file_get(l, cf);
}

/* Whether a location is inside a macro expansion (a macro body or an
 * argument) rather than written in a file.  libclang 14 has no call for
 * this; a SourceLocation's raw encoding (CXSourceLocation.int_data) has its
 * top bit set for macro locations.  That is checked against a slow, exact
 * test (a token lexed where the location is spelled lands on the location
 * itself only for a file location) on the first locations seen; should
 * they ever disagree, the slow test is used from then on. */
static bool slow_is_macro(lowering *l, CXSourceLocation s, bool *known)
{
    CXToken *t = clang_getToken(l->tu, s);
    *known = t != NULL;
    if (!t)
        return true;
    bool same = clang_equalLocations(s, clang_getTokenLocation(l->tu, *t)) != 0;
    clang_disposeTokens(l->tu, t, 1);
    return !same;
}

/* token_start: s is the start of a token (a range's start, a name);
 * else s is a range's end as libclang translates it, which is a file
 * location or a location in a macro argument. */
bool fe_loc_is_macro(lowering *l, CXSourceLocation s, bool token_start)
{
    bool bit = (s.int_data & 0x80000000u) != 0;
    bool calibrating = !l->calib_bad && l->calib_checks < 256 &&
                       (l->calib_seen[0] < 8 || l->calib_seen[1] < 8);
    if (token_start && (calibrating || l->calib_bad)) {
        bool known;
        bool slow = slow_is_macro(l, s, &known);
        if (!known)
            return l->calib_bad ? true : bit;
        if (!l->calib_bad) {
            l->calib_checks++;
            l->calib_seen[slow]++;
            if (slow != bit)
                l->calib_bad = true;
        }
        return slow;
    }
    if (!token_start && l->calib_bad) {
        /* a macro argument's expansion (the macro name) is not where the
         * argument is written; a file location's is */
        CXFile f1 = NULL, f2 = NULL;
        unsigned o1 = 0, o2 = 0;
        clang_getExpansionLocation(s, &f1, NULL, NULL, &o1);
        clang_getFileLocation(s, &f2, NULL, NULL, &o2);
        return f1 != f2 || o1 != o2;
    }
    return bit;
}

/* ---- locations ---------------------------------------------------------- */

/* The end (just past its closing parenthesis) of the macro invocation whose
 * name starts at off; *last = the closing parenthesis (or the name). */
uint32_t fe_invocation_end(lowering *l, fe_file *f, uint32_t off, uint32_t *last)
{
    uint64_t key = ((uint64_t)f->ord << 32 | off) + 1;
    uint32_t v;
    if (fe_umap_get(&l->invoc, key, &v)) {
        *last = v - 1;              /* only invocations with ( ) are cached */
        return v;
    }
    const char *b = f->buf;
    size_t n = f->size;
    if (!b || off >= n) {
        *last = off;
        return off;
    }
    size_t i = off;
    if (!ctext_ident_start(b[i])) {
        *last = off;
        return off + 1;
    }
    while (i < n && ctext_ident_char(b[i]))
        i++;
    size_t j = ctext_skip_blank(b, n, i);
    if (j < n && b[j] == '(') {
        size_t k = ctext_group_end(b, n, j);
        if (k) {
            *last = (uint32_t)(k - 1);
            fe_umap_put(&l->invoc, key, (uint32_t)k);
            return (uint32_t)k;
        }
    }
    *last = off;
    return (uint32_t)i;
}

static ir_loc make_loc(fe_file *f, uint32_t idx, uint32_t off, uint32_t last, uint32_t end)
{
    ir_loc r;
    memset(&r, 0, sizeof r);
    r.file = idx;
    r.offset = off;
    r.end_offset = end;
    line_col(f, off, &r.line, &r.col);
    line_col(f, last, &r.end_line, &r.end_col);
    return r;
}

/* The range of the token at a location (a name), or of the macro invocation
 * it is written in. */
ir_loc fe_token_loc(lowering *l, CXSourceLocation s)
{
    ir_loc r;
    memset(&r, 0, sizeof r);
    unsigned off;
    fe_file *f = expansion_pos(l, s, &off);
    if (!f || !f->buf || off >= f->size)
        return r;
    uint32_t idx = fe_file_index(l, f);
    if (!fe_loc_is_macro(l, s, true)) {
        size_t e = ctext_token_end(f->buf, f->size, off);
        return make_loc(f, idx, off, off, (uint32_t)e);
    }
    uint32_t last;
    uint32_t end = fe_invocation_end(l, f, off, &last);
    return make_loc(f, idx, off, last, end);
}

ir_loc fe_range_loc_w(lowering *l, CXSourceRange rg, bool *whole)
{
    ir_loc r;
    memset(&r, 0, sizeof r);
    *whole = false;
    if (clang_Range_isNull(rg))
        return r;
    CXSourceLocation b = clang_getRangeStart(rg), e = clang_getRangeEnd(rg);
    unsigned ob;
    fe_file *f = expansion_pos(l, b, &ob);
    if (!f || !f->buf || ob >= f->size)
        return r;
    uint32_t idx = fe_file_index(l, f);
    bool start_macro = fe_loc_is_macro(l, b, true);
    unsigned oe;
    fe_file *fe = expansion_pos(l, e, &oe);
    uint32_t last, end;
    if (fe == f && oe > ob && oe <= f->size && !fe_loc_is_macro(l, e, false)) {
        /* just past the last token, written in the file (or resolved by
         * libclang to the end of the outermost macro invocation) */
        end = oe;
        last = (uint32_t)ctext_token_start_before(f->buf, oe);
        if (last < ob)
            last = ob;
    } else if (fe == f && oe >= ob && oe < f->size) {
        /* the last token is in a macro argument: the invocation's end */
        end = fe_invocation_end(l, f, oe, &last);
    } else {
        end = (uint32_t)ctext_token_end(f->buf, f->size, ob);
        last = ob;
    }
    if (start_macro) {
        uint32_t il;
        *whole = fe_invocation_end(l, f, ob, &il) == end;
    }
    return make_loc(f, idx, ob, last, end);
}

static ir_loc range_loc(lowering *l, CXSourceRange rg)
{
    bool whole;
    return fe_range_loc_w(l, rg, &whole);
}

ir_loc fe_cursor_loc(lowering *l, CXCursor c)
{
    if (l->inv_valid)
        return l->inv_loc;
    return range_loc(l, clang_getCursorExtent(c));
}

/* A location covering only the last token of r (a closing brace). */
ir_loc fe_last_token_loc(ir_loc r, lowering *l)
{
    fe_file *f = fe_file_by_index(l, r.file);
    if (!f)
        return r;
    uint32_t last = r.end_offset;
    /* the offset of end_line:end_col */
    if (!f->lines)
        build_lines(f);
    if (r.end_line >= 1 && r.end_line <= f->nlines)
        last = f->lines[r.end_line - 1] + r.end_col - 1;
    r.line = r.end_line;
    r.col = r.end_col;
    r.offset = last;
    return r;
}

/* ---- spelled tokens ------------------------------------------------------ */

/* The token clang lexes at its spelling, for a raw location: its file
 * and [*b, *e); NULL when it cannot be read (a pasted token in clang's
 * scratch buffer, a builtin). */
static fe_file *token_spelled(lowering *l, CXSourceLocation raw, unsigned *b,
                              unsigned *e)
{
    CXToken *t = clang_getToken(l->tu, raw);
    if (!t)
        return NULL;
    CXSourceRange r = clang_getTokenExtent(l->tu, *t);
    clang_disposeTokens(l->tu, t, 1);
    unsigned ob = 0, oe = 0;
    CXFile cf = NULL;
    clang_getExpansionLocation(clang_getRangeStart(r), &cf, NULL, NULL, &ob);
    clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &oe);
    fe_file *f = fe_file_get(l, cf);
    if (!f || !f->buf || ob >= f->size || oe > f->size || oe <= ob)
        return NULL;
    *b = ob;
    *e = oe;
    return f;
}

/* Where the token at a raw location is really fe_spelled (a macro body, an
 * argument, the file): its file and [*b, *e).  A token written in the
 * file is read there.  A token from a macro is looked for with
 * clang_getToken first, which lexes at its spelling: its file location is
 * not enough, since that follows an argument to where the argument is
 * written, and the argument may be a macro whose body holds the token
 * (X4(BLOCK): BLOCK's tokens have the file location of the word BLOCK).
 * clang_getToken finds no token for most argument tokens written in the
 * file; those are read at their file location, as are tokens outside
 * macros.  NULL when it cannot be read (a pasted token in clang's scratch
 * buffer, a builtin). */
fe_file *fe_spelled(lowering *l, CXSourceLocation raw, unsigned *b, unsigned *e)
{
    CXFile cf = NULL;
    unsigned fo = 0;
    clang_getFileLocation(raw, &cf, NULL, NULL, &fo);
    fe_file *f = fe_file_get(l, cf);
    bool in_macro = fe_loc_is_macro(l, raw, true);
    if (in_macro) {
        fe_file *tf = token_spelled(l, raw, b, e);
        if (tf)
            return tf;
        unsigned xo;
        if (expansion_pos(l, raw, &xo) == f && xo == fo)
            return NULL;            /* a macro body's token clang cannot lex */
    } else if (!f) {
        return token_spelled(l, raw, b, e);
    }
    if (!f || !f->buf || fo >= f->size)
        return NULL;
    *b = fo;
    *e = (unsigned)ctext_token_end(f->buf, f->size, fo);
    /* a word there that names a macro is not the token: the token comes
     * from that macro's expansion (`#define W (4 << t)` in VS_SHAPE(W +
     * 1): `4` has the file location of W, and the text after W is not
     * what follows 4) */
    if (in_macro && ctext_ident_start(f->buf[fo]) && fe_is_macro_name(l, f->buf + fo, *e - fo))
        return NULL;
    return f;
}
