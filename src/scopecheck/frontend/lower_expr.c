/* Expressions. */
#include "lower_int.h"

#include <stdio.h>
#include <string.h>

static ir_expr *lower_subexpr(lowering *l, CXCursor c, bool *se);

static ir_expr *expr_new(lowering *l, ir_ekind k, CXCursor c)
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
    ir_expr *e = expr_new(l, IR_INT, c);
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
            if (k == CXCursor_GenericSelectionExpr || k == CXCursor_UnaryExpr)
                continue;           /* not evaluated */
            bool se = false;
            ir_expr *e = lower_subexpr(l, x, &se);
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
    ir_expr *e = expr_new(l, IR_UNKNOWN, c);
    if (clang_getCursorKind(c) == CXCursor_GenericSelectionExpr)
        return e;
    size_t ebase = l->es.len;
    fe_collect_effects(l, c);
    if (l->es.len > ebase)
        fe_set_kids(l, e, l->es.items + ebase, (uint32_t)(l->es.len - ebase));
    l->es.len = ebase;
    if (e->nkids)
        *se = true;
    return e;
}

/* An IR_UNKNOWN standing for c, with the given lowered operands' side
 * effects as kids. */
static ir_expr *unknown_of(lowering *l, CXCursor c, ir_expr **k, bool *kse, size_t n)
{
    ir_expr *e = expr_new(l, IR_UNKNOWN, c);
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
    return expr_new(l, IR_NULL, c);
}

/* Decodes a string literal as clang prints it ("a\n\351", L"..") into
 * bytes; wide literals' units are encoded as UTF-8. */
static ir_expr *string_lit(lowering *l, CXCursor c)
{
    ir_expr *e = expr_new(l, IR_STR, c);
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
        ir_expr *e = expr_new(l, IR_INT, c);
        e->ival = clang_getEnumConstantDeclValue(d);
        return e;
    }
    if (k == CXCursor_FunctionDecl) {
        ir_expr *e = expr_new(l, IR_FUNCREF, c);
        e->str = fe_decl_name(l, d);
        return e;
    }
    if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl) {
        uint32_t idx;
        ir_expr *e = expr_new(l, IR_SYM, c);
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
    return expr_new(l, IR_UNKNOWN, c);
}

static ir_expr *call_expr(lowering *l, CXCursor c, bool *se)
{
    *se = true;
    int nargs = clang_Cursor_getNumArguments(c);
    CXCursor callee_decl = clang_getCursorReferenced(c);
    if (nargs >= 0 && clang_getCursorKind(callee_decl) == CXCursor_FunctionDecl) {
        /* a direct call: the callee's name, then the arguments */
        ir_expr *e = expr_new(l, IR_CALL, c);
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
            k[i] = lower_subexpr(l, clang_Cursor_getArgument(c, i - 1), &s2);
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
    ir_expr *e = expr_new(l, IR_CALL, c);
    ir_expr **k = sc_alloc(l->A, n * sizeof *k);
    bool dummy = false;
    if (clang_getCursorKind(sc) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(sc)) == CXCursor_FunctionDecl) {
        k[0] = expr_new(l, IR_FUNCREF, sc);
        k[0]->str = fe_decl_name(l, clang_getCursorReferenced(sc));
        e->str = k[0]->str;
    } else {
        k[0] = lower_subexpr(l, callee, &dummy);
    }
    for (size_t i = 1; i < n; i++) {
        bool s2 = false;
        k[i] = lower_subexpr(l, l->cs.items[base + i], &s2);
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
    ir_expr *le = lower_subexpr(l, lc, &ls);
    if (hop)
        fe_set_hint(l, rc, rt.f, rt.b, rt.e);
    ir_expr *re = lower_subexpr(l, rc, &rs);
    *se = ls || rs;
    if (!compound && le->kind == IR_INT && re->kind == IR_INT) {
        ir_expr *f = fold(l, c);
        if (f)
            return f;
    }
    const opinfo *o = fe_binop_of(l, c, lc, rc, le, re, compound, hop);
    if (!o) {
        ir_expr *k[2] = {le, re};
        bool s2[2] = {ls, rs};
        return unknown_of(l, c, k, s2, 2);
    }
    ir_expr *e;
    switch (o->kind) {
    case OPK_ASSIGN:
    case OPK_COMPOUND:
        e = expr_new(l, IR_ASSIGN, c);
        e->op = o->code;
        *se = true;
        break;
    case OPK_COMMA:
        e = expr_new(l, IR_COMMA, c);
        break;
    default:
        e = expr_new(l, IR_BINOP, c);
        e->op = o->code;
    }
    kids2(l, e, le, re);
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
        }
    }
    bool ks = false;
    ir_expr *k = lower_subexpr(l, ch, &ks);
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
        e = expr_new(l, IR_ADDR, c);
        break;
    case UOP_DEREF:
        e = expr_new(l, IR_DEREF, c);
        break;
    case UOP_PREINC: case UOP_PREDEC: case UOP_POSTINC: case UOP_POSTDEC: {
        static const int incdec[] = {
            [UOP_PREINC] = IR_PREINC, [UOP_PREDEC] = IR_PREDEC,
            [UOP_POSTINC] = IR_POSTINC, [UOP_POSTDEC] = IR_POSTDEC};
        e = expr_new(l, IR_INCDEC, c);
        e->op = incdec[u];
        *se = true;
        break;
    }
    case UOP_PLUS:
        e = expr_new(l, IR_UNOP, c);
        e->op = '+';
        break;
    case UOP_MINUS:
        e = expr_new(l, IR_UNOP, c);
        e->op = '-';
        break;
    case UOP_NOT:
        e = expr_new(l, IR_UNOP, c);
        e->op = '~';
        break;
    case UOP_LNOT:
        e = expr_new(l, IR_UNOP, c);
        e->op = '!';
        break;
    case UOP_EXTENSION:
        return k;
    case UOP_NONE:
        break;
    }
    if (!e) {
        bool s1[1] = {ks};
        return unknown_of(l, c, &k, s1, 1);
    }
    kids1(l, e, k);
    return e;
}

