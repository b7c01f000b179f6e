/* Statements. */
#include "lower_int.h"

#include <string.h>

static ir_stmt *stmt_new(lowering *l, ir_skind k, CXCursor c)
{
    ir_stmt *s = sc_alloc(l->A, sizeof *s);
    s->kind = k;
    if (l->have_cur_stmt && clang_equalCursors(l->cur_stmt, c))
        s->loc = l->cur_stmt_loc;
    else
        s->loc = fe_cursor_loc(l, c);
    return s;
}

ir_stmt *fe_lower_stmt(lowering *l, CXCursor c);

/* A case marker; its location is set by the caller. */
static void push_case(lowering *l, int64_t v, bool is_default)
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
static void lower_into(lowering *l, CXCursor c)
{
    for (int guard = 0; guard < 1000000; guard++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
            size_t base = fe_children(l, c);
            size_t n = l->cs.len - base;
            if (n == 0) {
                l->cs.len = base;
                return;
            }
            CXCursor sub = l->cs.items[l->cs.len - 1];
            ir_loc loc = fe_cursor_loc(l, c);
            size_t first = l->ss.len;
            if (k == CXCursor_DefaultStmt) {
                push_case(l, 0, true);
            } else {
                int64_t lo = 0, hi = 0;
                fe_eval_int(l->cs.items[base], &lo);
                hi = lo;
                if (n >= 3 && !fe_eval_int(l->cs.items[base + 1], &hi))
                    hi = lo;
                if (hi < lo || hi - lo > 255)
                    hi = lo;
                for (int64_t v = lo; v <= hi; v++)
                    push_case(l, v, false);
                /* the label's range: "case" to the end of its value */
                ir_loc vl = fe_cursor_loc(l, l->cs.items[base + (n >= 3 ? 1 : 0)]);
                if (vl.file == loc.file && vl.end_offset >= loc.offset) {
                    loc.end_line = vl.end_line;
                    loc.end_col = vl.end_col;
                    loc.end_offset = vl.end_offset;
                }
            }
            if (k == CXCursor_DefaultStmt)      /* just the keyword */
                loc = fe_token_loc(l, clang_getRangeStart(clang_getCursorExtent(c)));
            for (size_t i = first; i < l->ss.len; i++)
                l->ss.items[i]->loc = loc;
            l->cs.len = base;
            c = sub;
            continue;
        }
        if (k == CXCursor_LabelStmt) {
            ir_stmt *s = sc_alloc(l->A, sizeof *s);
            s->kind = IR_S_LABEL;
            s->loc = fe_token_loc(l, clang_getRangeStart(clang_getCursorExtent(c)));
            s->label = fe_label_id(l, fe_intern_cx(l, clang_getCursorSpelling(c)));
            SC_PUSH(l->ss, s);
            fe_cleanup_label(l, s->label);
            size_t base = fe_children(l, c);
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
            fe_lower_decls(l, c);
            return;
        }
        ir_stmt *st = fe_lower_stmt(l, c);    /* may push on l->ss itself */
        SC_PUSH(l->ss, st);
        return;
    }
}

/* Each computed goto's switch: a case for each label of the function
 * (the number &&label lowers to) that jumps there; any other value is
 * undefined behaviour (GCC manual, "Labels as Values"), a path that ends
 * (abort). */
void fe_indirect_gotos(lowering *l)
{
    for (size_t i = 0; i < l->indirect.len; i++) {
        ir_stmt *sw = l->indirect.items[i];
        size_t n = 2 * (size_t)l->nlabels + 2;
        ir_stmt **body = sc_alloc(l->A, n * sizeof *body);
        for (uint32_t id = 0; id < l->nlabels; id++) {
            ir_stmt *k = sc_alloc(l->A, sizeof *k), *g = sc_alloc(l->A, sizeof *g);
            k->kind = IR_S_CASE;
            k->ival = FE_LABEL_ADDR + id;
            k->loc = sw->loc;
            g->kind = IR_S_GOTO;
            g->label = id;
            g->loc = sw->loc;
            body[2 * id] = k;
            body[2 * id + 1] = g;
        }
        ir_stmt *d = sc_alloc(l->A, sizeof *d), *x = sc_alloc(l->A, sizeof *x);
        d->kind = IR_S_CASE;
        d->op = 1;
        d->loc = sw->loc;
        ir_expr *callee = sc_alloc(l->A, sizeof *callee);
        callee->kind = IR_FUNCREF;
        callee->str = fe_intern(l, "abort", 5);
        callee->type.kind = IR_T_FUNC;
        callee->type.array_len = -1;
        callee->loc = sw->loc;
        ir_expr *call = sc_alloc(l->A, sizeof *call);
        call->kind = IR_CALL;
        call->str = callee->str;
        call->type.kind = IR_T_VOID;
        call->type.array_len = -1;
        call->loc = sw->loc;
        fe_set_kids(l, call, &callee, 1);
        x->kind = IR_S_EXPR;
        x->e = call;
        x->loc = sw->loc;
        body[n - 2] = d;
        body[n - 1] = x;
        ir_stmt *blk = sc_alloc(l->A, sizeof *blk);
        blk->kind = IR_S_BLOCK;
        blk->loc = sw->loc;
        blk->body = body;
        blk->nbody = (uint32_t)n;
        sw->body = sc_alloc(l->A, sizeof *sw->body);
        sw->body[0] = blk;
        sw->nbody = 1;
    }
    l->indirect.len = 0;
}

