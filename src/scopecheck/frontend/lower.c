/* Lowering a libclang translation unit to the IR.
 *
 * Choices the IR leaves to the front end:
 *
 * - Locations follow the expansion location: anything written through a
 *   macro, its body or its arguments, is located at the outermost macro
 *   invocation in the user's file: start at the macro name, end_line:
 *   end_col at the invocation's closing parenthesis, end_offset just past
 *   it.  Code outside macros has its spelling range.  end_line:end_col is
 *   the last token's start.  A node whose range is exactly one invocation
 *   hands that range to its whole subtree without recomputing it.
 * - A direct call has str = the callee's name and kids[0] = an IR_FUNCREF
 *   of it (never NULL), so that a walk over kids needs no special case.
 * - Static locals are globals named "FUNC.VAR" with is_static set; a
 *   file-scope static variable also has is_static set (internal linkage).
 *   Globals declared in system headers that the code uses (stderr) are
 *   added on first use, with is_extern set.  A block-scope extern is the
 *   global it names.  Redeclarations of a global are one global, located
 *   at its definition.
 * - Implicit casts and parentheses are transparent: the node is the inner
 *   expression with its own type, except that an implicit conversion of a
 *   literal 0 to a pointer is IR_NULL with the pointer type.
 * - An integer-typed node is folded to IR_INT by clang_Cursor_Evaluate
 *   only when it is a literal, an enum constant, sizeof/_Alignof, or a
 *   cast, parenthesis, unary, binary or conditional operator whose
 *   operands all folded: never a variable's value.
 * - libclang 14 has no API for an operator's kind.  & and * are told by
 *   the operand types; prefix operators by the token where they are
 *   spelled (clang_getToken); binary and postfix ones from the source
 *   between the operands (exact outside macros), else from the text of
 *   the expression at the macro level where it is written ("text hints":
 *   the header of a for/if/while/switch/return in a macro body, or the
 *   #define body of a macro the whole expression is an invocation of),
 *   else next to the operands where they are spelled, else, for a
 *   variable's initializer, from clang's printing of the declaration.  An
 *   operator none of these finds (an unparenthesized macro argument that
 *   changes the precedence, as in GT(a, 1) + 2 for `#define GT(a, b) a > b`)
 *   lowers to IR_UNKNOWN with the operands' side effects as kids, never to
 *   a guessed operator.
 * - Whether a location is inside a macro is read from the top bit of its
 *   raw encoding (no API); that is checked against an exact token-based
 *   test on the first locations of each unit, and the exact test is used
 *   from then on should they ever disagree.
 * - _Generic lowers to IR_UNKNOWN without kids (which association is
 *   evaluated is not known); a GNU case range `case 1 ... 3:` gives one
 *   IR_S_CASE per value when it has at most 256 values, else one for its
 *   low end; an array range designator [1 ... 3] is named "[1][3]".
 * - Nesting deeper than MAX_DEPTH statements/expressions lowers to
 *   IR_S_NOP / IR_UNKNOWN rather than exhausting the stack (1000 levels
 *   take about 5 MB of stack under ASan, 1.5 MB without); else-if chains,
 *   case and label chains and the statements of a block are lowered
 *   iteratively and do not count.
 */
#include "lower.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

#define MAX_DEPTH 1000

/* ---- maps from cursors ------------------------------------------------ */

/* Open addressing over clang_hashCursor / clang_equalCursors.  Entries of
 * older generations are empty, so clearing is O(1). */
typedef struct cmap {
    CXCursor *keys;
    uint32_t *vals;
    uint32_t *gens;
    size_t cap, count;
    uint32_t gen;
} cmap;

static void cmap_init(cmap *m)
{
    memset(m, 0, sizeof *m);
    m->gen = 1;
}

static void cmap_free(cmap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->gens);
    memset(m, 0, sizeof *m);
}

static void cmap_clear(cmap *m)
{
    m->gen++;
    m->count = 0;
}

