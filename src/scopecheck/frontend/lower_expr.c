/* Expressions. */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>


ir_expr *fe_expr_new(lowering *l, ir_ekind k, CXCursor c)
{
    ir_expr *e = sc_alloc(l->A, sizeof *e);
    e->kind = k;
    expr_frame *top = l->exprs.len ? &l->exprs.items[l->exprs.len - 1] : NULL;
    if (top && top->have_loc && clang_equalCursors(top->c, c))
        e->loc = top->loc;
    else
        e->loc = fe_cursor_loc(l, c);
    e->type = fe_lower_type(l, clang_getCursorType(c));
    return e;
}

void fe_set_kids(lowering *l, ir_expr *e, ir_expr **kids, uint32_t n)
{
    e->nkids = n;
    if (n) {
        e->kids = sc_alloc(l->A, n * sizeof *e->kids);
        memcpy(e->kids, kids, n * sizeof *kids);
    }
}

static void kids1(lowering *l, ir_expr *e, ir_expr *a)
{
    fe_set_kids(l, e, &a, 1);
}

static void kids2(lowering *l, ir_expr *e, ir_expr *a, ir_expr *b)
{
    ir_expr *k[2] = {a, b};
    fe_set_kids(l, e, k, 2);
}

/* clang's integer value of a constant expression, when it has one. */
bool fe_eval_int(CXCursor c, int64_t *out)
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
static ir_expr *fold(lowering *l, CXCursor c)
{
    CXType t = fe_unatomic(clang_getCanonicalType(clang_getCursorType(c)));
    if (fe_tkind_of(t) != IR_T_INT)
        return NULL;
    int64_t v;
    if (!fe_eval_int(c, &v))
        return NULL;
    ir_expr *e = fe_expr_new(l, IR_INT, c);
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
void fe_collect_effects(lowering *l, CXCursor c)
{
    size_t wbase = l->ws.len;
    size_t base = fe_children(l, c);
    for (size_t i = l->cs.len; i > base; i--)
        SC_PUSH(l->ws, l->cs.items[i - 1]);
    l->cs.len = base;
    while (l->ws.len > wbase) {
        CXCursor x = l->ws.items[--l->ws.len];
        enum CXCursorKind k = clang_getCursorKind(x);
        if (clang_isExpression(k)) {
            if (k == CXCursor_UnaryExpr)
                continue;           /* not evaluated */
            bool se = false;
            ir_expr *e = fe_lower_subexpr(l, x, &se);
            if (se)
                SC_PUSH(l->es, e);
        } else if (clang_isStatement(k) || clang_isDeclaration(k)) {
            size_t b2 = fe_children(l, x);
            for (size_t i = l->cs.len; i > b2; i--)
                SC_PUSH(l->ws, l->cs.items[i - 1]);
            l->cs.len = b2;
        }
    }
}

static ir_expr *unknown_expr(lowering *l, CXCursor c, bool *se)
{
    ir_expr *e = fe_expr_new(l, IR_UNKNOWN, c);
    size_t ebase = l->es.len;
    fe_collect_effects(l, c);
    if (l->es.len > ebase)
        fe_set_kids(l, e, l->es.items + ebase, (uint32_t)(l->es.len - ebase));
    l->es.len = ebase;
    if (e->nkids)
        *se = true;
    return e;
}

/* A GNU statement expression `({ s1; ...; e; })` whose statements are
 * all expressions is the comma expression s1, ..., e: its value is the
 * last one's (GCC manual, "Statements and Declarations in Expressions").
 * One with declarations or control flow stays unknown, its calls kept. */
static ir_expr *statement_expr(lowering *l, CXCursor c, bool *se)
{
    size_t base = fe_children(l, c);
    bool ok = l->cs.len == base + 1 &&
              clang_getCursorKind(l->cs.items[base]) == CXCursor_CompoundStmt;
    CXCursor body = ok ? l->cs.items[base] : c;
    l->cs.len = base;
    if (!ok)
        return unknown_expr(l, c, se);
    base = fe_children(l, body);
    size_t n = l->cs.len - base;
    for (size_t i = base; i < l->cs.len && ok; i++)
        ok = clang_isExpression(clang_getCursorKind(l->cs.items[i]));
    if (!ok || n == 0) {
        l->cs.len = base;
        return unknown_expr(l, c, se);
    }
    /* the lowering below uses the cursor stack */
    CXCursor *stmts = sc_xmalloc(n * sizeof *stmts);
    memcpy(stmts, l->cs.items + base, n * sizeof *stmts);
    l->cs.len = base;
    ir_expr *acc = NULL;
    for (size_t i = 0; i < n; i++) {
        bool s1 = false;
        ir_expr *x = fe_lower_subexpr(l, stmts[i], &s1);
        *se |= s1;
        if (acc) {
            ir_expr *cm = fe_expr_new(l, IR_COMMA, c);
            kids2(l, cm, acc, x);
            x = cm;
        }
        acc = x;
    }
    free(stmts);
    return acc;
}

/* An IR_UNKNOWN standing for c, with the given lowered operands' side
 * effects as kids. */
static ir_expr *unknown_of(lowering *l, CXCursor c, ir_expr **k, bool *kse, size_t n)
{
    ir_expr *e = fe_expr_new(l, IR_UNKNOWN, c);
    ir_expr *keep[3];
    uint32_t m = 0;
    for (size_t i = 0; i < n && m < 3; i++)
        if (kse[i])
            keep[m++] = k[i];
    fe_set_kids(l, e, keep, m);
    return e;
}

static bool is_null_const(const ir_expr *k)
{
    return k && ((k->kind == IR_INT && k->ival == 0) || k->kind == IR_NULL);
}

static ir_expr *make_null(lowering *l, CXCursor c)
{
    return fe_expr_new(l, IR_NULL, c);
}

/* Decodes a string literal as clang prints it ("a\n\351", L"..") into
 * bytes; wide literals' units are encoded as UTF-8. */
static ir_expr *string_lit(lowering *l, CXCursor c)
{
    ir_expr *e = fe_expr_new(l, IR_STR, c);
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

static ir_expr *decl_ref(lowering *l, CXCursor c)
{
    CXCursor d = clang_getCursorReferenced(c);
    enum CXCursorKind k = clang_getCursorKind(d);
    if (k == CXCursor_EnumConstantDecl) {
        ir_expr *e = fe_expr_new(l, IR_INT, c);
        e->ival = clang_getEnumConstantDeclValue(d);
        return e;
    }
    if (k == CXCursor_FunctionDecl) {
        ir_expr *e = fe_expr_new(l, IR_FUNCREF, c);
        e->str = fe_decl_name(l, d);
        return e;
    }
    if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
        uint32_t idx;
        ir_expr *e = fe_expr_new(l, IR_SYM, c);
        if (l->in_func && fe_cmap_get(&l->lmap, d, &idx)) {
            e->symscope = IR_LOCAL;
            e->sym = idx;
        } else if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(d) == 1) {
            e->symscope = IR_GLOBAL;
            e->sym = fe_global_for(l, d);
        } else if (l->in_func) {
            /* declared where we did not look (a statement expression) */
            e->symscope = IR_LOCAL;
            e->sym = fe_local_new(l, d, false);
        } else {
            e->kind = IR_UNKNOWN;
        }
        return e;
    }
    return fe_expr_new(l, IR_UNKNOWN, c);
}