static ir_stmt *block_of(lowering *l, CXCursor c, size_t base)
{
    ir_stmt *s = stmt_new(l, IR_S_BLOCK, c);
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
static ir_stmt *lower_single(lowering *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_CaseStmt && k != CXCursor_DefaultStmt && k != CXCursor_LabelStmt &&
        k != CXCursor_DeclStmt)
        return fe_lower_stmt(l, c);
    size_t base = l->ss.len;
    lower_into(l, c);
    if (l->ss.len - base == 1) {
        ir_stmt *s = l->ss.items[base];
        l->ss.len = base;
        return s;
    }
    if (l->ss.len == base)
        return stmt_new(l, IR_S_NOP, c);
    return block_of(l, c, base);
}

static ir_expr *lower_hinted(lowering *l, CXCursor x, fe_file *f, uint32_t b, uint32_t e)
{
    if (f)
        fe_set_hint(l, x, f, b, e);
    ir_expr *r = fe_lower_expr(l, x);
    l->hint_pending = false;
    return r;
}

static ir_stmt *lower_for(lowering *l, CXCursor c, ir_stmt *s)
{
    size_t base = fe_children(l, c);
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
    bool in_macro = fe_loc_is_macro(l, clang_getRangeStart(clang_getCursorExtent(c)), true);
    if ((m < 3 && m > 0) || in_macro)
        hf = fe_for_parts(l, c, present, pb, pe);
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
                    for (uint32_t j = pb[0]; j < pe[0]; j = (uint32_t)ctext_token_end(b, pe[0], j)) {
                        j = (uint32_t)ctext_skip_blank(b, pe[0], j);
                        if (j >= pe[0])
                            break;
                        char ch = b[j];
                        if (ch == '(' || ch == '[' || ch == '{')
                            depth++;
                        else if (ch == ')' || ch == ']' || ch == '}')
                            depth--;
                        else if (depth == 0 && ch == '=' && ctext_token_end(b, pe[0], j) == j + 1) {
                            ih.f = hf;
                            ih.b = j + 1;
                            ih.e = pe[0];
                            break;
                        }
                    }
                }
                fe_lower_decls_h(l, p, ih.f ? &ih : NULL);
                if (l->ss.len - sb == 1) {
                    s->init = l->ss.items[sb];
                    l->ss.len = sb;
                } else if (l->ss.len > sb) {
                    s->init = block_of(l, p, sb);
                }
            } else {
                ir_stmt *x = stmt_new(l, IR_S_EXPR, p);
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
    fe_jump_scope(l, true);
    s->body[0] = lower_single(l, body);
    fe_jump_scope_end(l);
    return s;
}