static bool cmap_get(const cmap *m, CXCursor c, uint32_t *out)
{
    if (!m->cap)
        return false;
    size_t i = clang_hashCursor(c) & (m->cap - 1);
    while (m->gens[i] == m->gen) {
        if (clang_equalCursors(m->keys[i], c)) {
            *out = m->vals[i];
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}

static void cmap_put(cmap *m, CXCursor c, uint32_t v);

static void cmap_grow(cmap *m)
{
    size_t oc = m->cap;
    CXCursor *ok = m->keys;
    uint32_t *ov = m->vals, *og = m->gens;
    uint32_t gen = m->gen;
    m->cap = oc ? oc * 2 : 64;
    m->keys = sc_xmalloc(m->cap * sizeof *m->keys);
    m->vals = sc_xmalloc(m->cap * sizeof *m->vals);
    m->gens = sc_xmalloc(m->cap * sizeof *m->gens);
    memset(m->gens, 0, m->cap * sizeof *m->gens);
    m->gen = 1;
    m->count = 0;
    for (size_t i = 0; i < oc; i++)
        if (og[i] == gen)
            cmap_put(m, ok[i], ov[i]);
    free(ok);
    free(ov);
    free(og);
}

static void cmap_put(cmap *m, CXCursor c, uint32_t v)
{
    if ((m->count + 1) * 2 > m->cap)
        cmap_grow(m);
    size_t i = clang_hashCursor(c) & (m->cap - 1);
    while (m->gens[i] == m->gen) {
        if (clang_equalCursors(m->keys[i], c)) {
            m->vals[i] = v;
            return;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = c;
    m->vals[i] = v;
    m->gens[i] = m->gen;
    m->count++;
}

/* uint64 -> uint32, for label names and macro invocation ends */
typedef struct umap {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, count;
} umap;

static bool umap_get(const umap *m, uint64_t k, uint32_t *out)
{
    if (!m->cap)
        return false;
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == k) {
            *out = m->vals[i];
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}

/* k must not be 0 */
static void umap_put(umap *m, uint64_t k, uint32_t v)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t oc = m->cap;
        uint64_t *ok = m->keys;
        uint32_t *ov = m->vals;
        m->cap = oc ? oc * 2 : 64;
        m->keys = sc_xmalloc(m->cap * sizeof *m->keys);
        m->vals = sc_xmalloc(m->cap * sizeof *m->vals);
        memset(m->keys, 0, m->cap * sizeof *m->keys);
        m->count = 0;
        for (size_t i = 0; i < oc; i++)
            if (ok[i])
                umap_put(m, ok[i], ov[i]);
        free(ok);
        free(ov);
    }
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->count++;
    m->keys[i] = k;
    m->vals[i] = v;
}

static void umap_clear(umap *m)
{
    if (m->cap)
        memset(m->keys, 0, m->cap * sizeof *m->keys);
    m->count = 0;
}

static void umap_free(umap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ---- state ------------------------------------------------------------ */

typedef struct fe_file fe_file;
struct fe_file {
    CXFile cx;
    uint32_t ord;            /* position in lw.files */
    uint32_t index;          /* in ir_unit.files, 0 until a location uses it */
    const char *buf;         /* the TU's buffer (owned by libclang) */
    size_t size;
    uint32_t *lines;         /* offsets where lines start, built on demand */
    uint32_t nlines;
};

/* source text [b, e) of an expression, at some macro level */
typedef struct hint {
    fe_file *f;
    uint32_t b, e;
} hint;

typedef struct xent {
    CXCursor c;
    bool transparent;
    bool have_loc;
    ir_loc loc;
} xent;

/* a #define: its body's text */
typedef struct mdef {
    fe_file *f;
    uint32_t b, e;
    bool funclike, ambiguous;
} mdef;

#define TYPE_CACHE 1024
typedef struct tcache_ent {
    bool valid;
    enum CXTypeKind kind;
    void *data0, *data1;
    ir_type type;
} tcache_ent;

typedef struct lw {
    CXTranslationUnit tu;
    ir_unit *u;
    sc_arena *A;

    SC_VEC(fe_file *) files;
    fe_file *last_file;
    SC_VEC(const char *) file_names;     /* unit files, [0] = "" */

    SC_VEC(ir_global) globals;
    cmap gmap;                           /* canonical decl -> global */
    SC_VEC(ir_func) funcs;

    /* the function being lowered */
    bool in_func;
    const char *fn_name;
    SC_VEC(ir_sym) locals;
    cmap lmap;                           /* decl -> local */
    umap labels;                         /* interned name -> id + 1 */
    uint32_t nlabels;

    cmap namemap;                        /* decl -> interned spelling */
    SC_VEC(const char *) names;

    umap invoc;                          /* file<<32|offset -> end offset+1 */

    /* the variable whose initializer is being lowered (printing fallback) */
    CXCursor vd;
    bool have_vd;
    CXPrintingPolicy policy;

    tcache_ent tcache[TYPE_CACHE];

    /* scratch stacks, used with base indexes */
    SC_VEC(CXCursor) cs;
    SC_VEC(CXCursor) ws;
    SC_VEC(ir_stmt *) ss;
    SC_VEC(ir_expr *) es;

    int depth;

    /* inside a node whose range is exactly one macro invocation, every
     * descendant has that range: it is handed down, not recomputed */
    bool inv_valid;
    ir_loc inv_loc;
    /* the statement lower_stmt is lowering, and its location */
    CXCursor cur_stmt;
    ir_loc cur_stmt_loc;
    bool have_cur_stmt;

    /* loc_is_macro's calibration */
    bool calib_bad;
    unsigned calib_checks, calib_seen[2];

    /* a text hint for the next lx() of ph_node (see "text hints") */
    bool ph_valid;
    CXCursor ph_node;
    hint ph;

    /* the expressions being lowered, innermost last */
    SC_VEC(xent) xs;
    /* the statement whose expressions are being lowered (not an
     * expression statement) */
    bool have_stmt_loc;
    ir_loc stmt_loc;

    /* #define index, built on first need: name -> mdefs index + 1 */
    bool macros_built;
    sc_arena marena;
    sc_interner mnames;
    umap macros;
    SC_VEC(mdef) mdefs;
} lw;

static const char *intern(lw *l, const char *s, size_t n)
{
    return sc_intern(&l->u->strings, s, n);
}

static const char *intern_cx(lw *l, CXString s)
{
    const char *c = clang_getCString(s);
    const char *r = intern(l, c ? c : "", c ? strlen(c) : 0);
    clang_disposeString(s);
    return r;
}

/* ---- children ---------------------------------------------------------- */

static enum CXChildVisitResult collect_cb(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lw *l = d;
    SC_PUSH(l->cs, c);
    return CXChildVisit_Continue;
}

/* Pushes c's children on l->cs; returns the base index (pop by restoring
 * l->cs.len).  Access them by index: the vector may move. */
static size_t children(lw *l, CXCursor c)
{
    size_t base = l->cs.len;
    clang_visitChildren(c, collect_cb, l);
    return base;
}

static bool is_expr(CXCursor c)
{
    return clang_isExpression(clang_getCursorKind(c)) != 0;
}

/* ---- files and positions ---------------------------------------------- */

static fe_file *file_get(lw *l, CXFile cx)
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

static fe_file *file_by_index(lw *l, uint32_t index)
{
    if (!index)
        return NULL;
    for (size_t i = 0; i < l->files.len; i++)
        if (l->files.items[i]->index == index)
            return l->files.items[i];
    return NULL;
}

static uint32_t file_index(lw *l, fe_file *f)
{
    if (!f)
        return 0;
    if (!f->index) {
        f->index = (uint32_t)l->file_names.len;
        SC_PUSH(l->file_names, intern_cx(l, clang_getFileName(f->cx)));
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
static fe_file *xpos(lw *l, CXSourceLocation s, unsigned *off)
{
    CXFile cf = NULL;
    unsigned o = 0;
    clang_getExpansionLocation(s, &cf, NULL, NULL, &o);
    *off = o;
    return file_get(l, cf);
}

/* Whether a location is inside a macro expansion (a macro body or an
 * argument) rather than written in a file.  libclang 14 has no call for
 * this; a SourceLocation's raw encoding (CXSourceLocation.int_data) has its
 * top bit set for macro locations.  That is checked against a slow, exact
 * test (a token lexed where the location is spelled lands on the location
 * itself only for a file location) on the first locations seen; should
 * they ever disagree, the slow test is used from then on. */
static bool slow_is_macro(lw *l, CXSourceLocation s, bool *known)
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
static bool loc_is_macro(lw *l, CXSourceLocation s, bool token_start)
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

/* ---- lexing helpers over a buffer --------------------------------------- */

static bool ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
           (unsigned char)c >= 0x80;
}

static bool ident_char(char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Skips blanks, newlines, backslash-newlines and comments forward. */
static size_t skip_ws(const char *b, size_t n, size_t i)
{
    while (i < n) {
        char c = b[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            i++;
        } else if (c == '\\' && i + 1 < n && (b[i + 1] == '\n' || b[i + 1] == '\r')) {
            i += 2;
        } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < n && !(b[j] == '*' && b[j + 1] == '/'))
                j++;
            i = j + 2 <= n ? j + 2 : n;
        } else if (c == '/' && i + 1 < n && b[i + 1] == '/') {
            while (i < n && b[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    return i;
}

/* The end of a quoted literal starting at i (b[i] is the quote). */
static size_t skip_quoted(const char *b, size_t n, size_t i)
{
    char q = b[i++];
    while (i < n && b[i] != q && b[i] != '\n') {
        if (b[i] == '\\' && i + 1 < n)
            i++;
        i++;
    }
    return i < n ? i + 1 : n;
}

static const char *const puncts[] = {
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
    "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", NULL};

/* The end of the token starting at i (i < n, not a blank). */
static size_t lex_token(const char *b, size_t n, size_t i)
{
    char c = b[i];
    if (ident_start(c)) {
        size_t j = i;
        while (j < n && ident_char(b[j]))
            j++;
        /* L"..", u8"..", u'..' */
        if (j < n && (b[j] == '"' || b[j] == '\'') && j - i <= 2 &&
            (b[i] == 'L' || b[i] == 'u' || b[i] == 'U'))
            return skip_quoted(b, n, j);
        return j;
    }
    if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(b[i + 1]))) {
        size_t j = i + 1;
        while (j < n) {
            if (ident_char(b[j]) || b[j] == '.')
                j++;
            else if ((b[j] == '+' || b[j] == '-') && strchr("eEpP", b[j - 1]))
                j++;
            else
                break;
        }
        return j;
    }
    if (c == '"' || c == '\'')
        return skip_quoted(b, n, i);
    if (!strchr("<>.-+&|=!*/%^#", c) || i + 1 >= n)
        return i + 1;
    for (const char *const *p = puncts; *p; p++) {
        if ((*p)[0] != c || (*p)[1] != b[i + 1])
            continue;
        size_t k = (*p)[2] ? 3 : 2;
        if (i + k <= n && (k == 2 || b[i + 2] == (*p)[2]))
            return i + k;
    }
    return i + 1;
}

/* The position just past the group that opens at i ('(' '[' '{'), or 0. */
static size_t skip_group(const char *b, size_t n, size_t i)
{
    int depth = 0;
    while (i < n) {
        i = skip_ws(b, n, i);
        if (i >= n)
            break;
        char c = b[i];
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            i++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
            i++;
            if (depth == 0)
                return i;
            if (depth < 0)
                return 0;
        } else {
            i = lex_token(b, n, i);
        }
    }
    return 0;
}

/* The start of the line comment on the line [ls, le), or le. */
static size_t line_comment(const char *b, size_t ls, size_t le)
{
    size_t i = ls;
    while (i < le) {
        char c = b[i];
        if (c == '"' || c == '\'') {
            i = skip_quoted(b, le, i);
        } else if (c == '/' && i + 1 < le && b[i + 1] == '/') {
            return i;
        } else if (c == '/' && i + 1 < le && b[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < le && !(b[j] == '*' && b[j + 1] == '/'))
                j++;
            if (j + 1 >= le)
                return le;          /* runs past the line: give up */
            i = j + 2;
        } else {
            i++;
        }
    }
    return le;
}

/* Skips blanks, newlines, backslash-newlines and comments backward from i
 * (exclusive); returns the position just past the previous significant
 * character. */
static size_t skip_ws_back(const char *b, size_t i)
{
    while (i > 0) {
        char c = b[i - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            i--;
        } else if (c == '\n') {
            i--;
            if (i > 0 && b[i - 1] == '\\') {
                i--;
                continue;
            }
            /* a line comment on the previous line */
            size_t ls = i;
            while (ls > 0 && b[ls - 1] != '\n')
                ls--;
            i = line_comment(b, ls, i);
        } else if (c == '/' && i >= 2 && b[i - 2] == '*') {
            size_t j = i - 2;
            while (j >= 2 && !(b[j - 2] == '/' && b[j - 1] == '*'))
                j--;
            if (j < 2)
                return i;
            i = j - 2;
        } else {
            break;
        }
    }
    return i;
}

/* The start of the token that ends at `end` (exclusive). */
static size_t token_start_before(const char *b, size_t end)
{
    if (end == 0)
        return 0;
    char c = b[end - 1];
    if (c == '"' || c == '\'') {
        size_t j = end - 1;
        while (j > 0) {
            j--;
            if (b[j] == c) {
                size_t k = j, bs = 0;
                while (k > 0 && b[k - 1] == '\\') {
                    k--;
                    bs++;
                }
                if (bs % 2 == 0)
                    break;
            }
        }
        /* encoding prefix */
        size_t p = j;
        while (p > 0 && ident_char(b[p - 1]) && j - p < 2)
            p--;
        if (p < j && (p == 0 || !ident_char(b[p - 1]))) {
            size_t len = j - p;
            if ((len == 1 && strchr("LuU", b[p])) || (len == 2 && b[p] == 'u' && b[p + 1] == '8'))
                return p;
        }
        return j;
    }
    if (ident_char(c)) {
        size_t t = end;
        while (t > 0 && ident_char(b[t - 1]))
            t--;
        /* part of a number such as 1.5e+3 ? */
        size_t u = t;
        while (u > 0) {
            char p = b[u - 1];
            if (ident_char(p) || p == '.')
                u--;
            else if ((p == '+' || p == '-') && u >= 2 && strchr("eEpP", b[u - 2]))
                u--;
            else
                break;
        }
        if (u < t && (is_digit(b[u]) || (b[u] == '.' && is_digit(b[u + 1]))))
            return u;
        return t;
    }
    if ((c == '+' || c == '-') && end >= 2 && b[end - 2] == c)
        return end - 2;
    return end - 1;
}

/* ---- locations ---------------------------------------------------------- */

/* The end (just past its closing parenthesis) of the macro invocation whose
 * name starts at off; *last = the closing parenthesis (or the name). */
static uint32_t invocation_end(lw *l, fe_file *f, uint32_t off, uint32_t *last)
{
    uint64_t key = ((uint64_t)f->ord << 32 | off) + 1;
    uint32_t v;
    if (umap_get(&l->invoc, key, &v)) {
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
    if (!ident_start(b[i])) {
        *last = off;
        return off + 1;
    }
    while (i < n && ident_char(b[i]))
        i++;
    size_t j = skip_ws(b, n, i);
    if (j < n && b[j] == '(') {
        size_t k = skip_group(b, n, j);
        if (k) {
            *last = (uint32_t)(k - 1);
            umap_put(&l->invoc, key, (uint32_t)k);
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
static ir_loc token_loc(lw *l, CXSourceLocation s)
{
    ir_loc r;
    memset(&r, 0, sizeof r);
    unsigned off;
    fe_file *f = xpos(l, s, &off);
    if (!f || !f->buf || off >= f->size)
        return r;
    uint32_t idx = file_index(l, f);
    if (!loc_is_macro(l, s, true)) {
        size_t e = lex_token(f->buf, f->size, off);
        return make_loc(f, idx, off, off, (uint32_t)e);
    }
    uint32_t last;
    uint32_t end = invocation_end(l, f, off, &last);
    return make_loc(f, idx, off, last, end);
}

static ir_loc range_loc_w(lw *l, CXSourceRange rg, bool *whole)
{
    ir_loc r;
    memset(&r, 0, sizeof r);
    *whole = false;
    if (clang_Range_isNull(rg))
        return r;
    CXSourceLocation b = clang_getRangeStart(rg), e = clang_getRangeEnd(rg);
    unsigned ob;
    fe_file *f = xpos(l, b, &ob);
    if (!f || !f->buf || ob >= f->size)
        return r;
    uint32_t idx = file_index(l, f);
    bool start_macro = loc_is_macro(l, b, true);
    unsigned oe;
    fe_file *fe = xpos(l, e, &oe);
    uint32_t last, end;
    if (fe == f && oe > ob && oe <= f->size && !loc_is_macro(l, e, false)) {
        /* just past the last token, written in the file (or resolved by
         * libclang to the end of the outermost macro invocation) */
        end = oe;
        last = (uint32_t)token_start_before(f->buf, oe);
        if (last < ob)
            last = ob;
    } else if (fe == f && oe >= ob && oe < f->size) {
        /* the last token is in a macro argument: the invocation's end */
        end = invocation_end(l, f, oe, &last);
    } else {
        end = (uint32_t)lex_token(f->buf, f->size, ob);
        last = ob;
    }
    if (start_macro) {
        uint32_t il;
        *whole = invocation_end(l, f, ob, &il) == end;
    }
    return make_loc(f, idx, ob, last, end);
}

static ir_loc range_loc(lw *l, CXSourceRange rg)
{
    bool whole;
    return range_loc_w(l, rg, &whole);
}

static ir_loc cursor_loc(lw *l, CXCursor c)
{
    if (l->inv_valid)
        return l->inv_loc;
    return range_loc(l, clang_getCursorExtent(c));
}

/* A location covering only the last token of r (a closing brace). */
static ir_loc last_token_loc(ir_loc r, lw *l)
{
    fe_file *f = file_by_index(l, r.file);
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

/* Where the token at a raw location is really spelled (a macro body, an
 * argument, the file): its file and [*b, *e).  A token written in the
 * file, or in a macro argument (whose file location follows the argument
 * to where it is written), is read there; a macro body's token is found by
 * clang_getToken, which lexes at its spelling.  NULL when it cannot be read
 * (a pasted token in clang's scratch buffer, a builtin). */
static fe_file *spelled(lw *l, CXSourceLocation raw, unsigned *b, unsigned *e)
{
    CXFile cf = NULL;
    unsigned fo = 0;
    clang_getFileLocation(raw, &cf, NULL, NULL, &fo);
    fe_file *f = file_get(l, cf);
    bool macro = loc_is_macro(l, raw, true);
    if (macro && f) {
        unsigned xo;
        fe_file *xf = xpos(l, raw, &xo);
        if (xf == f && xo == fo)
            f = NULL;               /* a macro body's token */
    }
    if (f) {
        if (!f->buf || fo >= f->size)
            return NULL;
        *b = fo;
        *e = (unsigned)lex_token(f->buf, f->size, fo);
        return f;
    }
    CXToken *t = clang_getToken(l->tu, raw);
    if (!t)
        return NULL;
    CXSourceRange r = clang_getTokenExtent(l->tu, *t);
    clang_disposeTokens(l->tu, t, 1);
    unsigned ob = 0, oe = 0;
    cf = NULL;
    clang_getExpansionLocation(clang_getRangeStart(r), &cf, NULL, NULL, &ob);
    clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &oe);
    f = file_get(l, cf);
    if (!f || !f->buf || ob >= f->size || oe > f->size || oe <= ob)
        return NULL;
    *b = ob;
    *e = oe;
    return f;
}

/* ---- operators ----------------------------------------------------------- */

enum { OPK_NONE, OPK_BIN, OPK_ASSIGN, OPK_COMPOUND, OPK_COMMA };

typedef struct opinfo {
    const char *text;
    int kind;
    int code;       /* ir_binop */
    int prec;       /* for printed-text scans */
} opinfo;

static const opinfo ops[] = {
    {"*", OPK_BIN, IR_MUL, 13}, {"/", OPK_BIN, IR_DIV, 13}, {"%", OPK_BIN, IR_MOD, 13},
    {"+", OPK_BIN, IR_ADD, 12}, {"-", OPK_BIN, IR_SUB, 12},
    {"<<", OPK_BIN, IR_SHL, 11}, {">>", OPK_BIN, IR_SHR, 11},
    {"<", OPK_BIN, IR_LT, 10}, {">", OPK_BIN, IR_GT, 10}, {"<=", OPK_BIN, IR_LE, 10},
    {">=", OPK_BIN, IR_GE, 10}, {"==", OPK_BIN, IR_EQ, 9}, {"!=", OPK_BIN, IR_NE, 9},
    {"&", OPK_BIN, IR_BITAND, 8}, {"^", OPK_BIN, IR_BITXOR, 7}, {"|", OPK_BIN, IR_BITOR, 6},
    {"&&", OPK_BIN, IR_LAND, 5}, {"||", OPK_BIN, IR_LOR, 4},
    {"=", OPK_ASSIGN, 0, 2},
    {"*=", OPK_COMPOUND, IR_MUL, 2}, {"/=", OPK_COMPOUND, IR_DIV, 2},
    {"%=", OPK_COMPOUND, IR_MOD, 2}, {"+=", OPK_COMPOUND, IR_ADD, 2},
    {"-=", OPK_COMPOUND, IR_SUB, 2}, {"<<=", OPK_COMPOUND, IR_SHL, 2},
    {">>=", OPK_COMPOUND, IR_SHR, 2}, {"&=", OPK_COMPOUND, IR_BITAND, 2},
    {"^=", OPK_COMPOUND, IR_BITXOR, 2}, {"|=", OPK_COMPOUND, IR_BITOR, 2},
    {",", OPK_COMMA, 0, 1},
    {NULL, 0, 0, 0}};

static const opinfo *op_lookup(const char *s, size_t n)
{
    for (const opinfo *o = ops; o->text; o++)
        if (strlen(o->text) == n && memcmp(o->text, s, n) == 0)
            return o;
    return NULL;
}

static bool op_fits(const opinfo *o, bool compound_node)
{
    if (!o)
        return false;
    if (compound_node)
        return o->kind == OPK_COMPOUND;
    return o->kind == OPK_BIN || o->kind == OPK_ASSIGN || o->kind == OPK_COMMA;
}

static const char *const paren_keywords[] = {
    "if", "while", "for", "switch", "return", "sizeof", "_Alignof", "alignof",
    "__alignof__", "case", "do", "else", "_Static_assert", NULL};

/* Whether the comma at `pos` in b can be a comma operator rather than the
 * separator of call or macro arguments or of an initializer list: scans back
 * to the enclosing group. */
static bool comma_is_operator(const char *b, size_t pos)
{
    int depth = 0;
    size_t i = pos;
    size_t budget = 16384;
    while (i > 0 && budget-- > 0) {
        i = skip_ws_back(b, i);
        if (i == 0)
            return true;
        char c = b[i - 1];
        if (c == '"' || c == '\'') {
            i = token_start_before(b, i);
            continue;
        }
        if (c == ')' || c == ']') {
            depth++;
            i--;
            continue;
        }
        if (c == '}') {
            if (depth == 0)
                return true;        /* after a block: statement level */
            depth++;
            i--;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth > 0) {
                depth--;
                i--;
                continue;
            }
            if (c == '[')
                return true;
            if (c == '{')
                return false;       /* initializer list (or a block: give up) */
            /* '(' : what precedes it? */
            size_t j = skip_ws_back(b, i - 1);
            if (j == 0)
                return true;
            char p = b[j - 1];
            if (ident_char(p)) {
                size_t s = j;
                while (s > 0 && ident_char(b[s - 1]))
                    s--;
                for (const char *const *k = paren_keywords; *k; k++)
                    if (strlen(*k) == j - s && memcmp(b + s, *k, j - s) == 0)
                        return true;
                return false;       /* a call or a macro invocation */
            }
            if (p == ')' || p == ']')
                return false;       /* a call through an expression */
            return true;
        }
        if (depth == 0 && (c == ';' || c == '#'))
            return true;
        i = token_start_before(b, i);
    }
    return false;
}

/* The operator token that ends at `end` in b: the longest operator made of
 * the contiguous punctuation before end. */
static const opinfo *op_ending_at(const char *b, size_t end, size_t *start)
{
    size_t r = end;
    while (r > 0 && strchr("+-*/%<>=!&|^,", b[r - 1]) && end - r < 3)
        r--;
    /* lex forward from each candidate start; keep the token that ends at end */
    for (size_t s = r; s < end; s++) {
        size_t e = lex_token(b, end, s);
        if (e == end) {
            const opinfo *o = op_lookup(b + s, end - s);
            if (o) {
                *start = s;
                return o;
            }
        }
    }
    return NULL;
}

/* The spelled end of an expression (just past its last token) where that can
 * be read from the source; see the file comment. */
static fe_file *spelled_end(lw *l, CXCursor c, unsigned *end, int depth);

static fe_file *spelled_end_after(fe_file *f, unsigned pos, char open, unsigned *end)
{
    size_t i = skip_ws(f->buf, f->size, pos);
    if (i >= f->size || f->buf[i] != open)
        return NULL;
    size_t k = skip_group(f->buf, f->size, i);
    if (!k)
        return NULL;
    *end = (unsigned)k;
    return f;
}

static CXCursor last_expr_child(lw *l, CXCursor c, bool *ok)
{
    size_t base = children(l, c);
    CXCursor r = clang_getNullCursor();
    *ok = false;
    for (size_t i = l->cs.len; i > base; i--)
        if (is_expr(l->cs.items[i - 1])) {
            r = l->cs.items[i - 1];
            *ok = true;
            break;
        }
    l->cs.len = base;
    return r;
}

static CXCursor first_expr_child(lw *l, CXCursor c, bool *ok, size_t *count)
{
    size_t base = children(l, c);
    CXCursor r = clang_getNullCursor();
    *ok = false;
    size_t n = 0;
    for (size_t i = base; i < l->cs.len; i++)
        if (is_expr(l->cs.items[i])) {
            if (!*ok) {
                r = l->cs.items[i];
                *ok = true;
            }
            n++;
        }
    if (count)
        *count = n;
    l->cs.len = base;
    return r;
}

/* Whether UnexposedExpr a, with b as its only child, is an implicit cast
 * (or another wrapper that starts where its operand starts, such as the
 * PredefinedExpr __func__ around its string): libclang gives an implicit
 * cast its operand's location.  Much cheaper than comparing extents. */
static bool same_extent(CXCursor a, CXCursor b)
{
    return clang_equalLocations(clang_getCursorLocation(a), clang_getCursorLocation(b)) != 0;
}

static fe_file *spelled_end(lw *l, CXCursor c, unsigned *end, int depth)
{
    if (depth > 64)
        return NULL;
    enum CXCursorKind k = clang_getCursorKind(c);
    unsigned b, e;
    fe_file *f;
    bool ok;
    switch (k) {
    case CXCursor_DeclRefExpr:
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
        f = spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (f)
            *end = e;
        return f;
    case CXCursor_MemberRefExpr:
        f = spelled(l, clang_getCursorLocation(c), &b, &e);
        if (f)
            *end = e;
        return f;
    case CXCursor_StringLiteral: {
        f = spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f)
            return NULL;
        /* adjacent literals in the same place: "a" "b" */
        for (;;) {
            size_t i = skip_ws(f->buf, f->size, e);
            if (i >= f->size)
                break;
            size_t t = lex_token(f->buf, f->size, i);
            char q = f->buf[t - 1];
            if (q != '"' || t - i < 2)
                break;
            e = (unsigned)t;
        }
        *end = e;
        return f;
    }
    case CXCursor_ParenExpr:
    case CXCursor_InitListExpr:
        f = spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f)
            return NULL;
        {
            size_t kk = skip_group(f->buf, f->size, b);
            if (!kk)
                return NULL;
            *end = (unsigned)kk;
        }
        return f;
    case CXCursor_CompoundLiteralExpr:
        f = spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f || f->buf[b] != '(')
            return NULL;
        {
            size_t kk = skip_group(f->buf, f->size, b);
            if (!kk)
                return NULL;
            return spelled_end_after(f, (unsigned)kk, '{', end);
        }
    case CXCursor_CallExpr:
    case CXCursor_ArraySubscriptExpr: {
        CXCursor first = first_expr_child(l, c, &ok, NULL);
        if (!ok)
            return NULL;
        unsigned fe;
        f = spelled_end(l, first, &fe, depth + 1);
        if (!f)
            return NULL;
        return spelled_end_after(f, fe, k == CXCursor_CallExpr ? '(' : '[', end);
    }
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
    case CXCursor_ConditionalOperator:
    case CXCursor_CStyleCastExpr: {
        CXCursor last = last_expr_child(l, c, &ok);
        return ok ? spelled_end(l, last, end, depth + 1) : NULL;
    }
    case CXCursor_UnaryOperator: {
        CXCursor ch = last_expr_child(l, c, &ok);
        if (!ok)
            return NULL;
        bool postfix = clang_equalLocations(clang_getRangeStart(clang_getCursorExtent(c)),
                                            clang_getRangeStart(clang_getCursorExtent(ch)));
        unsigned ce;
        f = spelled_end(l, ch, &ce, depth + 1);
        if (!f)
            return NULL;
        if (!postfix) {
            *end = ce;
            return f;
        }
        size_t i = skip_ws(f->buf, f->size, ce);
        if (i + 2 <= f->size && (memcmp(f->buf + i, "++", 2) == 0 || memcmp(f->buf + i, "--", 2) == 0)) {
            *end = (unsigned)(i + 2);
            return f;
        }
        return NULL;
    }
    case CXCursor_UnexposedExpr: {
        size_t n;
        CXCursor ch = first_expr_child(l, c, &ok, &n);
        if (ok && n == 1 && same_extent(c, ch))
            return spelled_end(l, ch, end, depth + 1);
        return NULL;
    }
    default:
        return NULL;
    }
}

/* The root binary operator of an expression printed by clang (binary
 * operators are printed with a blank on each side). */
static const opinfo *printed_root_op(const char *s, size_t n)
{
    const opinfo *best = NULL;
    int best_prec = 100;
    int depth = 0;
    size_t i = 0;
    bool prev_operand = false;      /* the previous token ends an operand */
    while (i < n) {
        char c = s[i];
        if (c == ' ') {
            i++;
            continue;
        }
        size_t e = lex_token(s, n, i);
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            prev_operand = false;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
            prev_operand = true;
        } else if (ident_char(c) || c == '"' || c == '\'' || c == '.' ) {
            prev_operand = !(c == '.' && !(i + 1 < n && is_digit(s[i + 1])));
        } else {
            const opinfo *o = op_lookup(s + i, e - i);
            bool spaced = i > 0 && s[i - 1] == ' ' && e < n && s[e] == ' ';
            if (depth == 0 && c == '?' && e - i == 1 && spaced && prev_operand) {
                if (3 < best_prec) {    /* the root is ?: (right-associative) */
                    best_prec = 3;
                    best = NULL;
                }
            } else if (depth == 0 && o && spaced && prev_operand) {
                bool right = o->prec == 2;
                if (o->prec < best_prec || (o->prec == best_prec && !right)) {
                    best_prec = o->prec;
                    best = o;
                }
            }
            prev_operand = (e - i == 2 && (memcmp(s + i, "++", 2) == 0 ||
                                           memcmp(s + i, "--", 2) == 0));
        }
        i = e;
    }
    return best;
}

/* ---- text hints ------------------------------------------------------------
 *
 * Where an operator is written in a macro body between operands that come
 * from elsewhere, the text of the expression at the macro's level can tell
 * it: the header of a `for`, `if`, `while`, `switch` or `return` written in
 * a macro body, or the body of the macro that a whole expression is an
 * invocation of.  That text's root operator (the lowest-precedence one
 * outside parentheses) is the node's operator when the text fits the node:
 * a piece without operators ("atomic": a name, a literal, a parenthesized
 * group, a call) must not be an operator node in the AST, which is what an
 * unparenthesized macro argument such as `x == y` for `a` in `a < b` would
 * give.  Pieces with operators are handed down as hints to the operands. */

static const char *const stmt_keywords[] = {
    "if", "else", "for", "while", "do", "switch", "case", "default", "return",
    "goto", "break", "continue", "typedef", "static", "extern", "struct", "union",
    "enum", NULL};

static bool is_word(const char *b, size_t s, size_t e, const char *const *words)
{
    for (const char *const *w = words; *w; w++)
        if (strlen(*w) == e - s && memcmp(b + s, *w, e - s) == 0)
            return true;
    return false;
}

typedef struct tscan {
    bool ok;                /* looks like one expression */
    bool atomic;            /* no operator outside groups */
    const opinfo *root;     /* the root binary operator, if any */
    size_t ob, oe;
    bool cond;              /* the root is ?: */
    size_t last_b;          /* the last token */
} tscan;

static void text_trim(const fe_file *f, uint32_t *b, uint32_t *e)
{
    size_t i = skip_ws(f->buf, *e, *b);
    size_t j = skip_ws_back(f->buf, *e);
    if (j < i)
        j = i;
    *b = (uint32_t)i;
    *e = (uint32_t)j;
}

static tscan text_scan(const fe_file *f, uint32_t b, uint32_t e)
{
    tscan t;
    memset(&t, 0, sizeof t);
    t.ok = true;
    t.atomic = true;
    const char *s = f->buf;
    int depth = 0, best = 100;
    bool prev_operand = false, any = false;
    char prev_c = 0;
    size_t i = b;
    while (i < e) {
        i = skip_ws(s, e, i);
        if (i >= e)
            break;
        size_t te = lex_token(s, e, i);
        char c = s[i];
        char pc = prev_c;
        prev_c = c;
        any = true;
        t.last_b = i;
        if (te - i == 2 && s[i] == '#' && s[i + 1] == '#') {
            t.ok = false;           /* token pasting: the text is not the code */
            return t;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0 && c == '{' && pc != ')') {
                t.ok = false;       /* a block, not a compound literal */
                return t;
            }
            depth++;
            prev_operand = false;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth < 0) {
                t.ok = false;
                return t;
            }
            prev_operand = true;
        } else if (depth > 0) {
            /* inside a group: anything */
        } else if (ident_start(c) && !(te - i >= 2 && (s[te - 1] == '"' || s[te - 1] == '\''))) {
            if (is_word(s, i, te, stmt_keywords)) {
                t.ok = false;
                return t;
            }
            if (is_word(s, i, te, paren_keywords)) {   /* sizeof, _Alignof */
                t.atomic = false;
                prev_operand = false;
            } else {
                prev_operand = true;
            }
        } else if (ident_start(c) || is_digit(c) || c == '"' || c == '\'' ||
                   (c == '.' && te - i > 1 && is_digit(s[i + 1]))) {
            prev_operand = true;
        } else if (c == ';' || c == '#') {
            t.ok = false;
            return t;
        } else if ((c == '.' && te - i == 1) || (te - i == 2 && c == '-' && s[i + 1] == '>')) {
            prev_operand = false;   /* member access: a name follows */
        } else if (te - i == 2 && (memcmp(s + i, "++", 2) == 0 || memcmp(s + i, "--", 2) == 0)) {
            t.atomic = false;       /* postfix keeps prev_operand */
        } else if (c == '?' || c == ':') {
            t.atomic = false;
            if (c == '?' && prev_operand && (3 < best)) {
                best = 3;
                t.root = NULL;
                t.cond = true;
            }
            prev_operand = false;
        } else {
            const opinfo *o = op_lookup(s + i, te - i);
            t.atomic = false;
            if (o && prev_operand) {
                bool right = o->prec <= 3;
                if (o->prec < best || (o->prec == best && !right)) {
                    best = o->prec;
                    t.root = o;
                    t.ob = i;
                    t.oe = te;
                    t.cond = false;
                }
            }
            prev_operand = false;
        }
        i = te;
    }
    if (depth != 0 || !any)
        t.ok = false;
    return t;
}

/* c without the implicit casts libclang shows as UnexposedExpr */
static CXCursor strip_implicit(lw *l, CXCursor c);

static bool is_operator_node(lw *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(strip_implicit(l, c));
    return k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator ||
           k == CXCursor_ConditionalOperator;
}

/* Whether text [b, e) can be the expression x (see above). */
static bool text_fits(lw *l, const fe_file *f, uint32_t b, uint32_t e, CXCursor x)
{
    if (e <= b)
        return false;
    tscan t = text_scan(f, b, e);
    if (!t.ok)
        return false;
    if (t.atomic)
        return !is_operator_node(l, x);
    if (t.root) {
        enum CXCursorKind k = clang_getCursorKind(strip_implicit(l, x));
        return k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator;
    }
    if (t.cond)
        return clang_getCursorKind(strip_implicit(l, x)) == CXCursor_ConditionalOperator;
    return true;
}

static void set_hint(lw *l, CXCursor x, fe_file *f, uint32_t b, uint32_t e)
{
    text_trim(f, &b, &e);
    if (e <= b)
        return;
    l->ph_valid = true;
    l->ph_node = x;
    l->ph.f = f;
    l->ph.b = b;
    l->ph.e = e;
}

/* ---- the #define index (last resort) --------------------------------------- */

static void scan_defines(lw *l, fe_file *f)
{
    const char *s = f->buf;
    size_t n = f->size;
    size_t i = 0;
    while (i < n) {
        /* at a line start */
        size_t j = i;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j < n && s[j] == '#') {
            j++;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j + 6 <= n && memcmp(s + j, "define", 6) == 0 && j + 6 < n &&
                (s[j + 6] == ' ' || s[j + 6] == '\t')) {
                j += 6;
                while (j < n && (s[j] == ' ' || s[j] == '\t'))
                    j++;
                size_t nb = j;
                while (j < n && ident_char(s[j]))
                    j++;
                size_t ne = j;
                bool fl = j < n && s[j] == '(';
                if (fl) {
                    while (j < n && s[j] != ')' && s[j] != '\n')
                        j++;
                    if (j < n && s[j] == ')')
                        j++;
                }
                size_t bb = j;
                /* the logical line's end */
                while (j < n && !(s[j] == '\n' && s[j - 1] != '\\'))
                    j++;
                if (ne > nb) {
                    const char *name = sc_intern(&l->mnames, s + nb, ne - nb);
                    uint64_t key = (uint64_t)(uintptr_t)name;
                    uint32_t v;
                    if (umap_get(&l->macros, key, &v)) {
                        mdef *d = &l->mdefs.items[v - 1];
                        if (d->f != f || d->b != bb)
                            d->ambiguous = true;
                    } else {
                        mdef d = {f, (uint32_t)bb, (uint32_t)j, fl, false};
                        SC_PUSH(l->mdefs, d);
                        umap_put(&l->macros, key, (uint32_t)l->mdefs.len);
                    }
                }
                i = j;
                continue;
            }
        }
        /* next line (joined lines count as one) */
        while (i < n && !(s[i] == '\n' && (i == 0 || s[i - 1] != '\\')))
            i++;
        i++;
    }
}