static ir_expr *call_expr(lowering *l, CXCursor c, bool *se)
{
    *se = true;
    int nargs = clang_Cursor_getNumArguments(c);
    CXCursor callee_decl = clang_getCursorReferenced(c);
    if (nargs >= 0 && clang_getCursorKind(callee_decl) == CXCursor_FunctionDecl) {
        /* a direct call: the callee's name, then the arguments */
        ir_expr *e = fe_expr_new(l, IR_CALL, c);
        uint32_t n = (uint32_t)nargs + 1;
        ir_expr **k = sc_alloc(l->A, n * sizeof *k);
        k[0] = sc_alloc(l->A, sizeof *k[0]);
        k[0]->kind = IR_FUNCREF;
        k[0]->loc = l->inv_valid ? l->inv_loc : fe_token_loc(l, clang_getCursorLocation(c));
        k[0]->type.kind = IR_T_FUNC;
        k[0]->type.array_len = -1;
        k[0]->str = e->str = fe_decl_name(l, callee_decl);
        for (uint32_t i = 1; i < n; i++) {
            bool s2 = false;
            k[i] = fe_lower_subexpr(l, clang_Cursor_getArgument(c, i - 1), &s2);
        }
        e->kids = k;
        e->nkids = n;
        return e;
    }
    size_t base = fe_children(l, c);
    size_t n = l->cs.len - base;
    if (n == 0) {
        l->cs.len = base;
        return unknown_expr(l, c, se);
    }
    CXCursor callee = l->cs.items[base];
    CXCursor sc = fe_strip(l, callee);
    ir_expr *e = fe_expr_new(l, IR_CALL, c);
    ir_expr **k = sc_alloc(l->A, n * sizeof *k);
    bool dummy = false;
    if (clang_getCursorKind(sc) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(sc)) == CXCursor_FunctionDecl) {
        k[0] = fe_expr_new(l, IR_FUNCREF, sc);
        k[0]->str = fe_decl_name(l, clang_getCursorReferenced(sc));
        e->str = k[0]->str;
    } else {
        k[0] = fe_lower_subexpr(l, callee, &dummy);
        if (k[0]->kind == IR_FUNCREF)
            e->str = k[0]->str;     /* through a _Generic selection */
    }
    for (size_t i = 1; i < n; i++) {
        bool s2 = false;
        k[i] = fe_lower_subexpr(l, l->cs.items[base + i], &s2);
    }
    l->cs.len = base;
    e->kids = k;
    e->nkids = (uint32_t)n;
    return e;
}