/* The designator of an initializer item: "dtype", "a.b", "[2]", "[1].x". */
static const char *designator(lowering *l, size_t base, size_t last)
{
    if (last == base + 1 && clang_getCursorKind(l->cs.items[base]) == CXCursor_MemberRef) {
        CXCursor fd = clang_getCursorReferenced(l->cs.items[base]);
        if (!clang_Cursor_isNull(fd))
            return fe_decl_name(l, fd);
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
            if (fe_eval_int(d, &v))
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
    return fe_intern(l, buf, o);
}

static ir_expr *init_list(lowering *l, CXCursor c, CXCursor list, bool compound, bool *se)
{
    ir_expr *e = expr_new(l, IR_INIT, c);
    e->ival = compound;
    size_t base = fe_children(l, list);
    size_t n = l->cs.len - base;
    ir_expr **k = n ? sc_alloc(l->A, n * sizeof *k) : NULL;
    const char **names = NULL;
    uint32_t m = 0;
    for (size_t i = 0; i < n; i++) {
        CXCursor item = l->cs.items[base + i];
        if (!fe_is_expr(item))
            continue;
        const char *name = NULL;
        CXCursor val = item;
        if (clang_getCursorKind(item) == CXCursor_UnexposedExpr &&
            clang_getCursorType(item).kind == CXType_Void) {
            /* a designated initializer: designators, then the value */
            size_t b2 = fe_children(l, item);
            size_t n2 = l->cs.len - b2;
            if (n2 >= 2) {
                name = designator(l, b2, l->cs.len - 1);
                val = l->cs.items[l->cs.len - 1];
            }
            l->cs.len = b2;
        }
        bool s2 = false;
        k[m] = lower_subexpr(l, val, &s2);
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

static ir_expr *lower_subexpr_node(lowering *l, CXCursor c, bool *se, const hint *h);

static ir_expr *lower_subexpr(lowering *l, CXCursor c, bool *se)
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
        return expr_new(l, IR_UNKNOWN, c);
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
        return lower_subexpr(l, ch, se);
    }
    case CXCursor_UnexposedExpr: {
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (ok && n == 1 && fe_same_extent(c, ch)) {
            l->exprs.items[l->exprs.len - 1].transparent = true;
            if (h)
                fe_set_hint(l, ch, h->f, h->b, h->e);
            ir_expr *e = lower_subexpr(l, ch, se);
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
        return e ? e : expr_new(l, IR_UNKNOWN, c);
    }
    case CXCursor_FloatingLiteral: {
        ir_expr *e = expr_new(l, IR_FLOAT, c);
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
        ir_expr *ka = lower_subexpr(l, a, &s[0]);
        ir_expr *kb = lower_subexpr(l, b, &s[1]);
        ir_expr *kd = lower_subexpr(l, d, &s[2]);
        *se = s[0] || s[1] || s[2];
        ir_expr *ks[3] = {ka, kb, kd};
        if (all_int(ks, 3)) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = expr_new(l, IR_COND, c);
        fe_set_kids(l, e, ks, 3);
        return e;
    }
    case CXCursor_MemberRefExpr: {
        CXCursor base = fe_first_expr_child(l, c, &ok, &n);
        if (!ok)
            return unknown_expr(l, c, se);
        bool s2 = false;
        ir_expr *kb = lower_subexpr(l, base, &s2);
        *se = s2;
        ir_expr *e = expr_new(l, IR_MEMBER, c);
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
        ir_expr *ka = lower_subexpr(l, a, &s1);
        ir_expr *kb = lower_subexpr(l, b, &s2);
        *se = s1 || s2;
        ir_expr *e = expr_new(l, IR_INDEX, c);
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
        ir_expr *kc = lower_subexpr(l, ch, &s2);
        *se = s2;
        CXType t = clang_getCanonicalType(clang_getCursorType(c));
        if (t.kind == CXType_Pointer && is_null_const(kc))
            return make_null(l, c);
        if (kc->kind == IR_INT) {
            ir_expr *f = fold(l, c);
            if (f)
                return f;
        }
        ir_expr *e = expr_new(l, IR_CAST, c);
        kids1(l, e, kc);
        return e;
    }
    case CXCursor_CompoundLiteralExpr: {
        CXCursor list = fe_last_expr_child(l, c, &ok);
        if (!ok || clang_getCursorKind(list) != CXCursor_InitListExpr)
            return unknown_expr(l, c, se);
        return init_list(l, c, list, true, se);
    }
    case CXCursor_InitListExpr:
        return init_list(l, c, c, false, se);
    case CXCursor_UnaryExpr: {
        ir_expr *e = fold(l, c);
        return e ? e : expr_new(l, IR_UNKNOWN, c);
    }
    default:
        return unknown_expr(l, c, se);
    }
}

ir_expr *fe_lower_expr(lowering *l, CXCursor c)
{
    bool se = false;
    return lower_subexpr(l, c, &se);
}