static void incl_cb(CXFile file, CXSourceLocation *stack, unsigned len, CXClientData d)
{
    (void)stack;
    (void)len;
    lw *l = d;
    fe_file *f = file_get(l, file);
    if (f && f->buf)
        scan_defines(l, f);
}

/* The definition of the macro invoked at `off` in f, if it is unique. */
static const mdef *macro_at(lw *l, fe_file *f, uint32_t off)
{
    if (!l->macros_built) {
        l->macros_built = true;
        l->mnames.arena = &l->marena;
        clang_getInclusions(l->tu, incl_cb, l);
    }
    size_t e = off;
    while (e < f->size && ident_char(f->buf[e]))
        e++;
    if (e == off)
        return NULL;
    const char *name = sc_intern(&l->mnames, f->buf + off, e - off);
    uint32_t v;
    if (!umap_get(&l->macros, (uint64_t)(uintptr_t)name, &v))
        return NULL;
    const mdef *d = &l->mdefs.items[v - 1];
    return d->ambiguous ? NULL : d;
}

/* ---- types ----------------------------------------------------------------- */

static ir_tkind tkind_of(CXType c)
{
    switch (c.kind) {
    case CXType_Void:
        return IR_T_VOID;
    case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_Char16:
    case CXType_Char32: case CXType_UShort: case CXType_UInt: case CXType_ULong:
    case CXType_ULongLong: case CXType_UInt128: case CXType_Char_S: case CXType_SChar:
    case CXType_WChar: case CXType_Short: case CXType_Int: case CXType_Long:
    case CXType_LongLong: case CXType_Int128: case CXType_Enum:
        return IR_T_INT;
    case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Float128:
    case CXType_Half: case CXType_Float16: case CXType_BFloat16: case CXType_Ibm128:
        return IR_T_FLOAT;
    case CXType_Pointer: case CXType_BlockPointer:
        return IR_T_PTR;
    case CXType_Record:
        return IR_T_STRUCT;
    case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray:
    case CXType_DependentSizedArray:
        return IR_T_ARRAY;
    case CXType_FunctionProto: case CXType_FunctionNoProto:
        return IR_T_FUNC;
    default:
        return IR_T_OTHER;
    }
}