static ir_expr *binary(lowering *l, CXCursor c, bool *se, bool compound, const hint *h)
{
    size_t base = fe_children(l, c);
    if (l->cs.len - base != 2) {
        l->cs.len = base;
        return unknown_expr(l, c, se);
    }
    CXCursor lc = l->cs.items[base], rc = l->cs.items[base + 1];
    l->cs.len = base;
    /* text hints are needed only where the operator is read from the text */
    hint lt, rt;
    const opinfo *hop = h && !fe_operator_api() ? fe_hint_binop(l, h, lc, rc, compound, &lt, &rt)
                                                : NULL;
    bool ls = false, rs = false;
    if (hop)
        fe_set_hint(l, lc, lt.f, lt.b, lt.e);
    ir_expr *le = fe_lower_subexpr(l, lc, &ls);
    if (hop)
        fe_set_hint(l, rc, rt.f, rt.b, rt.e);
    ir_expr *re = fe_lower_subexpr(l, rc, &rs);
    *se = ls || rs;
    if (!compound && le->kind == IR_INT && re->kind == IR_INT) {
        ir_expr *f = fold(l, c);
        if (f)
            return f;
    }
    const opinfo *o = fe_binop_of(l, c, lc, rc, le, re, compound, hop);
    if (!o && fe_may_be_assigned(le)) {
        /* (in another file, as fe_union_store below) */
        *se = true;
        return fe_unknown_assignment(l, c, le, re);
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
        e = fe_expr_new(l, IR_ASSIGN, c);
        e->op = o->code;
        *se = true;
        break;
    case OPK_COMMA:
        e = fe_expr_new(l, IR_COMMA, c);
        break;
    default:
        e = fe_expr_new(l, IR_BINOP, c);
        e->op = o->code;
    }
    kids2(l, e, le, re);
    /* (in another file: binary() recurses as deep as an expression
     * nests, and its frame must stay small) */
    if (l->mhint_set)
        fe_relower_kids(l, e, lc, rc);
    if (e->kind == IR_ASSIGN && e->kids[0]->kind == IR_MEMBER)
        return fe_union_store(l, c, lc, le, e);
    return e;
}