static ir_stmt *lower_if(lowering *l, CXCursor c)
{
    ir_stmt *first = NULL, **slot = &first;
    for (int guard = 0; guard < 10000000; guard++) {
        size_t base = fe_children(l, c);
        size_t n = l->cs.len - base;
        if (n < 2) {
            l->cs.len = base;
            *slot = stmt_new(l, IR_S_NOP, c);
            break;
        }
        CXCursor cond = l->cs.items[base], then = l->cs.items[base + 1];
        CXCursor els = n >= 3 ? l->cs.items[base + 2] : clang_getNullCursor();
        l->cs.len = base;
        ir_stmt *s = stmt_new(l, IR_S_IF, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        uint32_t hb = 0, he = 0;
        fe_file *hf = fe_keyword_cond(l, c, "if", &hb, &he);
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

static ir_stmt *lower_stmt_inner(lowering *l, CXCursor c);

ir_stmt *fe_lower_stmt(lowering *l, CXCursor c)
{
    if (l->depth >= MAX_DEPTH)
        return stmt_new(l, IR_S_NOP, c);
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
        l->cur_stmt_loc = fe_range_loc_w(l, clang_getCursorExtent(c), &whole);
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

static ir_stmt *lower_stmt_inner(lowering *l, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    switch (k) {
    case CXCursor_CompoundStmt: {
        size_t sbase = l->ss.len;
        size_t cm = fe_cleanup_mark(l);
        ir_loc bl = l->cur_stmt_loc;
        size_t base = fe_children(l, c);
        size_t n = l->cs.len - base;
        for (size_t i = 0; i < n; i++)
            lower_into(l, l->cs.items[base + i]);
        l->cs.len = base;
        fe_cleanup_block_end(l, cm, fe_last_token_loc(bl, l));
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
        size_t base = fe_children(l, c);
        if (l->cs.len - base != 2) {
            l->cs.len = base;
            return stmt_new(l, IR_S_NOP, c);
        }
        CXCursor a = l->cs.items[base], b = l->cs.items[base + 1];
        l->cs.len = base;
        CXCursor cond = k == CXCursor_DoStmt ? b : a;
        CXCursor body = k == CXCursor_DoStmt ? a : b;
        ir_stmt *s = stmt_new(l, k == CXCursor_WhileStmt ? IR_S_WHILE
                             : k == CXCursor_DoStmt ? IR_S_DO : IR_S_SWITCH, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        if (k != CXCursor_DoStmt) {
            uint32_t hb = 0, he = 0;
            fe_file *hf = fe_keyword_cond(l, c, k == CXCursor_WhileStmt ? "while" : "switch",
                                       &hb, &he);
            s->e = lower_hinted(l, cond, hf, hb, he);
        }
        s->nbody = 1;
        s->body = sc_alloc(l->A, sizeof *s->body);
        fe_jump_scope(l, k != CXCursor_SwitchStmt);
        if (k == CXCursor_SwitchStmt && clang_getCursorKind(body) != CXCursor_CompoundStmt) {
            size_t sb = l->ss.len;
            lower_into(l, body);
            s->body[0] = block_of(l, body, sb);
        } else {
            s->body[0] = lower_single(l, body);
        }
        fe_jump_scope_end(l);
        if (k == CXCursor_DoStmt) {
            l->have_stmt_loc = true;
            l->stmt_loc = s->loc;
            s->e = fe_lower_expr(l, cond);
        }
        return s;
    }
    case CXCursor_ForStmt: {
        ir_stmt *s = stmt_new(l, IR_S_FOR, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        /* a cleanup variable declared in the header lives to the loop's end */
        size_t cm = fe_cleanup_mark(l), sbase = l->ss.len;
        s = lower_for(l, c, s);
        if (fe_cleanup_mark(l) == cm)
            return s;
        SC_PUSH(l->ss, s);
        fe_cleanup_block_end(l, cm, fe_last_token_loc(s->loc, l));
        return block_of(l, c, sbase);
    }
    case CXCursor_BreakStmt:
        return fe_cleanup_jump(l, stmt_new(l, IR_S_BREAK, c));
    case CXCursor_ContinueStmt:
        return fe_cleanup_jump(l, stmt_new(l, IR_S_CONTINUE, c));
    case CXCursor_NullStmt:
        return stmt_new(l, IR_S_NOP, c);
    case CXCursor_ReturnStmt: {
        ir_stmt *s = stmt_new(l, IR_S_RETURN, c);
        l->have_stmt_loc = true;
        l->stmt_loc = s->loc;
        bool ok;
        CXCursor v = fe_first_expr_child(l, c, &ok, NULL);
        if (ok) {
            uint32_t hb = 0, he = 0;
            fe_file *hf = fe_keyword_cond(l, c, "return", &hb, &he);
            s->e = lower_hinted(l, v, hf, hb, he);
        }
        return fe_cleanup_jump(l, s);
    }
    case CXCursor_IndirectGotoStmt: {
        /* goto *p (GNU): a switch on p over the function's labels */
        bool ok;
        CXCursor t = fe_first_expr_child(l, c, &ok, NULL);
        if (!ok)
            return stmt_new(l, IR_S_NOP, c);
        ir_stmt *s = stmt_new(l, IR_S_SWITCH, c);
        s->e = fe_lower_expr(l, t);
        SC_PUSH(l->indirect, s);
        return s;
    }
    case CXCursor_GotoStmt: {
        ir_stmt *s = stmt_new(l, IR_S_GOTO, c);
        size_t base = fe_children(l, c);
        const char *name = "";
        if (l->cs.len > base)
            name = fe_intern_cx(l, clang_getCursorSpelling(l->cs.items[base]));
        l->cs.len = base;
        s->label = fe_label_id(l, name);
        return fe_cleanup_jump(l, s);
    }
    default:
        if (clang_isExpression(k)) {
            ir_stmt *s = stmt_new(l, IR_S_EXPR, c);
            s->e = fe_lower_expr(l, c);
            return s;
        }
        /* asm, computed goto, anything else: its side effects, if any */
        {
            size_t ebase = l->es.len;
            fe_collect_effects(l, c);
            if (l->es.len == ebase)
                return stmt_new(l, IR_S_NOP, c);
            ir_stmt *s = stmt_new(l, IR_S_EXPR, c);
            ir_expr *e = sc_alloc(l->A, sizeof *e);
            e->kind = IR_UNKNOWN;
            e->loc = s->loc;
            e->type.kind = IR_T_VOID;
            e->type.array_len = -1;
            fe_set_kids(l, e, l->es.items + ebase, (uint32_t)(l->es.len - ebase));
            l->es.len = ebase;
            s->e = e;
            return s;
        }
    }
}