static CXType unatomic(CXType c)
{
    while (c.kind == CXType_Atomic)
        c = clang_getCanonicalType(clang_Type_getValueType(c));
    return c;
}

static bool is_char_kind(enum CXTypeKind k)
{
    return k == CXType_Char_S || k == CXType_Char_U || k == CXType_SChar || k == CXType_UChar;
}

/* The struct's name (its tag, else the typedef it is known by), or "char",
 * for a type as written (sugar kept). */
static const char *elem_name(lw *l, CXType t)
{
    CXType c = unatomic(clang_getCanonicalType(t));
    if (is_char_kind(c.kind))
        return intern(l, "char", 4);
    if (c.kind != CXType_Record)
        return NULL;
    CXCursor d = clang_getTypeDeclaration(c);
    uint32_t i;
    if (!clang_Cursor_isNull(d) && cmap_get(&l->namemap, d, &i))
        return l->names.items[i];
    const char *name = NULL;
    if (!clang_Cursor_isNull(d) && !clang_Cursor_isAnonymous(d))
        name = intern_cx(l, clang_getCursorSpelling(d));
    if (name && !*name)
        name = NULL;
    if (!name) {
        /* an anonymous struct: the typedef name it is used through */
        CXType s = t;
        for (int guard = 0; guard < 16 && !name; guard++) {
            if (s.kind == CXType_Typedef) {
                name = intern_cx(l, clang_getTypedefName(s));
            } else if (s.kind == CXType_Elaborated) {
                s = clang_Type_getNamedType(s);
                continue;
            }
            break;
        }
        return name && *name ? name : NULL;     /* not cached: depends on t */
    }
    if (!clang_Cursor_isNull(d)) {
        cmap_put(&l->namemap, d, (uint32_t)l->names.len);
        SC_PUSH(l->names, name);
    }
    return name;
}

static ir_type lower_type_uncached(lw *l, CXType t);

/* Types repeat: a small cache keyed on the type's identity (libclang's
 * CXType carries the QualType in data[0]). */
static ir_type lower_type(lw *l, CXType t)
{
    uintptr_t key = (uintptr_t)t.data[0] ^ ((uintptr_t)t.kind << 3);
    size_t slot = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 54) & (TYPE_CACHE - 1);
    tcache_ent *ce = &l->tcache[slot];
    if (ce->valid && ce->kind == t.kind && ce->data0 == t.data[0] && ce->data1 == t.data[1])
        return ce->type;
    ir_type r = lower_type_uncached(l, t);
    ce->valid = true;
    ce->kind = t.kind;
    ce->data0 = t.data[0];
    ce->data1 = t.data[1];
    ce->type = r;
    return r;
}

static ir_type lower_type_uncached(lw *l, CXType t)
{
    ir_type r;
    memset(&r, 0, sizeof r);
    r.array_len = -1;
    bool plain = (t.kind >= CXType_FirstBuiltin && t.kind <= CXType_LastBuiltin) ||
                 t.kind == CXType_Pointer || t.kind == CXType_ConstantArray;
    CXType c = plain ? t : unatomic(clang_getCanonicalType(t));
    r.kind = tkind_of(c);
    switch (r.kind) {
    case IR_T_STRUCT:
        r.name = elem_name(l, t);
        break;
    case IR_T_PTR: {
        CXType p = clang_getPointeeType(t);
        if (p.kind == CXType_Invalid)
            p = clang_getPointeeType(c);
        r.elem = tkind_of(unatomic(clang_getCanonicalType(p)));
        r.name = elem_name(l, p);
        break;
    }
    case IR_T_ARRAY: {
        CXType e = clang_getArrayElementType(t);
        if (e.kind == CXType_Invalid)
            e = clang_getArrayElementType(c);
        r.elem = tkind_of(unatomic(clang_getCanonicalType(e)));
        r.name = elem_name(l, e);
        if (c.kind == CXType_ConstantArray)
            r.array_len = clang_getArraySize(c);
        break;
    }
    default:
        break;
    }
    return r;
}

/* ---- names and symbols ------------------------------------------------------ */

static const char *decl_name(lw *l, CXCursor d)
{
    uint32_t i;
    if (cmap_get(&l->namemap, d, &i))
        return l->names.items[i];
    const char *n = intern_cx(l, clang_getCursorSpelling(d));
    cmap_put(&l->namemap, d, (uint32_t)l->names.len);
    SC_PUSH(l->names, n);
    return n;
}

static uint32_t local_new(lw *l, CXCursor d, bool is_param)
{
    ir_sym s;
    memset(&s, 0, sizeof s);
    s.name = intern_cx(l, clang_getCursorSpelling(d));
    s.type = lower_type(l, clang_getCursorType(d));
    s.loc = token_loc(l, clang_getCursorLocation(d));
    s.is_param = is_param;
    uint32_t idx = (uint32_t)l->locals.len;
    SC_PUSH(l->locals, s);
    cmap_put(&l->lmap, d, idx);
    return idx;
}

/* The global for a variable with static storage duration (file scope,
 * static local, extern), created on first sight. */
static uint32_t global_for(lw *l, CXCursor d)
{
    CXCursor canon = clang_getCanonicalCursor(d);
    uint32_t idx;
    if (cmap_get(&l->gmap, canon, &idx))
        return idx;
    ir_global g;
    memset(&g, 0, sizeof g);
    CXCursor parent = clang_getCursorSemanticParent(d);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
    CXString sp = clang_getCursorSpelling(d);
    const char *name = clang_getCString(sp);
    if (!name)
        name = "";
    if (clang_getCursorKind(parent) == CXCursor_FunctionDecl && sc == CX_SC_Static) {
        CXString pn = clang_getCursorSpelling(parent);
        const char *p = clang_getCString(pn);
        char *full = sc_printf(l->A, "%s.%s", p ? p : "", name);
        g.sym.name = intern(l, full, strlen(full));
        clang_disposeString(pn);
    } else {
        g.sym.name = intern(l, name, strlen(name));
    }
    clang_disposeString(sp);
    g.sym.type = lower_type(l, clang_getCursorType(d));
    g.sym.loc = token_loc(l, clang_getCursorLocation(d));
    g.sym.is_static = sc == CX_SC_Static;
    g.is_extern = sc == CX_SC_Extern &&
                  clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(d));
    idx = (uint32_t)l->globals.len;
    SC_PUSH(l->globals, g);
    cmap_put(&l->gmap, canon, idx);
    return idx;
}

static uint32_t label_id(lw *l, const char *name)
{
    uint64_t key = (uint64_t)(uintptr_t)name;
    uint32_t v;
    if (umap_get(&l->labels, key, &v))
        return v;
    v = l->nlabels++;
    umap_put(&l->labels, key, v);
    return v;
}

/* ---- expressions ------------------------------------------------------------- */

static ir_expr *lx(lw *l, CXCursor c, bool *se);

static ir_expr *enew(lw *l, ir_ekind k, CXCursor c)
{
    ir_expr *e = sc_alloc(l->A, sizeof *e);
    e->kind = k;
    xent *top = l->xs.len ? &l->xs.items[l->xs.len - 1] : NULL;
    if (top && top->have_loc && clang_equalCursors(top->c, c))
        e->loc = top->loc;
    else
        e->loc = cursor_loc(l, c);
    e->type = lower_type(l, clang_getCursorType(c));
    return e;
}

static void set_kids(lw *l, ir_expr *e, ir_expr **kids, uint32_t n)
{
    e->nkids = n;
    if (n) {
        e->kids = sc_alloc(l->A, n * sizeof *e->kids);
        memcpy(e->kids, kids, n * sizeof *kids);
    }
}

static void kids1(lw *l, ir_expr *e, ir_expr *a)
{
    set_kids(l, e, &a, 1);
}

static void kids2(lw *l, ir_expr *e, ir_expr *a, ir_expr *b)
{
    ir_expr *k[2] = {a, b};
    set_kids(l, e, k, 2);
}

/* clang's integer value of a constant expression, when it has one. */
static bool eval_int(CXCursor c, int64_t *out)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok) {
        if (clang_EvalResult_isUnsignedInt(r))
            *out = (int64_t)clang_EvalResult_getAsUnsigned(r);
        else
            *out = (int64_t)clang_EvalResult_getAsLongLong(r);
    }
    clang_EvalResult_dispose(r);
    return ok;
}

/* c folded to IR_INT, when its type is an integer and clang folds it. */
static ir_expr *fold(lw *l, CXCursor c)
{
    CXType t = unatomic(clang_getCanonicalType(clang_getCursorType(c)));
    if (tkind_of(t) != IR_T_INT)
        return NULL;
    int64_t v;
    if (!eval_int(c, &v))
        return NULL;
    ir_expr *e = enew(l, IR_INT, c);
    e->ival = v;
    return e;
}

static bool all_int(ir_expr **k, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!k[i] || k[i]->kind != IR_INT)
            return false;
    return true;
}

/* Subexpressions with side effects, in order, pushed on l->es. */
static void collect_effects(lw *l, CXCursor c)
{
    size_t wbase = l->ws.len;
    size_t base = children(l, c);
    for (size_t i = l->cs.len; i > base; i--)
        SC_PUSH(l->ws, l->cs.items[i - 1]);
    l->cs.len = base;
    while (l->ws.len > wbase) {
        CXCursor x = l->ws.items[--l->ws.len];
        enum CXCursorKind k = clang_getCursorKind(x);
        if (clang_isExpression(k)) {
            if (k == CXCursor_GenericSelectionExpr || k == CXCursor_UnaryExpr)
                continue;           /* not evaluated */
            bool se = false;
            ir_expr *e = lx(l, x, &se);
            if (se)
                SC_PUSH(l->es, e);
        } else if (clang_isStatement(k) || clang_isDeclaration(k)) {
            size_t b2 = children(l, x);
            for (size_t i = l->cs.len; i > b2; i--)
                SC_PUSH(l->ws, l->cs.items[i - 1]);
            l->cs.len = b2;
        }
    }
}

static ir_expr *unknown_expr(lw *l, CXCursor c, bool *se)
{
    ir_expr *e = enew(l, IR_UNKNOWN, c);
    if (clang_getCursorKind(c) == CXCursor_GenericSelectionExpr)
        return e;
    size_t ebase = l->es.len;
    collect_effects(l, c);
    if (l->es.len > ebase)
        set_kids(l, e, l->es.items + ebase, (uint32_t)(l->es.len - ebase));
    l->es.len = ebase;
    if (e->nkids)
        *se = true;
    return e;
}

/* An IR_UNKNOWN standing for c, with the given lowered operands' side
 * effects as kids. */
static ir_expr *unknown_of(lw *l, CXCursor c, ir_expr **k, bool *kse, size_t n)
{
    ir_expr *e = enew(l, IR_UNKNOWN, c);
    ir_expr *keep[3];
    uint32_t m = 0;
    for (size_t i = 0; i < n && m < 3; i++)
        if (kse[i])
            keep[m++] = k[i];
    set_kids(l, e, keep, m);
    return e;
}

static bool is_null_const(const ir_expr *k)
{
    return k && ((k->kind == IR_INT && k->ival == 0) || k->kind == IR_NULL);
}

static ir_expr *make_null(lw *l, CXCursor c)
{
    return enew(l, IR_NULL, c);
}

/* Decodes a string literal as clang prints it ("a\n\351", L"..") into
 * bytes; wide literals' units are encoded as UTF-8. */