static ir_expr *unary(lowering *l, CXCursor c, bool *se, const hint *h)
{
    bool ok;
    size_t n;
    CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
    if (!ok || n != 1)
        return unknown_expr(l, c, se);
    /* a hint: the operand's text */
    const char *hpost = NULL;
    if (h && !fe_operator_api()) {
        bool postfix = clang_equalLocations(clang_getRangeStart(clang_getCursorExtent(c)),
                                            clang_getRangeStart(clang_getCursorExtent(ch))) != 0;
        hint rest;
        if (postfix) {
            hpost = fe_hint_postfix(l, h, ch, &rest);
            if (hpost)
                fe_set_hint(l, ch, rest.f, rest.b, rest.e);
        } else {
            size_t i = ctext_skip_blank(h->f->buf, h->e, h->b);
            size_t e = i < h->e ? ctext_token_end(h->f->buf, h->e, i) : i;
            if (e > i && !ctext_ident_start(h->f->buf[i]))
                fe_set_hint(l, ch, h->f, (uint32_t)e, h->e);
            hpost = fe_hint_prefix(l, h, ch, &rest);
        }
    }
    bool ks = false;
    ir_expr *k = fe_lower_subexpr(l, ch, &ks);
    *se = ks;
    if (k->kind == IR_INT) {
        ir_expr *f = fold(l, c);
        if (f)
            return f;
    }
    ir_expr *e = NULL;
    unop_kind u = fe_unop_of(l, c, ch, k, hpost);
    switch (u) {
    case UOP_ADDR:
        e = fe_expr_new(l, IR_ADDR, c);
        break;
    case UOP_DEREF:
        e = fe_expr_new(l, IR_DEREF, c);
        break;
    case UOP_PREINC: case UOP_PREDEC: case UOP_POSTINC: case UOP_POSTDEC: {
        static const int incdec[] = {
            [UOP_PREINC] = IR_PREINC, [UOP_PREDEC] = IR_PREDEC,
            [UOP_POSTINC] = IR_POSTINC, [UOP_POSTDEC] = IR_POSTDEC};
        e = fe_expr_new(l, IR_INCDEC, c);
        e->op = incdec[u];
        *se = true;
        break;
    }
    case UOP_PLUS:
        e = fe_expr_new(l, IR_UNOP, c);
        e->op = '+';
        break;
    case UOP_MINUS:
        e = fe_expr_new(l, IR_UNOP, c);
        e->op = '-';
        break;
    case UOP_NOT:
        e = fe_expr_new(l, IR_UNOP, c);
        e->op = '~';
        break;
    case UOP_LNOT:
        e = fe_expr_new(l, IR_UNOP, c);
        e->op = '!';
        break;
    case UOP_EXTENSION:
        return k;
    case UOP_NONE:
        break;
    }
    if (!e && fe_may_be_assigned(k)) {
        *se = true;
        return fe_unknown_incdec(l, c, k);
    }
    if (!e) {
        bool s1[1] = {ks};
        return unknown_of(l, c, &k, s1, 1);
    }
    kids1(l, e, k);
    return e;
}

/* ---- _Generic ---------------------------------------------------------- */

/* Type text with its tokens joined by one blank ("const char*" and
 * "const char *" are the same name), at most cap - 1 bytes; false if
 * longer. */
static bool join_tokens(const char *s, size_t b, size_t e, char *out, size_t cap)
{
    ctext_lexer lx;
    ctext_tok t;
    size_t o = 0;
    ctext_lexer_init(&lx, s, e);
    lx.i = b;
    while (ctext_next(&lx, &t) != CT_END) {
        if (t.kind == CT_COMMENT)
            continue;
        size_t len = t.e - t.b;
        if (o + len + 2 > cap)
            return false;
        if (o)
            out[o++] = ' ';
        memcpy(out + o, s + t.b, len);
        o += len;
    }
    out[o] = '\0';
    return true;
}

/* A type name made of keywords and '*' only ("unsigned", "const char *",
 * "long int") in one spelling: in each group of words between '*'s,
 * "int" after short/long/unsigned/signed dropped, "signed" dropped except
 * before char, "unsigned" alone taken as "unsigned int", the words sorted.
 * False if a word is not such a keyword (a typedef or a tag: then two
 * different names may still be one type). */
