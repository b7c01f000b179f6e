/* Which operator an operator node is.
 *
 * libclang 17 and later say it (clang_getCursorBinaryOperatorKind,
 * clang_getCursorUnaryOperatorKind), and then that is the answer.  Older
 * ones have no call for it, so it is recovered from the source text, as
 * lower.c's opening comment describes: between the operands in the file,
 * from text hints at the macro level where the expression is written,
 * next to the operands where they are spelled, from clang's printing of a
 * variable's declaration, or from the body of the macro the node is an
 * invocation of; else the node is not given an operator at all. */
#include "lower_int.h"

#include <assert.h>
#include <string.h>

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
        i = ctext_skip_blank_back(b, i);
        if (i == 0)
            return true;
        char c = b[i - 1];
        if (c == '"' || c == '\'') {
            i = ctext_token_start_before(b, i);
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
            size_t j = ctext_skip_blank_back(b, i - 1);
            if (j == 0)
                return true;
            char p = b[j - 1];
            if (ctext_ident_char(p)) {
                size_t s = j;
                while (s > 0 && ctext_ident_char(b[s - 1]))
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
        i = ctext_token_start_before(b, i);
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
        size_t e = ctext_token_end(b, end, s);
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

static fe_file *spelled_end_after(fe_file *f, unsigned pos, char open, unsigned *end)
{
    size_t i = ctext_skip_blank(f->buf, f->size, pos);
    if (i >= f->size || f->buf[i] != open)
        return NULL;
    size_t k = ctext_group_end(f->buf, f->size, i);
    if (!k)
        return NULL;
    *end = (unsigned)k;
    return f;
}

/* The spelled end of an expression (just past its last token) where that can
 * be read from the source; see the file comment. */
static fe_file *spelled_end(lowering *l, CXCursor c, unsigned *end, int depth)
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
        f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (f)
            *end = e;
        return f;
    case CXCursor_MemberRefExpr:
        f = fe_spelled(l, clang_getCursorLocation(c), &b, &e);
        if (f)
            *end = e;
        return f;
    case CXCursor_StringLiteral: {
        f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f)
            return NULL;
        /* adjacent literals in the same place: "a" "b" */
        for (;;) {
            size_t i = ctext_skip_blank(f->buf, f->size, e);
            if (i >= f->size)
                break;
            size_t t = ctext_token_end(f->buf, f->size, i);
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
        f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f)
            return NULL;
        {
            size_t kk = ctext_group_end(f->buf, f->size, b);
            if (!kk)
                return NULL;
            *end = (unsigned)kk;
        }
        return f;
    case CXCursor_CompoundLiteralExpr:
        f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
        if (!f || f->buf[b] != '(')
            return NULL;
        {
            size_t kk = ctext_group_end(f->buf, f->size, b);
            if (!kk)
                return NULL;
            return spelled_end_after(f, (unsigned)kk, '{', end);
        }
    case CXCursor_CallExpr:
    case CXCursor_ArraySubscriptExpr: {
        CXCursor first = fe_first_expr_child(l, c, &ok, NULL);
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
        CXCursor last = fe_last_expr_child(l, c, &ok);
        return ok ? spelled_end(l, last, end, depth + 1) : NULL;
    }
    case CXCursor_UnaryOperator: {
        CXCursor ch = fe_last_expr_child(l, c, &ok);
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
        size_t i = ctext_skip_blank(f->buf, f->size, ce);
        if (i + 2 <= f->size && (memcmp(f->buf + i, "++", 2) == 0 || memcmp(f->buf + i, "--", 2) == 0)) {
            *end = (unsigned)(i + 2);
            return f;
        }
        return NULL;
    }
    case CXCursor_UnexposedExpr: {
        size_t n;
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (ok && n == 1 && fe_same_extent(c, ch))
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
        size_t e = ctext_token_end(s, n, i);
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            prev_operand = false;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
            prev_operand = true;
        } else if (ctext_ident_char(c) || c == '"' || c == '\'' || c == '.' ) {
            prev_operand = !(c == '.' && !(i + 1 < n && ctext_is_digit(s[i + 1])));
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
    size_t i = ctext_skip_blank(f->buf, *e, *b);
    size_t j = ctext_skip_blank_back(f->buf, *e);
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
        i = ctext_skip_blank(s, e, i);
        if (i >= e)
            break;
        size_t te = ctext_token_end(s, e, i);
        char c = s[i];
        char pc = prev_c;
        prev_c = c;
        any = true;
        t.last_b = i;
        if (te - i == 2 && s[i] == '#' && s[i + 1] == '#') {
            /* token pasting: `v##_i` glues two name pieces into one name
             * (an operand: C pastes into one token); glued punctuation
             * may make an operator (`o##=`), and then the text is not
             * the code */
            size_t nx = ctext_skip_blank(s, e, te);
            if (!(prev_operand && i > b && ctext_ident_char(s[ctext_skip_blank_back(s, i) - 1]) &&
                  nx < e && ctext_ident_char(s[nx]))) {
                t.ok = false;
                return t;
            }
            t.last_b = nx;
            prev_c = s[nx];
            i = ctext_token_end(s, e, nx);  /* the glued piece */
            continue;
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
        } else if (ctext_ident_start(c) && !(te - i >= 2 && (s[te - 1] == '"' || s[te - 1] == '\''))) {
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
        } else if (ctext_ident_start(c) || ctext_is_digit(c) || c == '"' || c == '\'' ||
                   (c == '.' && te - i > 1 && ctext_is_digit(s[i + 1]))) {
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
                bool right = o->prec == 2;     /* = and op=; a comma is left-associative */
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

static bool is_operator_node(lowering *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(fe_strip_implicit(l, c));
    return k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator ||
           k == CXCursor_ConditionalOperator;
}

/* Whether text [b, e) can be the expression x (see above). */
static bool text_fits(lowering *l, const fe_file *f, uint32_t b, uint32_t e, CXCursor x)
{
    if (e <= b)
        return false;
    tscan t = text_scan(f, b, e);
    if (!t.ok)
        return false;
    if (t.atomic)
        return !is_operator_node(l, x);
    if (t.root) {
        enum CXCursorKind k = clang_getCursorKind(fe_strip_implicit(l, x));
        return k == CXCursor_BinaryOperator || k == CXCursor_CompoundAssignOperator;
    }
    if (t.cond)
        return clang_getCursorKind(fe_strip_implicit(l, x)) == CXCursor_ConditionalOperator;
    return true;
}

void fe_set_hint(lowering *l, CXCursor x, fe_file *f, uint32_t b, uint32_t e)
{
    text_trim(f, &b, &e);
    if (e <= b)
        return;
    l->hint_pending = true;
    l->hint_node = x;
    l->hint_text.f = f;
    l->hint_text.b = b;
    l->hint_text.e = e;
}

/* ---- the #define index (last resort) --------------------------------------- */

static void scan_defines(lowering *l, fe_file *f)
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
                while (j < n && ctext_ident_char(s[j]))
                    j++;
                size_t ne = j;
                bool fl = j < n && s[j] == '(';
                size_t pb = j + 1, pe = j + 1;
                if (fl) {
                    while (j < n && s[j] != ')' && s[j] != '\n')
                        j++;
                    pe = j;
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
                    if (fe_umap_get(&l->macros, key, &v)) {
                        mdef *d = &l->mdefs.items[v - 1];
                        if (d->f != f || d->b != bb)
                            d->ambiguous = true;
                    } else {
                        mdef d = {f, (uint32_t)bb, (uint32_t)j, (uint32_t)pb, (uint32_t)pe,
                                  fl, false};
                        SC_PUSH(l->mdefs, d);
                        fe_umap_put(&l->macros, key, (uint32_t)l->mdefs.len);
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
    lowering *l = d;
    fe_file *f = fe_file_get(l, file);
    if (f && f->buf)
        scan_defines(l, f);
}

/* The definition of the macro named by the n bytes at s (its first one
 * if it is defined twice), or NULL. */
static const mdef *macro_any(lowering *l, const char *s, size_t n)
{
    if (!l->macros_built) {
        l->macros_built = true;
        l->mnames.arena = &l->marena;
        clang_getInclusions(l->tu, incl_cb, l);
    }
    if (n == 0)
        return NULL;
    const char *name = sc_intern(&l->mnames, s, n);
    uint32_t v;
    if (!fe_umap_get(&l->macros, (uint64_t)(uintptr_t)name, &v))
        return NULL;
    return &l->mdefs.items[v - 1];
}

/* The definition of the macro named by the n bytes at s, if it is unique. */
static const mdef *macro_named(lowering *l, const char *s, size_t n)
{
    const mdef *d = macro_any(l, s, n);
    return d && !d->ambiguous ? d : NULL;
}

bool fe_is_macro_name(lowering *l, const char *s, size_t n)
{
    const mdef *d = macro_any(l, s, n);
    if (!d)
        return false;
    /* `#define stderr stderr` (glibc) expands to the word itself */
    uint32_t b = d->b, e = d->e;
    text_trim(d->f, &b, &e);
    return d->ambiguous || d->funclike || e - b != n || memcmp(d->f->buf + b, s, n) != 0;
}

/* The definition of the macro invoked at `off` in f, if it is unique. */
static const mdef *macro_at(lowering *l, fe_file *f, uint32_t off)
{
    size_t e = off;
    while (e < f->size && ctext_ident_char(f->buf[e]))
        e++;
    return macro_named(l, f->buf + off, e - off);
}

/* The k-th comma-separated piece of the group [b, e) (without its
 * parentheses): *pb, *pe, trimmed.  False when there are fewer. */
static bool nth_piece(const char *s, uint32_t b, uint32_t e, unsigned k, uint32_t *pb,
                      uint32_t *pe)
{
    int depth = 0;
    uint32_t start = b;
    unsigned at = 0;
    for (uint32_t i = b; i <= e; i++) {
        char c = i < e ? s[i] : ',';
        if (i < e && (c == '"' || c == '\'')) {
            i = (uint32_t)ctext_quoted_end(s, e, i) - 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if (c == ')' || c == ']' || c == '}')
            depth--;
        else if (c == ',' && depth == 0) {
            if (at++ == k) {
                *pb = (uint32_t)ctext_skip_blank(s, i, start);
                *pe = (uint32_t)ctext_skip_blank_back(s, i);
                if (*pe < *pb)
                    *pe = *pb;
                return true;
            }
            start = i + 1;
        }
    }
    return false;
}

/* Whether [b, e) is one identifier. */
static bool one_ident(const char *s, uint32_t b, uint32_t e)
{
    if (b >= e || !ctext_ident_start(s[b]))
        return false;
    uint32_t i = b;
    while (i < e && ctext_ident_char(s[i]))
        i++;
    return i == e;
}

/* A body that is one invocation of another function-like macro, `M(...)`
 * (a wrapper), or of the macro a parameter names (`m(x)` in `#define
 * APPLY(m, x) m(x)`, called as APPLY(DOUBLE, n): the argument text in
 * the file, at the outermost invocation [ab, ae), names it): that
 * macro's definition, else NULL.  Its body's text stands for the node as
 * well as the wrapper's did: only the parameters' texts differ, and they
 * are checked against the node's operands as before (text_fits). */
static const mdef *forwarded(lowering *l, const mdef *d, uint32_t b, uint32_t e,
                             const fe_file *af, uint32_t ab, uint32_t ae)
{
    const char *s = d->f->buf;
    uint32_t i = b;
    if (!ctext_ident_start(s[i]))
        return NULL;
    while (i < e && ctext_ident_char(s[i]))
        i++;
    uint32_t j = (uint32_t)ctext_skip_blank(s, e, i);
    if (j >= e || s[j] != '(' || ctext_group_end(s, e, j) != e)
        return NULL;
    if (d->funclike) {
        /* a parameter's name?  (followed only at the outermost level,
         * whose arguments are the file's text) */
        for (unsigned k = 0;; k++) {
            uint32_t qb, qe;
            if (!nth_piece(s, d->pb, d->pe, k, &qb, &qe))
                break;
            if (qe - qb == i - b && memcmp(s + qb, s + b, i - b) == 0) {
                uint32_t xb, xe;
                if (!af || !nth_piece(af->buf, ab, ae, k, &xb, &xe) || !one_ident(af->buf, xb, xe))
                    return NULL;
                const mdef *m = macro_named(l, af->buf + xb, xe - xb);
                return m && m->funclike ? m : NULL;
            }
        }
    }
    const mdef *m = macro_named(l, s + b, i - b);
    return m && m->funclike && m != d ? m : NULL;
}

/* The operator of a binary operator node from the tokens around its
 * operands: between them in the file (exact outside macros), else next to
 * them where they are spelled.  NULL when neither tells. */
static const opinfo *binop_gap(lowering *l, const ir_expr *le, const ir_expr *re, bool compound)
{
    if (le->loc.file && le->loc.file == re->loc.file && le->loc.end_offset <= re->loc.offset) {
        fe_file *f = fe_file_by_index(l, le->loc.file);
        if (f && f->buf && re->loc.offset <= f->size) {
            size_t i = ctext_skip_blank(f->buf, re->loc.offset, le->loc.end_offset);
            if (i < re->loc.offset) {
                size_t e = ctext_token_end(f->buf, re->loc.offset, i);
                const opinfo *o = op_lookup(f->buf + i, e - i);
                if (op_fits(o, compound) && ctext_skip_blank(f->buf, re->loc.offset, e) == re->loc.offset)
                    return o;
            }
        }
    }
    return NULL;
}

static const opinfo *binop_near(lowering *l, CXCursor lc, CXCursor rc,
                                const ir_expr *le, const ir_expr *re, bool compound)
{
    /* 1. in the file, between the operands */
    const opinfo *g = binop_gap(l, le, re, compound);
    if (g)
        return g;
    /* 2. next to the operands where they are spelled */
    const opinfo *back = NULL, *fwd = NULL;
    unsigned rb, reo;
    fe_file *rf = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(rc)), &rb, &reo);
    if (rf) {
        size_t p = ctext_skip_blank_back(rf->buf, rb);
        size_t s;
        const opinfo *o = op_ending_at(rf->buf, p, &s);
        if (op_fits(o, compound) && (o->kind != OPK_COMMA || comma_is_operator(rf->buf, s)))
            back = o;
    }
    unsigned le_end;
    fe_file *lf = spelled_end(l, lc, &le_end, 0);
    if (lf) {
        size_t i = ctext_skip_blank(lf->buf, lf->size, le_end);
        if (i < lf->size) {
            size_t e = ctext_token_end(lf->buf, lf->size, i);
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
static const opinfo *binop_printed(lowering *l, CXCursor c, bool compound)
{
    if (!l->have_vd)
        return NULL;
    CXCursor init = clang_Cursor_getVarDeclInitializer(l->vd);
    if (clang_Cursor_isNull(init) || !clang_equalCursors(fe_strip(l, init), c))
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
                i = ctext_quoted_end(s, n, i);
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

/* The hint [b, e) of d's body with `parens` enclosing parentheses taken
 * off (those of the node's ParenExprs, which the body spells): false
 * when they are not there, or nothing is left. */
static bool body_inside_parens(const mdef *d, uint32_t b, uint32_t e, int parens, hint *out)
{
    for (int k = 0; k < parens; k++) {
        if (e <= b || d->f->buf[b] != '(' || ctext_group_end(d->f->buf, e, b) != e)
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

/* When node c is exactly one macro invocation (not part of a larger node
 * from the same invocation), the text of that macro's body, with the
 * parentheses of enclosing ParenExprs from the same invocation removed. */
static bool macro_body_hint(lowering *l, CXCursor c, const ir_loc *loc, hint *out)
{
    if (!loc->file || !fe_loc_is_macro(l, clang_getRangeStart(clang_getCursorExtent(c)), true))
        return false;
    fe_file *f = fe_file_by_index(l, loc->file);
    if (!f || !f->buf)
        return false;
    uint32_t last;
    if (fe_invocation_end(l, f, loc->offset, &last) != loc->end_offset)
        return false;
    /* the nearest enclosing expressions: same range means not the root */
    int parens = 0;
    size_t i = l->exprs.len;           /* exprs.items[exprs.len-1] is c itself */
    if (i > 0)
        i--;
    bool root = false;
    while (i > 0) {
        expr_frame x = l->exprs.items[--i];
        if (x.transparent)
            continue;
        ir_loc pl = x.have_loc ? x.loc : fe_cursor_loc(l, x.c);
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
    while (nb < f->size && ctext_ident_char(f->buf[nb]))
        nb++;
    bool call = ctext_skip_blank(f->buf, f->size, nb) < loc->end_offset;
    if (d->funclike != call)
        return false;
    uint32_t b = d->b, e = d->e;
    text_trim(d->f, &b, &e);
    if (call) {
        /* through wrappers, to the macro whose body spells the node */
        size_t ao = ctext_skip_blank(f->buf, f->size, nb);
        const fe_file *af = f;
        for (int hop = 0; hop < 4 && e > b; hop++) {
            const mdef *m = forwarded(l, d, b, e, af, (uint32_t)ao + 1, loc->end_offset - 1);
            if (!m)
                break;
            af = NULL;              /* later hops: parameters are not followed */
            d = m;
            b = d->b;
            e = d->e;
            text_trim(d->f, &b, &e);
        }
    }
    return body_inside_parens(d, b, e, parens, out);
}

/* The root operator of hint text h, when it fits node c with operands lc and
 * rc; *lt and *rt are the operands' texts. */
const opinfo *fe_hint_binop(lowering *l, const hint *h, CXCursor lc, CXCursor rc, bool compound,
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

/* A postfix ++ or -- at the end of hint text h whose operand fits ch. */
const char *fe_hint_postfix(lowering *l, const hint *h, CXCursor ch, hint *rest)
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

/* A prefix operator (- + ! ~ ++ --) at the start of hint text h whose
 * operand, the rest of the text, fits ch. */
const char *fe_hint_prefix(lowering *l, const hint *h, CXCursor ch, hint *rest)
{
    static const char *const prefix_ops[] = {"++", "--", "-", "+", "!", "~"};
    size_t i = ctext_skip_blank(h->f->buf, h->e, h->b);
    if (i >= h->e)
        return NULL;
    size_t e = ctext_token_end(h->f->buf, h->e, i);
    for (size_t k = 0; k < sizeof prefix_ops / sizeof *prefix_ops; k++)
        if (strlen(prefix_ops[k]) == e - i && memcmp(h->f->buf + i, prefix_ops[k], e - i) == 0) {
            rest->f = h->f;
            rest->b = (uint32_t)e;
            rest->e = h->e;
            text_trim(h->f, &rest->b, &rest->e);
            return text_fits(l, h->f, rest->b, rest->e, ch) ? prefix_ops[k] : NULL;
        }
    return NULL;
}

/* Which of a for statement's init, condition and increment are written,
 * and their text: from its header where the `for` keyword is spelled. */
fe_file *fe_for_parts(lowering *l, CXCursor c, bool present[3], uint32_t pb[3], uint32_t pe[3])
{
    unsigned b, e;
    fe_file *f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
    if (!f || e - b != 3 || memcmp(f->buf + b, "for", 3) != 0)
        return NULL;
    const char *s = f->buf;
    size_t n = f->size;
    size_t i = ctext_skip_blank(s, n, e);
    if (i >= n || s[i] != '(')
        return NULL;
    i++;
    int depth = 0, part = 0;
    present[0] = present[1] = present[2] = false;
    pb[0] = (uint32_t)i;
    while (i < n) {
        i = ctext_skip_blank(s, n, i);
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
        i = ctext_token_end(s, n, i);
    }
    return NULL;
}

/* The text of the condition of `KW (COND)` where the statement's keyword is
 * spelled, for a statement written in a macro body. */
fe_file *fe_keyword_cond(lowering *l, CXCursor c, const char *kw, uint32_t *cb, uint32_t *ce)
{
    CXSourceLocation st = clang_getRangeStart(clang_getCursorExtent(c));
    if (!fe_loc_is_macro(l, st, true))
        return NULL;
    unsigned b, e;
    fe_file *f = fe_spelled(l, st, &b, &e);
    size_t kl = strlen(kw);
    if (!f || e - b != kl || memcmp(f->buf + b, kw, kl) != 0)
        return NULL;
    size_t i = ctext_skip_blank(f->buf, f->size, e);
    if (strcmp(kw, "return") == 0) {
        /* to the ';' or the end of the #define */
        size_t j = i;
        int depth = 0;
        while (j < f->size) {
            char ch = f->buf[j];
            if (ch == '\n' && (j == 0 || f->buf[j - 1] != '\\'))
                break;
            if (ch == '"' || ch == '\'') {
                j = ctext_quoted_end(f->buf, f->size, j);
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
    size_t g = ctext_group_end(f->buf, f->size, i);
    if (!g)
        return NULL;
    *cb = (uint32_t)(i + 1);
    *ce = (uint32_t)(g - 1);
    return f;
}

/* ---- which operator ----------------------------------------------------------- */

/* libclang 17's CXBinaryOperatorKind and CXUnaryOperatorKind (clang-c/Index.h;
 * clang's OperationKinds.def order after an Invalid 0), which the headers of
 * older versions we build with do not have. */
enum {
    BO_MUL = 3, BO_DIV, BO_REM, BO_ADD, BO_SUB, BO_SHL, BO_SHR, BO_CMP, BO_LT, BO_GT,
    BO_LE, BO_GE, BO_EQ, BO_NE, BO_AND, BO_XOR, BO_OR, BO_LAND, BO_LOR, BO_ASSIGN,
    BO_MUL_ASSIGN, BO_DIV_ASSIGN, BO_REM_ASSIGN, BO_ADD_ASSIGN, BO_SUB_ASSIGN,
    BO_SHL_ASSIGN, BO_SHR_ASSIGN, BO_AND_ASSIGN, BO_XOR_ASSIGN, BO_OR_ASSIGN, BO_COMMA
};
enum {
    UO_POST_INC = 1, UO_POST_DEC, UO_PRE_INC, UO_PRE_DEC, UO_ADDR_OF, UO_DEREF, UO_PLUS,
    UO_MINUS, UO_NOT, UO_LNOT, UO_REAL, UO_IMAG, UO_EXTENSION
};

bool fe_operator_api(void)
{
    return sc_clang_binop_kind && sc_clang_unop_kind;
}

/* The spelling of libclang's binary operator kind, as in ops[]. */
static const opinfo *binop_api(CXCursor c, bool compound)
{
    static const char *const spelling[] = {
        [BO_MUL] = "*", [BO_DIV] = "/", [BO_REM] = "%", [BO_ADD] = "+", [BO_SUB] = "-",
        [BO_SHL] = "<<", [BO_SHR] = ">>", [BO_LT] = "<", [BO_GT] = ">", [BO_LE] = "<=",
        [BO_GE] = ">=", [BO_EQ] = "==", [BO_NE] = "!=", [BO_AND] = "&", [BO_XOR] = "^",
        [BO_OR] = "|", [BO_LAND] = "&&", [BO_LOR] = "||", [BO_ASSIGN] = "=",
        [BO_MUL_ASSIGN] = "*=", [BO_DIV_ASSIGN] = "/=", [BO_REM_ASSIGN] = "%=",
        [BO_ADD_ASSIGN] = "+=", [BO_SUB_ASSIGN] = "-=", [BO_SHL_ASSIGN] = "<<=",
        [BO_SHR_ASSIGN] = ">>=", [BO_AND_ASSIGN] = "&=", [BO_XOR_ASSIGN] = "^=",
        [BO_OR_ASSIGN] = "|=", [BO_COMMA] = ","};
    unsigned k = sc_clang_binop_kind(c);
    if (k >= sizeof spelling / sizeof *spelling || !spelling[k])
        return NULL;                /* Invalid, C++'s .* ->* <=> */
    const opinfo *o = op_lookup(spelling[k], strlen(spelling[k]));
    return op_fits(o, compound) ? o : NULL;
}

/* An operand lowered to IR_UNKNOWN for an operator nobody could read,
 * made of nothing but operators, names and literals: lowering it again
 * with a hint adds no declaration and calls nothing twice. */
static bool relowerable_kid(const ir_expr *x, int *budget)
{
    if (--*budget < 0)
        return false;
    switch (x->kind) {
    case IR_SYM: case IR_INT: case IR_UNKNOWN: case IR_BINOP: case IR_ASSIGN:
    case IR_UNOP: case IR_INCDEC: case IR_CAST: case IR_MEMBER: case IR_INDEX:
    case IR_DEREF: case IR_ADDR: case IR_COMMA: case IR_COND:
        break;
    default:
        return false;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        if (x->kids[i] && !relowerable_kid(x->kids[i], budget))
            return false;
    return true;
}

static bool relowerable(const ir_expr *x, int budget)
{
    return x->kind == IR_UNKNOWN && relowerable_kid(x, &budget);
}

/* A node that is the whole expansion of an object-like macro written as
 * one word elsewhere (`#define W (4 << t)` in VS_SHAPE(W)): every token
 * of it has the file location of that word, and clang_getToken cannot
 * lex where they are spelled when the next token of the expansion is in
 * another file (VS_SHAPE's body in varscope.h).  W's body is the text
 * hint then, with the parentheses of the node's ParenExprs from W
 * removed; a larger expression from the same word (`W * 2`) is not
 * read. */
static bool object_macro_hint(lowering *l, CXCursor c, CXCursor rc, hint *out)
{
    CXFile f1 = NULL, f2 = NULL;
    unsigned o1 = 0, o2 = 0;
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(c)), &f1, NULL, NULL, &o1);
    clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(rc)), &f2, NULL, NULL, &o2);
    if (!f1 || f1 != f2 || o1 != o2)
        return false;
    fe_file *f = fe_file_get(l, f1);
    if (!f || !f->buf || o1 >= f->size || !ctext_ident_start(f->buf[o1]))
        return false;
    const mdef *d = macro_at(l, f, o1);
    if (!d || d->funclike)
        return false;
    /* the node is the root of the word's expansion: the nearest enclosing
     * expressions starting at the same word are its parentheses */
    int parens = 0;
    size_t i = l->exprs.len > 0 ? l->exprs.len - 1 : 0;   /* [len-1] is c */
    while (i > 0) {
        expr_frame x = l->exprs.items[--i];
        if (x.transparent)
            continue;
        CXFile pf = NULL;
        unsigned po = 0;
        clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(x.c)), &pf, NULL, NULL,
                              &po);
        if (pf != f1 || po != o1)
            break;
        if (clang_getCursorKind(x.c) != CXCursor_ParenExpr)
            return false;
        parens++;
    }
    uint32_t b = d->b, e = d->e;
    text_trim(d->f, &b, &e);
    return body_inside_parens(d, b, e, parens, out);
}

static const opinfo *binop_text(lowering *l, CXCursor c, CXCursor lc, CXCursor rc,
                                const ir_expr *le, const ir_expr *re, bool compound,
                                const opinfo *hinted, hint *mlt, hint *mrt)
{
    mlt->f = mrt->f = NULL;
    if (fe_operator_api())
        return binop_api(c, compound);
    const opinfo *o = hinted ? binop_gap(l, le, re, compound) : NULL;
    if (!o)
        o = hinted;
    if (!o)
        o = binop_near(l, lc, rc, le, re, compound);
    if (!o)
        o = binop_printed(l, c, compound);
    if (!o) {
        const expr_frame *top = &l->exprs.items[l->exprs.len - 1];
        ir_loc loc = top->have_loc ? top->loc : fe_cursor_loc(l, c);
        hint mh;
        if (macro_body_hint(l, c, &loc, &mh) || object_macro_hint(l, c, rc, &mh)) {
            o = fe_hint_binop(l, &mh, lc, rc, compound, mlt, mrt);
            if (!o)
                mlt->f = mrt->f = NULL;
        }
    }
    return o;
}

const opinfo *fe_binop_of(lowering *l, CXCursor c, CXCursor lc, CXCursor rc,
                          const ir_expr *le, const ir_expr *re, bool compound,
                          const opinfo *hinted)
{
    const opinfo *o = binop_text(l, c, lc, rc, le, re, compound, hinted, &l->mhint[0],
                                 &l->mhint[1]);
    l->mhint_set = o && l->mhint[0].f;
    return o;
}

/* The operator came from a macro body (`#define DOUBLE(v) v = v + v`,
 * whose operands are all in the argument): an operand whose own operator
 * nothing else told is lowered again with its text there.  (Not in
 * binary(), whose frame must stay small.) */
void fe_relower_kids(lowering *l, ir_expr *e, CXCursor lc, CXCursor rc)
{
    hint h[2] = {l->mhint[0], l->mhint[1]};
    l->mhint_set = false;
    assert(e->nkids == 2);
    for (int i = 0; i < 2; i++)
        if (relowerable(e->kids[i], 64)) {
            bool s = false;
            fe_set_hint(l, i ? rc : lc, h[i].f, h[i].b, h[i].e);
            e->kids[i] = fe_lower_subexpr(l, i ? rc : lc, &s);
        }
}

static unop_kind unop_api(CXCursor c)
{
    switch (sc_clang_unop_kind(c)) {
    case UO_POST_INC: return UOP_POSTINC;
    case UO_POST_DEC: return UOP_POSTDEC;
    case UO_PRE_INC: return UOP_PREINC;
    case UO_PRE_DEC: return UOP_PREDEC;
    case UO_ADDR_OF: return UOP_ADDR;
    case UO_DEREF: return UOP_DEREF;
    case UO_PLUS: return UOP_PLUS;
    case UO_MINUS: return UOP_MINUS;
    case UO_NOT: return UOP_NOT;
    case UO_LNOT: return UOP_LNOT;
    case UO_EXTENSION: return UOP_EXTENSION;
    default: return UOP_NONE;   /* __real__, __imag__, C++'s co_await */
    }
}

/* The text of a unary operator: the first token of a prefix one, the token
 * after the operand of a postfix one, in the file or where spelled. */
static void unop_text(lowering *l, CXCursor c, CXCursor ch, const ir_expr *k, bool postfix,
                      const char *hpost, char op[16])
{
    const expr_frame *top = &l->exprs.items[l->exprs.len - 1];
    ir_loc ul = top->have_loc ? top->loc : fe_cursor_loc(l, c);
    fe_file *f = fe_file_by_index(l, ul.file);
    op[0] = '\0';
    if (!postfix) {
        if (f && f->buf && k->loc.file == ul.file && ul.offset < k->loc.offset) {
            size_t e = ctext_token_end(f->buf, f->size, ul.offset);
            if (e - ul.offset < 16 && ctext_skip_blank(f->buf, k->loc.offset, e) == k->loc.offset) {
                memcpy(op, f->buf + ul.offset, e - ul.offset);
                op[e - ul.offset] = '\0';
            }
        }
        if (!op[0]) {
            unsigned b, e;
            fe_file *sf = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &b, &e);
            if (sf && e - b < 16) {
                memcpy(op, sf->buf + b, e - b);
                op[e - b] = '\0';
            }
        }
        return;
    }
    if (f && f->buf && k->loc.file == ul.file && k->loc.end_offset < ul.end_offset) {
        size_t i = ctext_skip_blank(f->buf, ul.end_offset, k->loc.end_offset);
        if (ul.end_offset - i == 2)
            memcpy(op, f->buf + i, 2), op[2] = '\0';
    }
    if (!op[0]) {
        unsigned ce;
        fe_file *sf = spelled_end(l, ch, &ce, 0);
        if (sf) {
            size_t i = ctext_skip_blank(sf->buf, sf->size, ce);
            if (i + 2 <= sf->size)
                memcpy(op, sf->buf + i, 2), op[2] = '\0';
        }
    }
    if (strcmp(op, "++") != 0 && strcmp(op, "--") != 0 && hpost)
        memcpy(op, hpost, 3);
    if (strcmp(op, "++") != 0 && strcmp(op, "--") != 0) {
        hint mh, rest;
        const char *p;
        if (macro_body_hint(l, c, &ul, &mh) && (p = fe_hint_postfix(l, &mh, ch, &rest)))
            memcpy(op, p, 3);
    }
}

unop_kind fe_unop_of(lowering *l, CXCursor c, CXCursor ch, const ir_expr *k,
                     const char *hpost)
{
    if (fe_operator_api())
        return unop_api(c);
    /* & and * by the types: &x is a pointer to x's type, *p has p's
     * pointee type */
    CXType tu = clang_getCursorType(c), tc = clang_getCursorType(ch);
    CXType cu = clang_getCanonicalType(tu), cc = clang_getCanonicalType(tc);
    if (cu.kind == CXType_Pointer && fe_type_eq(clang_getPointeeType(cu), tc))
        return UOP_ADDR;
    if (cc.kind == CXType_Pointer && fe_type_eq(clang_getPointeeType(cc), tu))
        return UOP_DEREF;
    bool postfix = clang_equalLocations(clang_getRangeStart(clang_getCursorExtent(c)),
                                        clang_getRangeStart(clang_getCursorExtent(ch))) != 0;
    char op[16];
    unop_text(l, c, ch, k, postfix, postfix ? hpost : NULL, op);
    if (!postfix && hpost && !(op[0] && strchr("-+!~", op[0]) &&
                               (!op[1] || (op[1] == op[0] && !op[2]))))
        memcpy(op, hpost, strlen(hpost) + 1);   /* the text hint's, as a last resort */
    bool inc = strcmp(op, "++") == 0, dec = strcmp(op, "--") == 0;
    if (postfix)
        return inc ? UOP_POSTINC : dec ? UOP_POSTDEC : UOP_NONE;
    if (inc || dec)
        return inc ? UOP_PREINC : UOP_PREDEC;
    if (op[0] && !op[1]) {
        switch (op[0]) {
        case '-': return UOP_MINUS;
        case '+': return UOP_PLUS;
        case '!': return UOP_LNOT;
        case '~': return UOP_NOT;
        default: break;
        }
    }
    return strcmp(op, "__extension__") == 0 ? UOP_EXTENSION : UOP_NONE;
}

/* ---- operators nobody can read ----------------------------------------------- */

/* A place a binary operator's left operand names, which `=` (or any
 * compound operator) would write: a variable, a field, an element, what
 * a pointer points to; not an array or a function, which C does not
 * assign. */
bool fe_may_be_assigned(const ir_expr *le)
{
    if (le->type.kind == IR_T_ARRAY || le->type.kind == IR_T_FUNC)
        return false;
    return le->kind == IR_SYM || le->kind == IR_MEMBER || le->kind == IR_INDEX ||
           le->kind == IR_DEREF;
}

/* A binary operator whose operator no source text tells, with a place on
 * its left: it may be an assignment (`=` is a binary operator, and a
 * compound node is one for sure), so the place is written with a value
 * nobody knows, computed from the right operand (IR_UNKNOWN with it as
 * its kid: a lost value, not an input's choice), and the whole has no
 * known value.  Dropping the write would keep the place's old value on a
 * path where a run has changed it (`STEP(k)` for `#define STEP(n) n = n *
 * 2 + 1`). */
ir_expr *fe_unknown_assignment(lowering *l, CXCursor c, ir_expr *le, ir_expr *re)
{
    ir_expr *val = fe_expr_new(l, IR_UNKNOWN, c);
    fe_set_kids(l, val, &re, 1);
    ir_expr *a = fe_expr_new(l, IR_ASSIGN, c);
    a->op = 0;                          /* plain `=` (ops[]) */
    ir_expr *k[2] = {le, val};
    fe_set_kids(l, a, k, 2);
    ir_expr *e = fe_expr_new(l, IR_UNKNOWN, c);
    fe_set_kids(l, e, &a, 1);
    return e;
}

/* A unary operator whose operator no source text tells (its operand a
 * pasted token, `v##_i++` in a macro body, read nowhere), on a place: it
 * may be ++ or --, so the place is written with a lost value (an
 * IR_UNKNOWN computed from an unknown, as above), and the whole has no
 * known value.  Dropping the write would leave a loop counter unchanged
 * and its loop running forever on paths no run takes. */
ir_expr *fe_unknown_incdec(lowering *l, CXCursor c, ir_expr *place)
{
    return fe_unknown_assignment(l, c, place, fe_expr_new(l, IR_UNKNOWN, c));
}