static ir_expr *string_lit(lw *l, CXCursor c)
{
    ir_expr *e = enew(l, IR_STR, c);
    CXString sp = clang_getCursorSpelling(c);
    const char *s = clang_getCString(sp);
    if (!s)
        s = "";
    size_t n = strlen(s);
    size_t i = 0;
    bool wide = false;
    while (i < n && s[i] != '"') {
        if (s[i] == 'L' || s[i] == 'U' || (s[i] == 'u' && s[i + 1] != '8'))
            wide = true;
        i++;
    }
    char *out = sc_alloc(l->A, n + 1);
    size_t o = 0;
    /* clang prints one literal; be lenient and join several */
    while (i < n) {
        if (s[i] != '"') {
            i++;
            continue;
        }
        i++;
        while (i < n && s[i] != '"') {
            uint32_t v;
            if (s[i] != '\\') {
                out[o++] = s[i++];
                continue;
            }
            i++;
            if (i >= n)
                break;
            char x = s[i++];
            switch (x) {
            case 'n': v = '\n'; break;
            case 't': v = '\t'; break;
            case 'r': v = '\r'; break;
            case 'a': v = '\a'; break;
            case 'b': v = '\b'; break;
            case 'f': v = '\f'; break;
            case 'v': v = '\v'; break;
            case 'e': v = 27; break;
            case 'x': {
                v = 0;
                while (i < n && strchr("0123456789abcdefABCDEF", s[i]) && s[i]) {
                    char h = s[i++];
                    v = v * 16 + (uint32_t)(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
                }
                break;
            }
            case 'u':
            case 'U': {
                int digits = x == 'u' ? 4 : 8;
                v = 0;
                for (int d = 0; d < digits && i < n && strchr("0123456789abcdefABCDEF", s[i]) && s[i]; d++) {
                    char h = s[i++];
                    v = v * 16 + (uint32_t)(h <= '9' ? h - '0' : (h | 32) - 'a' + 10);
                }
                wide = true;
                break;
            }
            default:
                if (x >= '0' && x <= '7') {
                    v = (uint32_t)(x - '0');
                    for (int d = 1; d < 3 && i < n && s[i] >= '0' && s[i] <= '7'; d++)
                        v = v * 8 + (uint32_t)(s[i++] - '0');
                } else {
                    v = (unsigned char)x;   /* \\ \" \' \? */
                }
            }
            if (!wide || v < 0x80) {
                out[o++] = (char)(v & 0xff);
            } else if (v < 0x800) {
                out[o++] = (char)(0xc0 | (v >> 6));
                out[o++] = (char)(0x80 | (v & 0x3f));
            } else if (v < 0x10000) {
                out[o++] = (char)(0xe0 | (v >> 12));
                out[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
                out[o++] = (char)(0x80 | (v & 0x3f));
            } else {
                out[o++] = (char)(0xf0 | ((v >> 18) & 0x07));
                out[o++] = (char)(0x80 | ((v >> 12) & 0x3f));
                out[o++] = (char)(0x80 | ((v >> 6) & 0x3f));
                out[o++] = (char)(0x80 | (v & 0x3f));
            }
        }
        i++;
    }
    out[o] = '\0';
    e->str = out;
    e->len = o;
    clang_disposeString(sp);
    return e;
}

static ir_expr *decl_ref(lw *l, CXCursor c)
{
    CXCursor d = clang_getCursorReferenced(c);
    enum CXCursorKind k = clang_getCursorKind(d);
    if (k == CXCursor_EnumConstantDecl) {
        ir_expr *e = enew(l, IR_INT, c);
        e->ival = clang_getEnumConstantDeclValue(d);
        return e;
    }
    if (k == CXCursor_FunctionDecl) {
        ir_expr *e = enew(l, IR_FUNCREF, c);
        e->str = decl_name(l, d);
        return e;
    }
    if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
        uint32_t idx;
        ir_expr *e = enew(l, IR_SYM, c);
        if (l->in_func && cmap_get(&l->lmap, d, &idx)) {
            e->symscope = IR_LOCAL;
            e->sym = idx;
        } else if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(d) == 1) {
            e->symscope = IR_GLOBAL;
            e->sym = global_for(l, d);
        } else if (l->in_func) {
            /* declared where we did not look (a statement expression) */
            e->symscope = IR_LOCAL;
            e->sym = local_new(l, d, false);
        } else {
            e->kind = IR_UNKNOWN;
        }
        return e;
    }
    return enew(l, IR_UNKNOWN, c);
}

/* Strips parentheses and implicit casts. */
static CXCursor strip(lw *l, CXCursor c)
{
    for (int guard = 0; guard < 256; guard++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
            break;
        bool ok;
        size_t n;
        CXCursor ch = first_expr_child(l, c, &ok, &n);
        if (!ok || n != 1 || (k == CXCursor_UnexposedExpr && !same_extent(c, ch)))
            break;
        c = ch;
    }
    return c;
}

static CXCursor strip_implicit(lw *l, CXCursor c)
{
    for (int guard = 0; guard < 256; guard++) {
        if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
            break;
        bool ok;
        size_t n;
        CXCursor ch = first_expr_child(l, c, &ok, &n);
        if (!ok || n != 1 || !same_extent(c, ch))
            break;
        c = ch;
    }
    return c;
}

static ir_expr *call_expr(lw *l, CXCursor c, bool *se)
{
    *se = true;
    int nargs = clang_Cursor_getNumArguments(c);
    CXCursor callee_decl = clang_getCursorReferenced(c);
    if (nargs >= 0 && clang_getCursorKind(callee_decl) == CXCursor_FunctionDecl) {
        /* a direct call: the callee's name, then the arguments */
        ir_expr *e = enew(l, IR_CALL, c);
        uint32_t n = (uint32_t)nargs + 1;
        ir_expr **k = sc_alloc(l->A, n * sizeof *k);
        k[0] = sc_alloc(l->A, sizeof *k[0]);
        k[0]->kind = IR_FUNCREF;
        k[0]->loc = l->inv_valid ? l->inv_loc : token_loc(l, clang_getCursorLocation(c));
        k[0]->type.kind = IR_T_FUNC;
        k[0]->type.array_len = -1;
        k[0]->str = e->str = decl_name(l, callee_decl);
        for (uint32_t i = 1; i < n; i++) {
            bool s2 = false;
            k[i] = lx(l, clang_Cursor_getArgument(c, i - 1), &s2);
        }
        e->kids = k;
        e->nkids = n;
        return e;
    }
    size_t base = children(l, c);
    size_t n = l->cs.len - base;
    if (n == 0) {
        l->cs.len = base;
        return unknown_expr(l, c, se);
    }
    CXCursor callee = l->cs.items[base];
    CXCursor sc = strip(l, callee);
    ir_expr *e = enew(l, IR_CALL, c);
    ir_expr **k = sc_alloc(l->A, n * sizeof *k);
    bool dummy = false;
    if (clang_getCursorKind(sc) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(sc)) == CXCursor_FunctionDecl) {
        k[0] = enew(l, IR_FUNCREF, sc);
        k[0]->str = decl_name(l, clang_getCursorReferenced(sc));
        e->str = k[0]->str;
    } else {
        k[0] = lx(l, callee, &dummy);
    }
    for (size_t i = 1; i < n; i++) {
        bool s2 = false;
        k[i] = lx(l, l->cs.items[base + i], &s2);
    }
    l->cs.len = base;
    e->kids = k;
    e->nkids = (uint32_t)n;
    return e;
}

static bool type_eq(CXType a, CXType b)
{
    return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b)) != 0;
}

/* The operator of a binary operator node from the tokens around its
 * operands: between them in the file (exact outside macros), else next to
 * them where they are spelled.  NULL when neither tells. */
static const opinfo *binop_gap(lw *l, const ir_expr *le, const ir_expr *re, bool compound)
{
    if (le->loc.file && le->loc.file == re->loc.file && le->loc.end_offset <= re->loc.offset) {
        fe_file *f = file_by_index(l, le->loc.file);
        if (f && f->buf && re->loc.offset <= f->size) {
            size_t i = skip_ws(f->buf, re->loc.offset, le->loc.end_offset);
            if (i < re->loc.offset) {
                size_t e = lex_token(f->buf, re->loc.offset, i);
                const opinfo *o = op_lookup(f->buf + i, e - i);
                if (op_fits(o, compound) && skip_ws(f->buf, re->loc.offset, e) == re->loc.offset)
                    return o;
            }
        }
    }
    return NULL;
}

static const opinfo *binop_near(lw *l, CXCursor lc, CXCursor rc,
                                const ir_expr *le, const ir_expr *re, bool compound)
{
    /* 1. in the file, between the operands */
    const opinfo *g = binop_gap(l, le, re, compound);
    if (g)
        return g;
    /* 2. next to the operands where they are spelled */
    const opinfo *back = NULL, *fwd = NULL;
    unsigned rb, reo;
    fe_file *rf = spelled(l, clang_getRangeStart(clang_getCursorExtent(rc)), &rb, &reo);
    if (rf) {
        size_t p = skip_ws_back(rf->buf, rb);
        size_t s;
        const opinfo *o = op_ending_at(rf->buf, p, &s);
        if (op_fits(o, compound) && (o->kind != OPK_COMMA || comma_is_operator(rf->buf, s)))
            back = o;
    }
    unsigned le_end;
    fe_file *lf = spelled_end(l, lc, &le_end, 0);
    if (lf) {
        size_t i = skip_ws(lf->buf, lf->size, le_end);
        if (i < lf->size) {
            size_t e = lex_token(lf->buf, lf->size, i);
            const opinfo *o = op_lookup(lf->buf + i, e - i);
            if (op_fits(o, compound) && (o->kind != OPK_COMMA || comma_is_operator(lf->buf, i)))
                fwd = o;
        }
    }
    if (back && fwd)
        return back == fwd ? back : NULL;
    return back ? back : fwd;
}

/* The root of a variable's initializer: its operator in clang's printing of
 * the declaration ("TYPE NAME = INIT"). */
static const opinfo *binop_printed(lw *l, CXCursor c, bool compound)
{
    if (!l->have_vd)
        return NULL;
    CXCursor init = clang_Cursor_getVarDeclInitializer(l->vd);
    if (clang_Cursor_isNull(init) || !clang_equalCursors(strip(l, init), c))
        return NULL;
    if (!l->policy)
        l->policy = clang_getCursorPrintingPolicy(l->vd);
    CXString ps = clang_getCursorPrettyPrinted(l->vd, l->policy);
    const char *s = clang_getCString(ps);
    const opinfo *o = NULL;
    if (s) {
        size_t n = strlen(s), i = 0;
        int depth = 0;
        while (i < n) {
            char ch = s[i];
            if (ch == '"' || ch == '\'') {
                i = skip_quoted(s, n, i);
                continue;
            }
            if (ch == '(' || ch == '[' || ch == '{')
                depth++;
            else if (ch == ')' || ch == ']' || ch == '}')
                depth--;
            else if (depth == 0 && ch == '=' && i > 0 && s[i - 1] == ' ' && i + 1 < n &&
                     s[i + 1] == ' ')
                break;
            i++;
        }
        if (i < n)
            o = printed_root_op(s + i + 2, n - i - 2);
    }
    clang_disposeString(ps);
    return op_fits(o, compound) ? o : NULL;
}

/* When node c is exactly one macro invocation (not part of a larger node
 * from the same invocation), the text of that macro's body, with the
 * parentheses of enclosing ParenExprs from the same invocation removed. */
static bool macro_body_hint(lw *l, CXCursor c, const ir_loc *loc, hint *out)
{
    if (!loc->file || !loc_is_macro(l, clang_getRangeStart(clang_getCursorExtent(c)), true))
        return false;
    fe_file *f = file_by_index(l, loc->file);
    if (!f || !f->buf)
        return false;
    uint32_t last;
    if (invocation_end(l, f, loc->offset, &last) != loc->end_offset)
        return false;
    /* the nearest enclosing expressions: same range means not the root */
    int parens = 0;
    size_t i = l->xs.len;           /* xs.items[xs.len-1] is c itself */
    if (i > 0)
        i--;
    bool root = false;
    while (i > 0) {
        xent x = l->xs.items[--i];
        if (x.transparent)
            continue;
        ir_loc pl = x.have_loc ? x.loc : cursor_loc(l, x.c);
        if (pl.file != loc->file || pl.offset != loc->offset || pl.end_offset != loc->end_offset) {
            root = true;
            break;
        }
        if (clang_getCursorKind(x.c) != CXCursor_ParenExpr)
            return false;
        parens++;
    }
    if (i == 0 && !root) {
        /* no enclosing expression: the statement must be larger */
        if (l->have_stmt_loc && l->stmt_loc.file == loc->file &&
            l->stmt_loc.offset == loc->offset && l->stmt_loc.end_offset == loc->end_offset)
            return false;
    }
    const mdef *d = macro_at(l, f, loc->offset);
    if (!d)
        return false;
    size_t nb = loc->offset;
    while (nb < f->size && ident_char(f->buf[nb]))
        nb++;
    bool call = skip_ws(f->buf, f->size, nb) < loc->end_offset;
    if (d->funclike != call)
        return false;
    uint32_t b = d->b, e = d->e;
    text_trim(d->f, &b, &e);
    for (int k = 0; k < parens; k++) {
        if (e <= b || d->f->buf[b] != '(' || skip_group(d->f->buf, e, b) != e)
            return false;
        b++;
        e--;
        text_trim(d->f, &b, &e);
    }
    out->f = d->f;
    out->b = b;
    out->e = e;
    return e > b;
}

/* The root operator of hint text h, when it fits node c with operands lc and
 * rc; *lt and *rt are the operands' texts. */
static const opinfo *hint_binop(lw *l, const hint *h, CXCursor lc, CXCursor rc, bool compound,
                                hint *lt, hint *rt)
{
    tscan t = text_scan(h->f, h->b, h->e);
    if (!t.ok || !t.root || !op_fits(t.root, compound))
        return NULL;
    lt->f = rt->f = h->f;
    lt->b = h->b;
    lt->e = (uint32_t)t.ob;
    rt->b = (uint32_t)t.oe;
    rt->e = h->e;
    text_trim(h->f, &lt->b, &lt->e);
    text_trim(h->f, &rt->b, &rt->e);
    if (!text_fits(l, h->f, lt->b, lt->e, lc) || !text_fits(l, h->f, rt->b, rt->e, rc))
        return NULL;
    return t.root;
}