static bool builtin_name(const char *name, char *out, size_t cap)
{
    static const char *const words[] = {
        "void", "char", "short", "int", "long", "float", "double", "signed", "unsigned",
        "_Bool", "const", "volatile", "restrict", "_Atomic", NULL};
    const char *w[16];
    size_t wl[16], nw = 0, o = 0;
    const char *p = name;
    for (;;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        bool star = q - p == 1 && *p == '*';
        if (star || q == p) {
            /* one group done: normalize and append */
            bool has_mod = false, has_char = false;
            for (size_t i = 0; i < nw; i++) {
                has_mod |= (wl[i] == 5 && (!memcmp(w[i], "short", 5))) ||
                           (wl[i] == 4 && !memcmp(w[i], "long", 4)) ||
                           (wl[i] == 8 && !memcmp(w[i], "unsigned", 8)) ||
                           (wl[i] == 6 && !memcmp(w[i], "signed", 6));
                has_char |= wl[i] == 4 && !memcmp(w[i], "char", 4);
            }
            const char *keep[17];
            size_t kl[17], nk = 0;
            for (size_t i = 0; i < nw; i++) {
                if (has_mod && wl[i] == 3 && !memcmp(w[i], "int", 3))
                    continue;
                if (!has_char && wl[i] == 6 && !memcmp(w[i], "signed", 6))
                    continue;
                keep[nk] = w[i];
                kl[nk++] = wl[i];
            }
            if (nk == 0 && nw > 0) {        /* "signed" alone is int */
                keep[nk] = "int";
                kl[nk++] = 3;
            }
            for (size_t i = 1; i < nk; i++)  /* sort the words */
                for (size_t j = i; j > 0; j--) {
                    size_t m = kl[j] < kl[j - 1] ? kl[j] : kl[j - 1];
                    int c = memcmp(keep[j], keep[j - 1], m);
                    if (c > 0 || (c == 0 && kl[j] >= kl[j - 1]))
                        break;
                    const char *t = keep[j]; keep[j] = keep[j - 1]; keep[j - 1] = t;
                    size_t tl = kl[j]; kl[j] = kl[j - 1]; kl[j - 1] = tl;
                }
            for (size_t i = 0; i < nk; i++) {
                if (o + kl[i] + 2 > cap)
                    return false;
                if (o)
                    out[o++] = ' ';
                memcpy(out + o, keep[i], kl[i]);
                o += kl[i];
            }
            nw = 0;
            if (star) {
                if (o + 3 > cap)
                    return false;
                if (o)
                    out[o++] = ' ';
                out[o++] = '*';
                p = q;
                continue;
            }
            break;
        }
        bool known = false;
        for (const char *const *k = words; *k && !known; k++)
            known = strlen(*k) == (size_t)(q - p) && !memcmp(*k, p, (size_t)(q - p));
        if (!known || nw == 16)
            return false;
        w[nw] = p;
        wl[nw++] = (size_t)(q - p);
        p = q;
    }
    out[o] = '\0';
    return true;
}

/* The type names of a generic selection's associations as written where
 * the _Generic keyword is spelled (the file, or a macro's body): names[i]
 * for association i, "" for default.  False when that text cannot be read
 * or does not split into n associations. */
static bool generic_type_names(lowering *l, CXCursor c, char names[][64], size_t n)
{
    unsigned kb, ke;
    fe_file *f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(c)), &kb, &ke);
    if (!f || !ctext_is(f->buf, kb, ke, "_Generic"))
        return false;
    const char *s = f->buf;
    ctext_lexer lx;
    ctext_tok t;
    ctext_lexer_init(&lx, s, f->size);
    lx.i = ke;
    if (ctext_next(&lx, &t) != CT_PUNCT || s[t.b] != '(')
        return false;
    /* ( ctrl , T : e , ... ) */
    int depth = 0;
    size_t part = 0, type_b = 0, k = 0;
    bool in_type = false;
    while (ctext_next(&lx, &t) != CT_END) {
        char ch = s[t.b];
        if (t.kind != CT_PUNCT)
            continue;
        if (strchr("([{", ch)) {
            depth++;
        } else if (strchr(")]}", ch)) {
            if (depth-- == 0)
                break;
        } else if (depth == 0 && ch == ',') {
            part++;
            in_type = true;
            type_b = t.e;
        } else if (depth == 0 && in_type && ch == ':') {
            in_type = false;
            if (part - 1 >= n || !join_tokens(s, type_b, t.b, names[part - 1], 64))
                return false;
            if (strcmp(names[part - 1], "default") == 0)
                names[part - 1][0] = '\0';
            k++;
        }
    }
    return k == n;
}