static ir_expr *binary(lw *l, CXCursor c, bool *se, bool compound, const hint *h)
{
    size_t base = children(l, c);
    if (l->cs.len - base != 2) {
        l->cs.len = base;
        return unknown_expr(l, c, se);
    }
    CXCursor lc = l->cs.items[base], rc = l->cs.items[base + 1];
    l->cs.len = base;
    hint lt, rt;
    const opinfo *hop = h ? hint_binop(l, h, lc, rc, compound, &lt, &rt) : NULL;
    bool ls = false, rs = false;
    if (hop)
        set_hint(l, lc, lt.f, lt.b, lt.e);
    ir_expr *le = lx(l, lc, &ls);
    if (hop)
        set_hint(l, rc, rt.f, rt.b, rt.e);
    ir_expr *re = lx(l, rc, &rs);
    *se = ls || rs;
    if (!compound && le->kind == IR_INT && re->kind == IR_INT) {
        ir_expr *f = fold(l, c);
        if (f)
            return f;
    }
    const opinfo *o = hop ? binop_gap(l, le, re, compound) : NULL;
    if (!o)
        o = hop;
    if (!o)
        o = binop_near(l, lc, rc, le, re, compound);
    if (!o)
        o = binop_printed(l, c, compound);
    if (!o) {
        ir_loc loc = l->xs.items[l->xs.len - 1].have_loc ? l->xs.items[l->xs.len - 1].loc
                                                          : cursor_loc(l, c);
        hint mh;
        if (macro_body_hint(l, c, &loc, &mh))
            o = hint_binop(l, &mh, lc, rc, compound, &lt, &rt);
    }
    if (!o) {
        ir_expr *k[2] = {le, re};
        bool s2[2] = {ls, rs};
        return unknown_of(l, c, k, s2, 2);
    }
    ir_expr *e;
    switch (o->kind) {
    case OPK_ASSIGN:
    case OPK_COMPOUND:
        e = enew(l, IR_ASSIGN, c);
        e->op = o->code;
        *se = true;
        break;
    case OPK_COMMA:
        e = enew(l, IR_COMMA, c);
        break;
    default:
        e = enew(l, IR_BINOP, c);
        e->op = o->code;
    }
    kids2(l, e, le, re);
    return e;
}

/* A postfix ++ or -- at the end of hint text h whose operand fits ch. */
static const char *hint_postfix(lw *l, const hint *h, CXCursor ch, hint *rest)
{
    tscan t = text_scan(h->f, h->b, h->e);
    if (!t.ok || t.root || t.cond || h->e - t.last_b != 2)
        return NULL;
    const char *p = h->f->buf + t.last_b;
    if (memcmp(p, "++", 2) != 0 && memcmp(p, "--", 2) != 0)
        return NULL;
    rest->f = h->f;
    rest->b = h->b;
    rest->e = (uint32_t)t.last_b;
    text_trim(h->f, &rest->b, &rest->e);
    if (!text_fits(l, h->f, rest->b, rest->e, ch))
        return NULL;
    return p[0] == '+' ? "++" : "--";
}

static ir_expr *unary(lw *l, CXCursor c, bool *se, const hint *h)
{
    bool ok;
    size_t n;
    CXCursor ch = first_expr_child(l, c, &ok, &n);
    if (!ok || n != 1)
        return unknown_expr(l, c, se);
    CXSourceLocation us = clang_getRangeStart(clang_getCursorExtent(c));
    bool postfix = clang_equalLocations(us, clang_getRangeStart(clang_getCursorExtent(ch))) != 0;
    /* a hint: the operand's text */
    const char *hpost = NULL;
    if (h) {
        hint rest;
        if (postfix) {
            hpost = hint_postfix(l, h, ch, &rest);
            if (hpost)
                set_hint(l, ch, rest.f, rest.b, rest.e);
        } else {
            size_t i = skip_ws(h->f->buf, h->e, h->b);
            size_t e = i < h->e ? lex_token(h->f->buf, h->e, i) : i;
            if (e > i && !ident_start(h->f->buf[i]))
                set_hint(l, ch, h->f, (uint32_t)e, h->e);
        }
    }
    bool ks = false;
    ir_expr *k = lx(l, ch, &ks);
    *se = ks;
    if (k->kind == IR_INT) {
        ir_expr *f = fold(l, c);
        if (f)
            return f;
    }
    CXType tu = clang_getCursorType(c), tc = clang_getCursorType(ch);
    CXType cu = clang_getCanonicalType(tu), cc = clang_getCanonicalType(tc);
    if (cu.kind == CXType_Pointer && type_eq(clang_getPointeeType(cu), tc)) {
        ir_expr *e = enew(l, IR_ADDR, c);
        kids1(l, e, k);
        return e;
    }
    if (cc.kind == CXType_Pointer && type_eq(clang_getPointeeType(cc), tu)) {
        ir_expr *e = enew(l, IR_DEREF, c);
        kids1(l, e, k);
        return e;
    }
    char op[16] = "";
    ir_loc ul = l->xs.items[l->xs.len - 1].have_loc ? l->xs.items[l->xs.len - 1].loc
                                                     : cursor_loc(l, c);
    fe_file *f = file_by_index(l, ul.file);
    if (!postfix) {
        /* the operator is the first token: in the file, or where spelled */
        if (f && f->buf && k->loc.file == ul.file && ul.offset < k->loc.offset) {
            size_t e = lex_token(f->buf, f->size, ul.offset);
            if (e - ul.offset < sizeof op && skip_ws(f->buf, k->loc.offset, e) == k->loc.offset) {
                memcpy(op, f->buf + ul.offset, e - ul.offset);
                op[e - ul.offset] = '\0';
            }
        }
        if (!op[0]) {
            unsigned b, e;
            fe_file *sf = spelled(l, us, &b, &e);
            if (sf && e - b < sizeof op) {
                memcpy(op, sf->buf + b, e - b);
                op[e - b] = '\0';
            }
        }
    } else {
        if (f && f->buf && k->loc.file == ul.file && k->loc.end_offset < ul.end_offset) {
            size_t i = skip_ws(f->buf, ul.end_offset, k->loc.end_offset);
            if (ul.end_offset - i == 2)
                memcpy(op, f->buf + i, 2), op[2] = '\0';
        }
        if (!op[0]) {
            unsigned ce;
            fe_file *sf = spelled_end(l, ch, &ce, 0);
            if (sf) {
                size_t i = skip_ws(sf->buf, sf->size, ce);
                if (i + 2 <= sf->size)
                    memcpy(op, sf->buf + i, 2), op[2] = '\0';
            }
        }
        if (strcmp(op, "++") != 0 && strcmp(op, "--") != 0 && hpost)
            memcpy(op, hpost, 3);
        if (strcmp(op, "++") != 0 && strcmp(op, "--") != 0) {
            hint mh, rest;
            const char *p;
            if (macro_body_hint(l, c, &ul, &mh) && (p = hint_postfix(l, &mh, ch, &rest)))
                memcpy(op, p, 3);
        }
    }
    ir_expr *e = NULL;
    if (postfix) {
        if (strcmp(op, "++") == 0 || strcmp(op, "--") == 0) {
            e = enew(l, IR_INCDEC, c);
            e->op = op[0] == '+' ? IR_POSTINC : IR_POSTDEC;
        }
    } else if (strcmp(op, "++") == 0 || strcmp(op, "--") == 0) {
        e = enew(l, IR_INCDEC, c);
        e->op = op[0] == '+' ? IR_PREINC : IR_PREDEC;
    } else if (op[0] && !op[1] && strchr("-+!~", op[0])) {
        e = enew(l, IR_UNOP, c);
        e->op = op[0];
    } else if (strcmp(op, "__extension__") == 0) {
        return k;
    }
    if (!e) {
        bool s1[1] = {ks};
        return unknown_of(l, c, &k, s1, 1);
    }
    if (e->kind == IR_INCDEC)
        *se = true;
    kids1(l, e, k);
    return e;
}

/* The designator of an initializer item: "dtype", "a.b", "[2]", "[1].x". */
static const char *designator(lw *l, size_t base, size_t last)
{
    if (last == base + 1 && clang_getCursorKind(l->cs.items[base]) == CXCursor_MemberRef) {
        CXCursor fd = clang_getCursorReferenced(l->cs.items[base]);
        if (!clang_Cursor_isNull(fd))
            return decl_name(l, fd);
    }
    char buf[256];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = base; i < last; i++) {
        CXCursor d = l->cs.items[i];
        char piece[96];
        if (clang_getCursorKind(d) == CXCursor_MemberRef) {
            CXString s = clang_getCursorSpelling(d);
            const char *n = clang_getCString(s);
            snprintf(piece, sizeof piece, "%s%s", o ? "." : "", n ? n : "");
            clang_disposeString(s);
        } else {
            int64_t v;
            if (eval_int(d, &v))
                snprintf(piece, sizeof piece, "[%lld]", (long long)v);
            else
                snprintf(piece, sizeof piece, "[?]");
        }
        size_t pl = strlen(piece);
        if (o + pl < sizeof buf) {
            memcpy(buf + o, piece, pl + 1);
            o += pl;
        }
    }
    return intern(l, buf, o);
}

static ir_expr *init_list(lw *l, CXCursor c, CXCursor list, bool compound, bool *se)
{
    ir_expr *e = enew(l, IR_INIT, c);
    e->ival = compound;
    size_t base = children(l, list);
    size_t n = l->cs.len - base;
    ir_expr **k = n ? sc_alloc(l->A, n * sizeof *k) : NULL;
    const char **names = NULL;
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++) {
        CXCursor item = l->cs.items[base + i];
        if (!is_expr(item))
            continue;
        const char *name = NULL;
        CXCursor val = item;
        if (clang_getCursorKind(item) == CXCursor_UnexposedExpr &&
            clang_getCursorType(item).kind == CXType_Void) {
            /* a designated initializer: designators, then the value */
            size_t b2 = children(l, item);
            size_t n2 = l->cs.len - b2;
            if (n2 >= 2) {
                name = designator(l, b2, l->cs.len - 1);
                val = l->cs.items[l->cs.len - 1];
            }
            l->cs.len = b2;
        }
        bool s2 = false;
        k[m] = lx(l, val, &s2);
        if (s2)
            *se = true;
        if (name) {
            if (!names)
                names = sc_alloc(l->A, n * sizeof *names);
            names[m] = name;
        }
        m++;
    }
    l->cs.len = base;
    e->kids = k;
    e->nkids = m;
    e->names = names;
    return e;
}

static ir_expr *lx_inner(lw *l, CXCursor c, bool *se, const hint *h);

static ir_expr *lx(lw *l, CXCursor c, bool *se)
{
    hint h;
    bool have = false;
    if (l->ph_valid) {
        if (clang_equalCursors(l->ph_node, c)) {
            h = l->ph;
            have = true;
        }
        l->ph_valid = false;
    }
    if (l->depth >= MAX_DEPTH)
        return enew(l, IR_UNKNOWN, c);
    l->depth++;
    xent x;
    memset(&x, 0, sizeof x);
    x.c = c;
    bool saved_inv = l->inv_valid;
    if (l->inv_valid) {
        x.loc = l->inv_loc;
        x.have_loc = true;
    } else {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr) {
            bool whole;
            x.loc = range_loc_w(l, clang_getCursorExtent(c), &whole);
            x.have_loc = true;
            if (whole) {
                l->inv_valid = true;
                l->inv_loc = x.loc;
            }
        }
    }
    SC_PUSH(l->xs, x);
    ir_expr *e = lx_inner(l, c, se, have ? &h : NULL);
    l->xs.len--;
    l->inv_valid = saved_inv;
    l->depth--;
    return e;
}

static ir_expr *lx_inner(lw *l, CXCursor c, bool *se, const hint *h)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    bool ok;
    size_t n;
    switch (k) {
    case CXCursor_ParenExpr: {
        CXCursor ch = first_expr_child(l, c, &ok, &n);
        if (!ok)
            return unknown_expr(l, c, se);
        if (h && h->f->buf[h->b] == '(' && skip_group(h->f->buf, h->e, h->b) == h->e)
            set_hint(l, ch, h->f, h->b + 1, h->e - 1);
        return lx(l, ch, se);
    }
    case CXCursor_UnexposedExpr: {
        CXCursor ch = first_expr_child(l, c, &ok, &n);
        if (ok && n == 1 && same_extent(c, ch)) {
            l->xs.items[l->xs.len - 1].transparent = true;
            if (h)
                set_hint(l, ch, h->f, h->b, h->e);
            ir_expr *e = lx(l, ch, se);
            if (e->kind == IR_INT && e->ival == 0 &&
                clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Pointer)
                return make_null(l, c);
            return e;
        }
        /* something libclang does not expose: fold it when it is an
         * integer constant made of constants only */
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        if (tkind_of(t) == IR_T_INT) {
            size_t base = children(l, c);
            bool consts = true;
            for (size_t i = base; i < l->cs.len && consts; i++) {
                CXCursor x = l->cs.items[i];
                if (!is_expr(x))
                    continue;
                int64_t v;
                enum CXCursorKind xk = clang_getCursorKind(strip(l, x));
                if (!(xk == CXCursor_IntegerLiteral || xk == CXCursor_CharacterLiteral ||
                      xk == CXCursor_UnaryExpr) || !eval_int(x, &v))
                    consts = false;
            }
            l->cs.len = base;
            if (consts) {
                ir_expr *f = fold(l, c);
                if (f)
                    return f;
            }
        }
        return unknown_expr(l, c, se);
    }
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral: {
        ir_expr *e = fold(l, c);
        return e ? e : enew(l, IR_UNKNOWN, c);
    }
    case CXCursor_FloatingLiteral: {
        ir_expr *e = enew(l, IR_FLOAT, c);
        CXEvalResult r = clang_Cursor_Evaluate(c);
        if (r) {
            if (clang_EvalResult_getKind(r) == CXEval_Float)
                e->fval = clang_EvalResult_getAsDouble(r);
            clang_EvalResult_dispose(r);
        }
        return e;
    }
    case CXCursor_StringLiteral:
        return string_lit(l, c);
    case CXCursor_DeclRefExpr:
        return decl_ref(l, c);
    case CXCursor_CallExpr:
        return call_expr(l, c, se);
    case CXCursor_UnaryOperator:
        return unary(l, c, se, h);
    case CXCursor_BinaryOperator:
        return binary(l, c, se, false, h);
    case CXCursor_CompoundAssignOperator:
        return binary(l, c, se, true, h);
    case CXCursor_ConditionalOperator: {
        size_t base = children(l, c);
        if (l->cs.len - base != 3) {
            l->cs.len = base;
            return unknown_expr(l, c, se);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1], d = l->cs.items[base + 2];
        l->cs.len = base;
        bool s[3] = {false, false, false};
        ir_expr *ka = lx(l, a, &s[0]);
        ir_expr *kb = lx(l, b, &s[1]);
        ir_expr *kd = lx(l, d, &s[2]);
        *se = s[0] || s[1] || s[2];
        ir_expr *ks[3] = {ka, kb, kd};
        if (all_int(ks, 3)) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = enew(l, IR_COND, c);
        set_kids(l, e, ks, 3);
        return e;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor base = first_expr_child(l, c, &ok, &n);
        if (!ok)
            return unknown_expr(l, c, se);
        bool s2 = false;
        ir_expr *kb = lx(l, base, &s2);
        *se = s2;
        ir_expr *e = enew(l, IR_MEMBER, c);
        CXCursor field = clang_getCursorReferenced(c);
        e->str = clang_Cursor_isNull(field) ? intern_cx(l, clang_getCursorSpelling(c))
                                            : decl_name(l, field);
        CXType bt = clang_getCanonicalType(clang_getCursorType(base));
        e->op = bt.kind == CXType_Pointer ? 1 : 0;
        kids1(l, e, kb);
        return e;
    }
    case CXCursor_ArraySubscriptExpr: {
        size_t base = children(l, c);
        if (l->cs.len - base != 2) {
            l->cs.len = base;
            return unknown_expr(l, c, se);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1];
        l->cs.len = base;
        bool s1 = false, s2 = false;
        ir_expr *ka = lx(l, a, &s1);
        ir_expr *kb = lx(l, b, &s2);
        *se = s1 || s2;
        ir_expr *e = enew(l, IR_INDEX, c);
        kids2(l, e, ka, kb);
        return e;
    }
    case CXCursor_CStyleCastExpr: {
        CXCursor ch = last_expr_child(l, c, &ok);
        if (!ok)
            return unknown_expr(l, c, se);
        if (h && h->f->buf[h->b] == '(') {
            size_t g = skip_group(h->f->buf, h->e, h->b);
            if (g && g < h->e)
                set_hint(l, ch, h->f, (uint32_t)g, h->e);
        }
        bool s2 = false;
        ir_expr *kc = lx(l, ch, &s2);
        *se = s2;
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        if (t.kind == CXType_Pointer && is_null_const(kc))
            return make_null(l, c);
        if (kc->kind == IR_INT) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = enew(l, IR_CAST, c);
        kids1(l, e, kc);
        return e;
    }
    case CXCursor_CompoundLiteralExpr: {
        CXCursor list = last_expr_child(l, c, &ok);
        if (!ok || clang_getCursorKind(list) != CXCursor_InitListExpr)
            return unknown_expr(l, c, se);
        return init_list(l, c, list, true, se);
    }
    case CXCursor_InitListExpr:
        return init_list(l, c, c, false, se);
    case CXCursor_UnaryExpr: {
        ir_expr *e = fold(l, c);
        return e ? e : enew(l, IR_UNKNOWN, c);
    }
    default:
        return unknown_expr(l, c, se);
    }
}

static ir_expr *lower_expr(lw *l, CXCursor c)
{
    bool se = false;
    return lx(l, c, &se);
}

/* ---- statements ------------------------------------------------------------------- */

static ir_stmt *snew(lw *l, ir_skind k, CXCursor c)
{
    ir_stmt *s = sc_alloc(l->A, sizeof *s);
    s->kind = k;
    if (l->have_cur_stmt && clang_equalCursors(l->cur_stmt, c))
        s->loc = l->cur_stmt_loc;
    else
        s->loc = cursor_loc(l, c);
    return s;
}

static ir_stmt *lower_stmt(lw *l, CXCursor c);

static ir_expr *lower_init_of(lw *l, CXCursor vd)
{
    CXCursor init = clang_Cursor_getVarDeclInitializer(vd);
    if (clang_Cursor_isNull(init))
        return NULL;
    CXCursor saved = l->vd;
    bool had = l->have_vd;
    l->vd = vd;
    l->have_vd = true;
    ir_expr *e = lower_expr(l, init);
    l->vd = saved;
    l->have_vd = had;
    return e;
}

/* The variables of a declaration statement: one IR_S_DECL per local, pushed
 * on l->ss; static and extern ones become globals. */
static void lower_decls_h(lw *l, CXCursor c, const hint *init_hint);

static void lower_decls(lw *l, CXCursor c)
{
    lower_decls_h(l, c, NULL);
}

/* init_hint: the text of the initializer, for a declaration of one variable */
static void lower_decls_h(lw *l, CXCursor c, const hint *init_hint)
{
    size_t base = children(l, c);
    size_t n = l->cs.len - base;
    size_t nvars = 0;
    for (size_t i = 0; i < n; i++)
        if (clang_getCursorKind(l->cs.items[base + i]) == CXCursor_VarDecl)
            nvars++;
    if (nvars != 1)
        init_hint = NULL;
    for (size_t i = 0; i < n; i++) {
        CXCursor d = l->cs.items[base + i];
        if (clang_getCursorKind(d) != CXCursor_VarDecl)
            continue;
        enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
        if (sc == CX_SC_Static || sc == CX_SC_Extern) {
            uint32_t g = global_for(l, d);
            if (sc == CX_SC_Static) {
                ir_expr *init = lower_init_of(l, d);
                l->globals.items[g].init = init;
                l->globals.items[g].sym.is_static = true;
            }
            continue;
        }
        ir_stmt *s = sc_alloc(l->A, sizeof *s);
        s->kind = IR_S_DECL;
        bool whole = false;
        s->loc = l->inv_valid ? l->inv_loc : range_loc_w(l, clang_getCursorExtent(d), &whole);
        s->sym = local_new(l, d, false);
        bool had = l->have_stmt_loc;
        ir_loc saved = l->stmt_loc;
        bool saved_inv = l->inv_valid;
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        if (whole) {
            l->inv_valid = true;
            l->inv_loc = s->loc;
        }
        if (init_hint) {
            CXCursor init = clang_Cursor_getVarDeclInitializer(d);
            if (!clang_Cursor_isNull(init))
                set_hint(l, init, init_hint->f, init_hint->b, init_hint->e);
        }
        s->e = lower_init_of(l, d);
        l->ph_valid = false;
        l->inv_valid = saved_inv;
        l->have_stmt_loc = had;
        l->stmt_loc = saved;
        SC_PUSH(l->ss, s);
    }
    l->cs.len = base;
}

/* A case marker; its location is set by the caller. */
static void push_case(lw *l, int64_t v, bool is_default)
{
    ir_stmt *s = sc_alloc(l->A, sizeof *s);
    s->kind = IR_S_CASE;
    s->op = is_default;
    s->ival = v;
    SC_PUSH(l->ss, s);
}

/* Lowers c into the enclosing block (l->ss): labels and case labels become
 * markers followed by the statement they label; a declaration statement
 * gives one IR_S_DECL per variable. */
static void lower_into(lw *l, CXCursor c)
{
    for (int guard = 0; guard < 1000000; guard++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
            size_t base = children(l, c);
            size_t n = l->cs.len - base;
            if (n == 0) {
                l->cs.len = base;
                return;
            }
            CXCursor sub = l->cs.items[l->cs.len - 1];
            ir_loc loc = cursor_loc(l, c);
            size_t first = l->ss.len;
            if (k == CXCursor_DefaultStmt) {
                push_case(l, 0, true);
            } else {
                int64_t lo = 0, hi = 0;
                eval_int(l->cs.items[base], &lo);
                hi = lo;
                if (n >= 3 && !eval_int(l->cs.items[base + 1], &hi))
                    hi = lo;
                if (hi < lo || hi - lo > 255)
                    hi = lo;
                for (int64_t v = lo; v <= hi; v++)
                    push_case(l, v, false);
                /* the label's range: "case" to the end of its value */
                ir_loc vl = cursor_loc(l, l->cs.items[base + (n >= 3 ? 1 : 0)]);
                if (vl.file == loc.file && vl.end_offset >= loc.offset) {
                    loc.end_line = vl.end_line;
                    loc.end_col = vl.end_col;
                    loc.end_offset = vl.end_offset;
                }
            }
            if (k == CXCursor_DefaultStmt)      /* just the keyword */
                loc = token_loc(l, clang_getRangeStart(clang_getCursorExtent(c)));
            for (size_t i = first; i < l->ss.len; i++)
                l->ss.items[i]->loc = loc;
            l->cs.len = base;
            c = sub;
            continue;
        }
        if (k == CXCursor_LabelStmt) {
            ir_stmt *s = sc_alloc(l->A, sizeof *s);
            s->kind = IR_S_LABEL;
            s->loc = token_loc(l, clang_getRangeStart(clang_getCursorExtent(c)));
            s->label = label_id(l, intern_cx(l, clang_getCursorSpelling(c)));
            SC_PUSH(l->ss, s);
            size_t base = children(l, c);
            if (l->cs.len == base) {
                l->cs.len = base;
                return;
            }
            CXCursor sub = l->cs.items[l->cs.len - 1];
            l->cs.len = base;
            c = sub;
            continue;
        }
        if (k == CXCursor_DeclStmt) {
            lower_decls(l, c);
            return;
        }
        ir_stmt *st = lower_stmt(l, c);    /* may push on l->ss itself */
        SC_PUSH(l->ss, st);
        return;
    }
}

static ir_stmt *block_of(lw *l, CXCursor c, size_t base)
{
    ir_stmt *s = snew(l, IR_S_BLOCK, c);
    size_t n = l->ss.len - base;
    s->nbody = (uint32_t)n;
    if (n) {
        s->body = sc_alloc(l->A, n * sizeof *s->body);
        memcpy(s->body, l->ss.items + base, n * sizeof *s->body);
    }
    l->ss.len = base;
    return s;
}

/* A statement in a single-statement position. */
static ir_stmt *lower_single(lw *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_CaseStmt && k != CXCursor_DefaultStmt && k != CXCursor_LabelStmt &&
        k != CXCursor_DeclStmt)
        return lower_stmt(l, c);
    size_t base = l->ss.len;
    lower_into(l, c);
    if (l->ss.len - base == 1) {
        ir_stmt *s = l->ss.items[base];
        l->ss.len = base;
        return s;
    }
    if (l->ss.len == base)
        return snew(l, IR_S_NOP, c);
    return block_of(l, c, base);
}

/* Which of a for statement's init, condition and increment are written,
 * and their text: from its header where the `for` keyword is spelled. */