/* _Generic(ctrl, T1: e1, ..., default: d) is the one association whose type
 * is the controlling expression's (after lvalue conversion, which clang
 * has applied); only that one is evaluated, the controlling expression
 * never is (C11 6.5.1.1).  libclang does not say which one was chosen, so
 * it is found: the association whose expression has the selection's own
 * type, when one alone has it; else, among those, the one whose type name
 * as clang prints it is the controlling type's name.  When neither tells,
 * the selection is a call of an unknown function if an association could
 * have side effects, else an unknown value: never a guessed one. */
static ir_expr *generic_selection(lowering *l, CXCursor c, bool *se)
{
    enum { MAX_ASSOC = 32 };
    CXCursor assoc[MAX_ASSOC], ctrl = clang_getNullCursor();
    size_t n = 0;
    bool too_many = false;
    size_t base = fe_children(l, c);
    for (size_t i = base; i < l->cs.len; i++) {
        if (!fe_is_expr(l->cs.items[i]))
            continue;
        if (clang_Cursor_isNull(ctrl))
            ctrl = l->cs.items[i];
        else if (n < MAX_ASSOC)
            assoc[n++] = l->cs.items[i];
        else
            too_many = true;
    }
    l->cs.len = base;
    CXType t = clang_getCursorType(c);
    int pick = -1, candidates = 0;
    bool cand[MAX_ASSOC] = {false};
    for (size_t i = 0; i < n && !too_many; i++)
        if (fe_type_eq(clang_getCursorType(assoc[i]), t)) {
            cand[i] = true;
            pick = (int)i;
            candidates++;
        }
    if (candidates > 1) {
        char names[MAX_ASSOC][64];
        pick = -1;
        if (generic_type_names(l, c, names, n)) {
            CXType ct = clang_getCursorType(ctrl);
            CXString sp = clang_getTypeSpelling(ct);
            CXString cp = clang_getTypeSpelling(clang_getCanonicalType(ct));
            const char *s1 = clang_getCString(sp), *s2 = clang_getCString(cp);
            char sugar[64] = "", canon[64] = "";
            if (s1)
                join_tokens(s1, 0, strlen(s1), sugar, sizeof sugar);
            if (s2)
                join_tokens(s2, 0, strlen(s2), canon, sizeof canon);
            clang_disposeString(sp);
            clang_disposeString(cp);
            /* each typed association: it matches, it surely does not (a
             * keyword-only name that is not the controlling type's), or
             * it cannot be told */
            char cb[64];
            bool canon_builtin = builtin_name(canon, cb, sizeof cb);
            int matches = 0, untold = 0, dflt = -1;
            for (size_t i = 0; i < n; i++) {
                char nb[64];
                if (!names[i][0]) {
                    dflt = (int)i;
                } else if (strcmp(names[i], sugar) == 0 || strcmp(names[i], canon) == 0 ||
                           (canon_builtin && builtin_name(names[i], nb, sizeof nb) &&
                            strcmp(nb, cb) == 0)) {
                    pick = (int)i;
                    matches++;
                } else if (!builtin_name(names[i], nb, sizeof nb)) {
                    untold++;
                }
            }
            if (matches == 0 && untold == 0 && dflt >= 0 && cand[dflt])
                pick = dflt;        /* no typed association is the type */
            else if (matches != 1 || !cand[pick])
                pick = -1;
        }
    }
    if (pick >= 0)
        return fe_lower_subexpr(l, assoc[pick], se);
    ir_expr *f = fold(l, c);
    if (f)
        return f;
    /* not known: an association with side effects makes it a call of an
     * unknown function, so that the engine does not take it as pure */
    bool effects = false;
    for (size_t i = 0; i < n && !effects; i++) {
        enum CXCursorKind ak = clang_getCursorKind(fe_strip(l, assoc[i]));
        effects = !(ak == CXCursor_DeclRefExpr || ak == CXCursor_IntegerLiteral ||
                    ak == CXCursor_FloatingLiteral || ak == CXCursor_CharacterLiteral ||
                    ak == CXCursor_StringLiteral);
    }
    ir_expr *e = fe_expr_new(l, too_many || effects ? IR_CALL : IR_UNKNOWN, c);
    if (e->kind == IR_CALL) {
        ir_expr *callee = fe_expr_new(l, IR_UNKNOWN, c);
        callee->type.kind = IR_T_PTR;
        callee->type.elem = IR_T_FUNC;
        callee->type.name = NULL;
        fe_set_kids(l, e, &callee, 1);
        *se = true;
    }
    return e;
}