static fe_file *for_parts(lw *l, CXCursor c, bool present[3], uint32_t pb[3], uint32_t pe[3])
{
    unsigned b, e;
    fe_file *f = spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
    if (!f || e - b != 3 || memcmp(f->buf + b, "for", 3) != 0)
        return NULL;
    const char *s = f->buf;
    size_t n = f->size;
    size_t i = skip_ws(s, n, e);
    if (i >= n || s[i] != '(')
        return NULL;
    i++;
    int depth = 0, part = 0;
    present[0] = present[1] = present[2] = false;
    pb[0] = (uint32_t)i;
    while (i < n) {
        i = skip_ws(s, n, i);
        if (i >= n)
            return NULL;
        char ch = s[i];
        if (depth == 0 && (ch == ';' || ch == ')')) {
            pe[part] = (uint32_t)i;
            if (ch == ')')
                return part == 2 ? f : NULL;
            if (++part > 2)
                return NULL;
            pb[part] = (uint32_t)(i + 1);
            i++;
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{')
            depth++;
        else if (ch == ')' || ch == ']' || ch == '}')
            depth--;
        present[part] = true;
        i = lex_token(s, n, i);
    }
    return NULL;
}

/* The text of the condition of `KW (COND)` where the statement's keyword is
 * spelled, for a statement written in a macro body. */
static fe_file *keyword_cond(lw *l, CXCursor c, const char *kw, uint32_t *cb, uint32_t *ce)
{
    CXSourceLocation st = clang_getRangeStart(clang_getCursorExtent(c));
    if (!loc_is_macro(l, st, true))
        return NULL;
    unsigned b, e;
    fe_file *f = spelled(l, st, &b, &e);
    size_t kl = strlen(kw);
    if (!f || e - b != kl || memcmp(f->buf + b, kw, kl) != 0)
        return NULL;
    size_t i = skip_ws(f->buf, f->size, e);
    if (strcmp(kw, "return") == 0) {
        /* to the ';' or the end of the #define */
        size_t j = i;
        int depth = 0;
        while (j < f->size) {
            char ch = f->buf[j];
            if (ch == '\n' && (j == 0 || f->buf[j - 1] != '\\'))
                break;
            if (ch == '"' || ch == '\'') {
                j = skip_quoted(f->buf, f->size, j);
                continue;
            }
            if (ch == '(' || ch == '[' || ch == '{')
                depth++;
            else if (ch == ')' || ch == ']' || ch == '}')
                depth--;
            else if (ch == ';' && depth == 0)
                break;
            if (depth < 0)
                break;
            j++;
        }
        *cb = (uint32_t)i;
        *ce = (uint32_t)j;
        return j > i ? f : NULL;
    }
    if (i >= f->size || f->buf[i] != '(')
        return NULL;
    size_t g = skip_group(f->buf, f->size, i);
    if (!g)
        return NULL;
    *cb = (uint32_t)(i + 1);
    *ce = (uint32_t)(g - 1);
    return f;
}

static ir_expr *lower_hinted(lw *l, CXCursor x, fe_file *f, uint32_t b, uint32_t e)
{
    if (f)
        set_hint(l, x, f, b, e);
    ir_expr *r = lower_expr(l, x);
    l->ph_valid = false;
    return r;
}

static ir_stmt *lower_for(lw *l, CXCursor c, ir_stmt *s)
{
    size_t base = children(l, c);
    size_t n = l->cs.len - base;
    if (n == 0) {
        l->cs.len = base;
        s->kind = IR_S_NOP;
        return s;
    }
    CXCursor parts[4];
    for (size_t i = 0; i < n && i < 4; i++)
        parts[i] = l->cs.items[base + i];
    l->cs.len = base;
    CXCursor body = parts[n - 1];
    size_t m = n - 1;               /* header children, in order */
    int role[3] = {0, 1, 2};        /* 0 init, 1 cond, 2 step */
    bool present[3];
    uint32_t pb[3] = {0, 0, 0}, pe[3] = {0, 0, 0};
    fe_file *hf = NULL;
    bool in_macro = loc_is_macro(l, clang_getRangeStart(clang_getCursorExtent(c)), true);
    if ((m < 3 && m > 0) || in_macro)
        hf = for_parts(l, c, present, pb, pe);
    if (hf && (size_t)(present[0] + present[1] + present[2]) != m)
        hf = NULL;
    if (m < 3 && m > 0) {
        if (hf) {
            size_t j = 0;
            for (int r = 0; r < 3; r++)
                if (present[r])
                    role[j++] = r;
        } else {
            /* guess: a declaration is the init, then cond, then step */
            bool decl = clang_getCursorKind(parts[0]) == CXCursor_DeclStmt;
            role[0] = decl ? 0 : 1;
            role[1] = decl ? 1 : 2;
        }
    }
    if (!in_macro)
        hf = NULL;                  /* the file's own text needs no hints */
    for (size_t i = 0; i < m; i++) {
        CXCursor p = parts[i];
        int r = role[i];
        switch (r) {
        case 0:
            if (clang_getCursorKind(p) == CXCursor_DeclStmt) {
                size_t sb = l->ss.len;
                /* "TYPE NAME = INIT": the initializer's text */
                hint ih = {NULL, 0, 0};
                if (hf) {
                    const char *b = hf->buf;
                    int depth = 0;
                    for (uint32_t j = pb[0]; j < pe[0]; j = (uint32_t)lex_token(b, pe[0], j)) {
                        j = (uint32_t)skip_ws(b, pe[0], j);
                        if (j >= pe[0])
                            break;
                        char ch = b[j];
                        if (ch == '(' || ch == '[' || ch == '{')
                            depth++;
                        else if (ch == ')' || ch == ']' || ch == '}')
                            depth--;
                        else if (depth == 0 && ch == '=' && lex_token(b, pe[0], j) == j + 1) {
                            ih.f = hf;
                            ih.b = j + 1;
                            ih.e = pe[0];
                            break;
                        }
                    }
                }
                lower_decls_h(l, p, ih.f ? &ih : NULL);
                if (l->ss.len - sb == 1) {
                    s->init = l->ss.items[sb];
                    l->ss.len = sb;
                } else if (l->ss.len > sb) {
                    s->init = block_of(l, p, sb);
                }
            } else {
                ir_stmt *x = snew(l, IR_S_EXPR, p);
                x->e = lower_hinted(l, p, hf, pb[0], pe[0]);
                s->init = x;
            }
            break;
        case 1:
            s->e = lower_hinted(l, p, hf, pb[1], pe[1]);
            break;
        default:
            s->step = lower_hinted(l, p, hf, pb[2], pe[2]);
        }
    }
    s->nbody = 1;
    s->body = sc_alloc(l->A, sizeof *s->body);
    s->body[0] = lower_single(l, body);
    return s;
}

static ir_stmt *lower_if(lw *l, CXCursor c)
{
    ir_stmt *first = NULL, **slot = &first;
    for (int guard = 0; guard < 10000000; guard++) {
        size_t base = children(l, c);
        size_t n = l->cs.len - base;
        if (n < 2) {
            l->cs.len = base;
            *slot = snew(l, IR_S_NOP, c);
            break;
        }
        CXCursor cond = l->cs.items[base], then = l->cs.items[base + 1];
        CXCursor els = n >= 3 ? l->cs.items[base + 2] : clang_getNullCursor();
        l->cs.len = base;
        ir_stmt *s = snew(l, IR_S_IF, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        uint32_t hb = 0, he = 0;
        fe_file *hf = keyword_cond(l, c, "if", &hb, &he);
        s->e = lower_hinted(l, cond, hf, hb, he);
        s->nbody = 2;
        s->body = sc_alloc(l->A, 2 * sizeof *s->body);
        s->body[0] = lower_single(l, then);
        *slot = s;
        if (n < 3)
            break;
        if (clang_getCursorKind(els) == CXCursor_IfStmt) {
            slot = &s->body[1];
            c = els;
            continue;
        }
        s->body[1] = lower_single(l, els);
        break;
    }
    return first;
}

static ir_stmt *lower_stmt_inner(lw *l, CXCursor c);

static ir_stmt *lower_stmt(lw *l, CXCursor c)
{
    if (l->depth >= MAX_DEPTH)
        return snew(l, IR_S_NOP, c);
    bool had = l->have_stmt_loc;
    ir_loc saved = l->stmt_loc;
    bool saved_inv = l->inv_valid;
    bool had_cur = l->have_cur_stmt;
    CXCursor saved_cur = l->cur_stmt;
    ir_loc saved_cur_loc = l->cur_stmt_loc;
    l->have_stmt_loc = false;
    /* the statement's location, once; a statement that is exactly one
     * macro invocation hands it down */
    if (!l->inv_valid) {
        bool whole;
        l->cur_stmt_loc = range_loc_w(l, clang_getCursorExtent(c), &whole);
        if (whole) {
            l->inv_valid = true;
            l->inv_loc = l->cur_stmt_loc;
        }
    } else {
        l->cur_stmt_loc = l->inv_loc;
    }
    l->cur_stmt = c;
    l->have_cur_stmt = true;
    l->depth++;
    ir_stmt *s = lower_stmt_inner(l, c);
    l->depth--;
    l->have_stmt_loc = had;
    l->stmt_loc = saved;
    l->inv_valid = saved_inv;
    l->have_cur_stmt = had_cur;
    l->cur_stmt = saved_cur;
    l->cur_stmt_loc = saved_cur_loc;
    return s;
}

static ir_stmt *lower_stmt_inner(lw *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    switch (k) {
    case CXCursor_CompoundStmt: {
        size_t sbase = l->ss.len;
        size_t base = children(l, c);
        size_t n = l->cs.len - base;
        for (size_t i = 0; i < n; i++)
            lower_into(l, l->cs.items[base + i]);
        l->cs.len = base;
        return block_of(l, c, sbase);
    }
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
    case CXCursor_LabelStmt:
    case CXCursor_DeclStmt:
        return lower_single(l, c);
    case CXCursor_IfStmt:
        return lower_if(l, c);
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_SwitchStmt: {
        size_t base = children(l, c);
        if (l->cs.len - base != 2) {
            l->cs.len = base;
            return snew(l, IR_S_NOP, c);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1];
        l->cs.len = base;
        CXCursor cond = k == CXCursor_DoStmt ? b : a;
        CXCursor body = k == CXCursor_DoStmt ? a : b;
        ir_stmt *s = snew(l, k == CXCursor_WhileStmt ? IR_S_WHILE
                             : k == CXCursor_DoStmt ? IR_S_DO : IR_S_SWITCH, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        if (k != CXCursor_DoStmt) {
            uint32_t hb = 0, he = 0;
            fe_file *hf = keyword_cond(l, c, k == CXCursor_WhileStmt ? "while" : "switch",
                                       &hb, &he);
            s->e = lower_hinted(l, cond, hf, hb, he);
        }
        s->nbody = 1;
        s->body = sc_alloc(l->A, sizeof *s->body);
        if (k == CXCursor_SwitchStmt && clang_getCursorKind(body) != CXCursor_CompoundStmt) {
            size_t sb = l->ss.len;
            lower_into(l, body);
            s->body[0] = block_of(l, body, sb);
        } else {
            s->body[0] = lower_single(l, body);
        }
        if (k == CXCursor_DoStmt) {
            l->have_stmt_loc = true;
            l->stmt_loc = s->loc;
            s->e = lower_expr(l, cond);
        }
        return s;
    }
    case CXCursor_ForStmt: {
        ir_stmt *s = snew(l, IR_S_FOR, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        return lower_for(l, c, s);
    }
    case CXCursor_BreakStmt:
        return snew(l, IR_S_BREAK, c);
    case CXCursor_ContinueStmt:
        return snew(l, IR_S_CONTINUE, c);
    case CXCursor_NullStmt:
        return snew(l, IR_S_NOP, c);
    case CXCursor_ReturnStmt: {
        ir_stmt *s = snew(l, IR_S_RETURN, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        bool ok;
        CXCursor v = first_expr_child(l, c, &ok, NULL);
        if (ok) {
            uint32_t hb = 0, he = 0;
            fe_file *hf = keyword_cond(l, c, "return", &hb, &he);
            s->e = lower_hinted(l, v, hf, hb, he);
        }
        return s;
    }
    case CXCursor_GotoStmt: {
        ir_stmt *s = snew(l, IR_S_GOTO, c);
        size_t base = children(l, c);
        const char *name = "";
        if (l->cs.len > base)
            name = intern_cx(l, clang_getCursorSpelling(l->cs.items[base]));
        l->cs.len = base;
        s->label = label_id(l, name);
        return s;
    }
    default:
        if (clang_isExpression(k)) {
            ir_stmt *s = snew(l, IR_S_EXPR, c);
            s->e = lower_expr(l, c);
            return s;
        }
        /* asm, computed goto, anything else: its side effects, if any */
        {
            size_t ebase = l->es.len;
            collect_effects(l, c);
            if (l->es.len == ebase)
                return snew(l, IR_S_NOP, c);
            ir_stmt *s = snew(l, IR_S_EXPR, c);
            ir_expr *e = sc_alloc(l->A, sizeof *e);
            e->kind = IR_UNKNOWN;
            e->loc = s->loc;
            e->type.kind = IR_T_VOID;
            e->type.array_len = -1;
            set_kids(l, e, l->es.items + ebase, (uint32_t)(l->es.len - ebase));
            l->es.len = ebase;
            s->e = e;
            return s;
        }
    }
}

/* ---- declarations --------------------------------------------------------------- */

static void lower_function(lw *l, CXCursor fn)
{
    ir_func f;
    memset(&f, 0, sizeof f);
    f.name = decl_name(l, fn);
    f.loc = token_loc(l, clang_getCursorLocation(fn));
    f.ret = lower_type(l, clang_getResultType(clang_getCursorType(fn)));
    f.is_static = clang_getCursorLinkage(fn) == CXLinkage_Internal;

    l->in_func = true;
    l->fn_name = f.name;
    l->locals.len = 0;
    cmap_clear(&l->lmap);
    umap_clear(&l->labels);
    l->nlabels = 0;

    int np = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < np; i++)
        local_new(l, clang_Cursor_getArgument(fn, (unsigned)i), true);
    f.nparams = np > 0 ? (uint32_t)np : 0;

    size_t base = children(l, fn);
    CXCursor body = clang_getNullCursor();
    for (size_t i = l->cs.len; i > base; i--)
        if (clang_getCursorKind(l->cs.items[i - 1]) == CXCursor_CompoundStmt) {
            body = l->cs.items[i - 1];
            break;
        }
    l->cs.len = base;
    if (!clang_Cursor_isNull(body)) {
        f.body = lower_stmt(l, body);
        f.end_loc = last_token_loc(f.body->loc, l);
    } else {
        f.body = sc_alloc(l->A, sizeof *f.body);
        f.body->kind = IR_S_BLOCK;
    }
    f.nlocals = (uint32_t)l->locals.len;
    if (f.nlocals) {
        f.locals = sc_alloc(l->A, f.nlocals * sizeof *f.locals);
        memcpy(f.locals, l->locals.items, f.nlocals * sizeof *f.locals);
    }
    f.nlabels = l->nlabels;
    l->in_func = false;
    l->fn_name = NULL;
    SC_PUSH(l->funcs, f);
}

static void lower_global(lw *l, CXCursor d)
{
    uint32_t gi = global_for(l, d);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    bool has_init = !clang_Cursor_isNull(init);
    if (sc != CX_SC_Extern || has_init) {
        /* a definition (or a tentative one) */
        ir_global *g = &l->globals.items[gi];
        g->is_extern = false;
        g->sym.loc = token_loc(l, clang_getCursorLocation(d));
        g->sym.type = lower_type(l, clang_getCursorType(d));
        if (sc == CX_SC_Static)
            g->sym.is_static = true;
    }
    if (has_init && !l->globals.items[gi].init) {
        ir_expr *e = lower_init_of(l, d);
        l->globals.items[gi].init = e;
    }
}

static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lw *l = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
        return CXChildVisit_Continue;
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    if (k == CXCursor_FunctionDecl && !clang_isCursorDefinition(c))
        return CXChildVisit_Continue;
    SC_PUSH(l->cs, c);
    return CXChildVisit_Continue;
}

ir_unit *fe_lower(CXTranslationUnit tu, const char *main_file)
{
    lw *l = sc_xmalloc(sizeof *l);
    memset(l, 0, sizeof *l);
    l->tu = tu;
    l->u = ir_unit_new();
    l->A = &l->u->arena;
    cmap_init(&l->gmap);
    cmap_init(&l->lmap);
    cmap_init(&l->namemap);
    l->u->main_file = sc_intern_cstr(&l->u->strings, main_file ? main_file : "");
    SC_PUSH(l->file_names, l->u->files[0]);
    if (main_file) {
        fe_file *mf = file_get(l, clang_getFile(tu, main_file));
        if (mf)
            file_index(l, mf);
    }

    size_t base = l->cs.len;
    clang_visitChildren(clang_getTranslationUnitCursor(tu), top_cb, l);
    size_t n = l->cs.len - base;
    for (size_t i = 0; i < n; i++) {
        CXCursor c = l->cs.items[base + i];
        if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
            lower_function(l, c);
        else
            lower_global(l, c);
    }
    l->cs.len = base;

    ir_unit *u = l->u;
    u->nfiles = (uint32_t)l->file_names.len;
    u->files = sc_alloc(l->A, u->nfiles * sizeof *u->files);
    memcpy(u->files, l->file_names.items, u->nfiles * sizeof *u->files);
    u->nglobals = (uint32_t)l->globals.len;
    if (u->nglobals) {
        u->globals = sc_alloc(l->A, u->nglobals * sizeof *u->globals);
        memcpy(u->globals, l->globals.items, u->nglobals * sizeof *u->globals);
    }
    u->nfuncs = (uint32_t)l->funcs.len;
    if (u->nfuncs) {
        u->funcs = sc_alloc(l->A, u->nfuncs * sizeof *u->funcs);
        memcpy(u->funcs, l->funcs.items, u->nfuncs * sizeof *u->funcs);
    }

    for (size_t i = 0; i < l->files.len; i++) {
        free(l->files.items[i]->lines);
        free(l->files.items[i]);
    }
    SC_VEC_FREE(l->files);
    SC_VEC_FREE(l->file_names);
    SC_VEC_FREE(l->globals);
    SC_VEC_FREE(l->funcs);
    SC_VEC_FREE(l->locals);
    SC_VEC_FREE(l->names);
    SC_VEC_FREE(l->cs);
    SC_VEC_FREE(l->ws);
    SC_VEC_FREE(l->ss);
    SC_VEC_FREE(l->es);
    cmap_free(&l->gmap);
    cmap_free(&l->lmap);
    cmap_free(&l->namemap);
    umap_free(&l->labels);
    umap_free(&l->invoc);
    umap_free(&l->macros);
    SC_VEC_FREE(l->mdefs);
    SC_VEC_FREE(l->xs);
    sc_interner_free(&l->mnames);
    sc_arena_free(&l->marena);
    if (l->policy)
        clang_PrintingPolicy_dispose(l->policy);
    free(l);
    return u;
}