static ir_expr *lower_subexpr_node(lowering *l, CXCursor c, bool *se, const hint *h);

ir_expr *fe_lower_subexpr(lowering *l, CXCursor c, bool *se)
{
    hint h;
    bool have = false;
    if (l->hint_pending) {
        if (clang_equalCursors(l->hint_node, c)) {
            h = l->hint_text;
            have = true;
        }
        l->hint_pending = false;
    }
    if (l->depth >= MAX_DEPTH)
        return fe_expr_new(l, IR_UNKNOWN, c);
    l->depth++;
    expr_frame x;
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
            x.loc = fe_range_loc_w(l, clang_getCursorExtent(c), &whole);
            x.have_loc = true;
            if (whole) {
                l->inv_valid = true;
                l->inv_loc = x.loc;
            }
        }
    }
    SC_PUSH(l->exprs, x);
    ir_expr *e = lower_subexpr_node(l, c, se, have ? &h : NULL);
    l->exprs.len--;
    l->inv_valid = saved_inv;
    l->depth--;
    return e;
}

static ir_expr *lower_subexpr_node(lowering *l, CXCursor c, bool *se, const hint *h)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    bool ok;
    size_t n;
    switch (k) {
    case CXCursor_ParenExpr: {
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (!ok)
            return unknown_expr(l, c, se);
        if (h && h->f->buf[h->b] == '(' && ctext_group_end(h->f->buf, h->e, h->b) == h->e)
            fe_set_hint(l, ch, h->f, h->b + 1, h->e - 1);
        return fe_lower_subexpr(l, ch, se);
    }
    case CXCursor_UnexposedExpr: {
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (ok && n == 1 && fe_same_extent(c, ch)) {
            l->exprs.items[l->exprs.len - 1].transparent = true;
            if (h)
                fe_set_hint(l, ch, h->f, h->b, h->e);
            ir_expr *e = fe_lower_subexpr(l, ch, se);
            if (e->kind == IR_INT && e->ival == 0 &&
                clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Pointer)
                return make_null(l, c);
            return e;
        }
        /* something libclang does not expose: fold it when it is an
         * integer constant made of constants only */
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        if (fe_tkind_of(t) == IR_T_INT) {
            size_t base = fe_children(l, c);
            bool consts = true;
            for (size_t i = base; i < l->cs.len && consts; i++) {
                CXCursor x = l->cs.items[i];
                if (!fe_is_expr(x))
                    continue;
                int64_t v;
                enum CXCursorKind xk = clang_getCursorKind(fe_strip(l, x));
                if (!(xk == CXCursor_IntegerLiteral || xk == CXCursor_CharacterLiteral ||
                      xk == CXCursor_UnaryExpr) || !fe_eval_int(x, &v))
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
        return e ? e : fe_expr_new(l, IR_UNKNOWN, c);
    }
    case CXCursor_FloatingLiteral: {
        ir_expr *e = fe_expr_new(l, IR_FLOAT, c);
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
        size_t base = fe_children(l, c);
        if (l->cs.len - base != 3) {
            l->cs.len = base;
            return unknown_expr(l, c, se);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1], d = l->cs.items[base + 2];
        l->cs.len = base;
        bool s[3] = {false, false, false};
        ir_expr *ka = fe_lower_subexpr(l, a, &s[0]);
        ir_expr *kb = fe_lower_subexpr(l, b, &s[1]);
        ir_expr *kd = fe_lower_subexpr(l, d, &s[2]);
        *se = s[0] || s[1] || s[2];
        ir_expr *ks[3] = {ka, kb, kd};
        if (all_int(ks, 3)) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = fe_expr_new(l, IR_COND, c);
        fe_set_kids(l, e, ks, 3);
        return e;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor base = fe_first_expr_child(l, c, &ok, &n);
        if (!ok)
            return unknown_expr(l, c, se);
        bool s2 = false;
        ir_expr *kb = fe_lower_subexpr(l, base, &s2);
        *se = s2;
        ir_expr *e = fe_expr_new(l, IR_MEMBER, c);
        CXCursor field = clang_getCursorReferenced(c);
        e->str = clang_Cursor_isNull(field) ? fe_intern_cx(l, clang_getCursorSpelling(c))
                                            : fe_decl_name(l, field);
        CXType bt = clang_getCanonicalType(clang_getCursorType(base));
        e->op = bt.kind == CXType_Pointer ? 1 : 0;
        kids1(l, e, kb);
        return e;
    }
    case CXCursor_ArraySubscriptExpr: {
        size_t base = fe_children(l, c);
        if (l->cs.len - base != 2) {
            l->cs.len = base;
            return unknown_expr(l, c, se);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1];
        l->cs.len = base;
        bool s1 = false, s2 = false;
        ir_expr *ka = fe_lower_subexpr(l, a, &s1);
        ir_expr *kb = fe_lower_subexpr(l, b, &s2);
        *se = s1 || s2;
        ir_expr *e = fe_expr_new(l, IR_INDEX, c);
        kids2(l, e, ka, kb);
        return e;
    }
    case CXCursor_CStyleCastExpr: {
        CXCursor ch = fe_last_expr_child(l, c, &ok);
        if (!ok)
            return unknown_expr(l, c, se);
        if (h && h->f->buf[h->b] == '(') {
            size_t g = ctext_group_end(h->f->buf, h->e, h->b);
            if (g && g < h->e)
                fe_set_hint(l, ch, h->f, (uint32_t)g, h->e);
        }
        bool s2 = false;
        ir_expr *kc = fe_lower_subexpr(l, ch, &s2);
        *se = s2;
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        if (t.kind == CXType_Pointer && is_null_const(kc))
            return make_null(l, c);
        if (kc->kind == IR_INT) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = fe_expr_new(l, IR_CAST, c);
        kids1(l, e, kc);
        return e;
    }
    case CXCursor_CompoundLiteralExpr: {
        CXCursor list = fe_last_expr_child(l, c, &ok);
        if (!ok || clang_getCursorKind(list) != CXCursor_InitListExpr)
            return unknown_expr(l, c, se);
        return fe_init_list(l, c, list, true, se);
    }
    case CXCursor_InitListExpr:
        return fe_init_list(l, c, c, false, se);
    case CXCursor_UnaryExpr: {
        ir_expr *e = fold(l, c);
        return e ? e : fe_expr_new(l, IR_UNKNOWN, c);
    }
    case CXCursor_GenericSelectionExpr:
        return generic_selection(l, c, se);
    case CXCursor_StmtExpr:
        return statement_expr(l, c, se);
    case CXCursor_AddrLabelExpr: {
        /* &&label (GNU): the number a computed goto's switch tests */
        size_t base = fe_children(l, c);
        const char *name = "";
        for (size_t i = base; i < l->cs.len; i++)
            if (clang_getCursorKind(l->cs.items[i]) == CXCursor_LabelRef)
                name = fe_intern_cx(l, clang_getCursorSpelling(l->cs.items[i]));
        l->cs.len = base;
        if (!l->in_func || !*name)
            return unknown_expr(l, c, se);
        ir_expr *e = fe_expr_new(l, IR_INT, c);
        e->ival = FE_LABEL_ADDR + fe_label_id(l, name);
        return e;
    }
    default:
        return unknown_expr(l, c, se);
    }
}

ir_expr *fe_lower_expr(lowering *l, CXCursor c)
{
    bool se = false;
    return fe_lower_subexpr(l, c, &se);
}
