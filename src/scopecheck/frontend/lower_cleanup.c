/* Variables with __attribute__((cleanup(f))): the calls at each exit.
 *
 * GCC and Clang call f(&var) whenever var goes out of scope: at the end
 * of its block when control falls through it, and on every jump that
 * leaves the block: return (after the returned value is evaluated),
 * break and continue out of it, goto to a label outside it or before the
 * declaration.  Several such variables are cleaned up innermost first, in
 * the reverse order of their declarations (GCC's manual, "Common Variable
 * Attributes", cleanup).  The IR has no such attribute: the calls are
 * written out where they happen, so the engine sees the scope guard
 * idiom (a guard variable whose cleanup exits a varscope scope) as the
 * explicit calls it stands for.
 *
 * A cleanup whose function cannot be read (named through a macro
 * parameter) is a call of an unknown function with &var, never nothing.
 * Jumps into the scope of a cleanup variable are errors in both compilers,
 * so the variables live at any point are the ones declared before it in
 * its enclosing blocks. */
#include "lower_int.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* The function named by the cleanup attribute among c's attributes:
 * interned, "" when the attribute is there but its function cannot be
 * read, NULL when there is no cleanup attribute. */
static const char *cleanup_function(lowering *l, CXCursor var);

static enum CXChildVisitResult fn_names_cb(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lowering *l = d;
    if (clang_getCursorKind(c) == CXCursor_FunctionDecl) {
        const char *n = fe_decl_name(l, c);
        if (*n)
            fe_umap_put(&l->fn_names, (uint64_t)(uintptr_t)n, 1);
    }
    return CXChildVisit_Continue;
}

static bool is_function_name(lowering *l, const char *name)
{
    if (!l->fn_names_built) {
        l->fn_names_built = true;
        clang_visitChildren(clang_getTranslationUnitCursor(l->tu), fn_names_cb, l);
    }
    uint32_t v;
    return fe_umap_get(&l->fn_names, (uint64_t)(uintptr_t)name, &v);
}

bool fe_has_attr(lowering *l, CXCursor c, const char *name)
{
    if (!clang_Cursor_hasAttrs(c))
        return false;
    char under[64];
    snprintf(under, sizeof under, "__%s__", name);
    bool found = false;
    size_t base = fe_children(l, c);
    for (size_t i = base; i < l->cs.len && !found; i++) {
        CXCursor a = l->cs.items[i];
        if (!clang_isAttribute(clang_getCursorKind(a)))
            continue;
        unsigned b, e;
        fe_file *f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(a)), &b, &e);
        found = f && (ctext_is(f->buf, b, e, name) || ctext_is(f->buf, b, e, under));
    }
    l->cs.len = base;
    return found;
}

static const char *cleanup_function(lowering *l, CXCursor var)
{
    if (!clang_Cursor_hasAttrs(var))
        return NULL;
    const char *fn = NULL;
    size_t base = fe_children(l, var);
    for (size_t i = base; i < l->cs.len && !fn; i++) {
        CXCursor a = l->cs.items[i];
        if (!clang_isAttribute(clang_getCursorKind(a)))
            continue;
        unsigned b, e;
        fe_file *f = fe_spelled(l, clang_getRangeStart(clang_getCursorExtent(a)), &b, &e);
        if (!f || !(ctext_is(f->buf, b, e, "cleanup") || ctext_is(f->buf, b, e, "__cleanup__")))
            continue;
        /* cleanup ( NAME ) */
        fn = "";
        ctext_lexer lx;
        ctext_tok t, name;
        ctext_lexer_init(&lx, f->buf, f->size);
        lx.i = e;
        if (ctext_next(&lx, &t) == CT_PUNCT && f->buf[t.b] == '(' &&
            ctext_next(&lx, &name) == CT_IDENT && ctext_next(&lx, &t) == CT_PUNCT &&
            f->buf[t.b] == ')') {
            const char *n = fe_intern(l, f->buf + name.b, name.e - name.b);
            if (is_function_name(l, n))
                fn = n;
        }
    }
    l->cs.len = base;
    return fn;
}

void fe_cleanup_decl(lowering *l, CXCursor var, uint32_t sym)
{
    const char *fn = cleanup_function(l, var);
    if (!fn)
        return;
    cleanup_var v = {sym, *fn ? fn : NULL};
    SC_PUSH(l->cleanups, v);
}

/* ---- the calls ------------------------------------------------------------ */

/* f(&var), or an unknown function's call with &var, located at `at`. */
static ir_stmt *cleanup_call(lowering *l, const cleanup_var *v, ir_loc at)
{
    const ir_sym *s = &l->locals.items[v->sym];
    ir_expr *var = sc_alloc(l->A, sizeof *var);
    var->kind = IR_SYM;
    var->symscope = IR_LOCAL;
    var->sym = v->sym;
    var->type = s->type;
    var->loc = at;
    ir_expr *addr = sc_alloc(l->A, sizeof *addr);
    addr->kind = IR_ADDR;
    addr->type.kind = IR_T_PTR;
    addr->type.elem = s->type.kind;
    addr->type.name = s->type.kind == IR_T_STRUCT ? s->type.name : NULL;
    addr->type.array_len = -1;
    addr->loc = at;
    fe_set_kids(l, addr, &var, 1);
    ir_expr *callee = sc_alloc(l->A, sizeof *callee);
    callee->kind = v->fn ? IR_FUNCREF : IR_UNKNOWN;
    callee->str = v->fn;
    callee->type.kind = v->fn ? IR_T_FUNC : IR_T_PTR;
    callee->type.elem = v->fn ? IR_T_VOID : IR_T_FUNC;
    callee->type.array_len = -1;
    callee->loc = at;
    ir_expr *call = sc_alloc(l->A, sizeof *call);
    call->kind = IR_CALL;
    call->str = v->fn;
    call->type.kind = IR_T_VOID;
    call->type.array_len = -1;
    call->loc = at;
    ir_expr *kids[2] = {callee, addr};
    fe_set_kids(l, call, kids, 2);
    ir_stmt *st = sc_alloc(l->A, sizeof *st);
    st->kind = IR_S_EXPR;
    st->loc = at;
    st->e = call;
    return st;
}

/* Pushes on l->ss the calls for the live variables [from, l->cleanups.len)
 * that are not in `keep` (a label's live set, or NULL), innermost first. */
static void push_calls(lowering *l, size_t from, const uint32_t *keep, uint32_t nkeep,
                       ir_loc at)
{
    for (size_t i = l->cleanups.len; i > from; i--) {
        const cleanup_var *v = &l->cleanups.items[i - 1];
        bool kept = false;
        for (uint32_t k = 0; k < nkeep && !kept; k++)
            kept = keep[k] == v->sym;
        if (!kept)
            SC_PUSH(l->ss, cleanup_call(l, v, at));
    }
}

size_t fe_cleanup_mark(const lowering *l)
{
    return l->cleanups.len;
}

void fe_cleanup_block_end(lowering *l, size_t mark, ir_loc at)
{
    assert(mark <= l->cleanups.len);
    push_calls(l, mark, NULL, 0, at);
    l->cleanups.len = mark;
}

void fe_jump_scope(lowering *l, bool loop)
{
    jump_scope j = {loop, l->cleanups.len};
    SC_PUSH(l->jump_scopes, j);
}

void fe_jump_scope_end(lowering *l)
{
    assert(l->jump_scopes.len > 0);
    l->jump_scopes.len--;
}

/* s preceded by calls pushed on l->ss from sbase: one block */
static ir_stmt *with_calls(lowering *l, ir_stmt *s, size_t sbase)
{
    if (l->ss.len == sbase)
        return s;
    SC_PUSH(l->ss, s);
    ir_stmt *b = sc_alloc(l->A, sizeof *b);
    b->kind = IR_S_BLOCK;
    b->loc = s->loc;
    b->nbody = (uint32_t)(l->ss.len - sbase);
    b->body = sc_alloc(l->A, b->nbody * sizeof *b->body);
    memcpy(b->body, l->ss.items + sbase, b->nbody * sizeof *b->body);
    l->ss.len = sbase;
    return b;
}

ir_stmt *fe_cleanup_jump(lowering *l, ir_stmt *s)
{
    if (!l->cleanups.len)
        return s;
    size_t sbase = l->ss.len;
    switch (s->kind) {
    case IR_S_BREAK:
    case IR_S_CONTINUE:
        /* the blocks left: those inside the innermost loop (or switch,
         * for break) */
        for (size_t i = l->jump_scopes.len; i > 0; i--) {
            const jump_scope *j = &l->jump_scopes.items[i - 1];
            if (s->kind == IR_S_BREAK || j->loop) {
                push_calls(l, j->cleanups, NULL, 0, s->loc);
                break;
            }
        }
        return with_calls(l, s, sbase);
    case IR_S_RETURN:
        if (s->e) {
            /* the value first, in a local of its own, then the calls */
            uint32_t tmp = (uint32_t)l->locals.len;
            ir_sym t;
            memset(&t, 0, sizeof t);
            t.name = fe_intern(l, "return", 6);
            t.type = l->fn_ret;
            t.loc = s->loc;
            SC_PUSH(l->locals, t);
            ir_stmt *d = sc_alloc(l->A, sizeof *d);
            d->kind = IR_S_DECL;
            d->loc = s->loc;
            d->sym = tmp;
            d->e = s->e;
            SC_PUSH(l->ss, d);
            ir_expr *v = sc_alloc(l->A, sizeof *v);
            v->kind = IR_SYM;
            v->symscope = IR_LOCAL;
            v->sym = tmp;
            v->type = l->fn_ret;
            v->loc = s->e->loc;
            s->e = v;
        }
        push_calls(l, 0, NULL, 0, s->loc);
        return with_calls(l, s, sbase);
    case IR_S_GOTO: {
        /* the label's live set decides; a label not seen yet is patched
         * when it is (fe_cleanup_label) */
        const label_live *ll = NULL;
        for (size_t i = 0; i < l->label_lives.len; i++)
            if (l->label_lives.items[i].label == s->label)
                ll = &l->label_lives.items[i];
        if (ll) {
            push_calls(l, 0, ll->syms, ll->n, s->loc);
            return with_calls(l, s, sbase);
        }
        pending_goto p;
        p.n = (uint32_t)l->cleanups.len;
        p.syms = sc_alloc(l->A, p.n * sizeof *p.syms);
        for (uint32_t i = 0; i < p.n; i++)
            p.syms[i] = l->cleanups.items[i].sym;
        p.fns = sc_alloc(l->A, p.n * sizeof *p.fns);
        for (uint32_t i = 0; i < p.n; i++)
            p.fns[i] = l->cleanups.items[i].fn;
        p.jump = s;
        ir_stmt *b = sc_alloc(l->A, sizeof *b);
        b->kind = IR_S_BLOCK;
        b->loc = s->loc;
        b->nbody = 1;
        b->body = sc_alloc(l->A, sizeof *b->body);
        b->body[0] = s;
        p.block = b;
        SC_PUSH(l->pending_gotos, p);
        return b;
    }
    default:
        return s;
    }
}

/* The calls a pending goto needs for a label whose live set is keep. */
static void resolve(lowering *l, pending_goto *p, const uint32_t *keep, uint32_t nkeep)
{
    size_t sbase = l->ss.len;
    for (uint32_t k = p->n; k > 0; k--) {
        bool kept = false;
        for (uint32_t m = 0; m < nkeep && !kept; m++)
            kept = keep[m] == p->syms[k - 1];
        if (!kept) {
            cleanup_var v = {p->syms[k - 1], p->fns[k - 1]};
            SC_PUSH(l->ss, cleanup_call(l, &v, p->jump->loc));
        }
    }
    ir_stmt *b = with_calls(l, p->jump, sbase);
    if (b != p->jump) {
        p->block->body = b->body;
        p->block->nbody = b->nbody;
    }
}

void fe_cleanup_label(lowering *l, uint32_t label)
{
    uint32_t n = (uint32_t)l->cleanups.len;
    uint32_t *syms = n ? sc_alloc(l->A, n * sizeof *syms) : NULL;
    for (uint32_t i = 0; i < n; i++)
        syms[i] = l->cleanups.items[i].sym;
    /* the earlier gotos to it */
    size_t i = 0;
    while (i < l->pending_gotos.len) {
        pending_goto *p = &l->pending_gotos.items[i];
        if (p->jump->label == label) {
            resolve(l, p, syms, n);
            *p = l->pending_gotos.items[--l->pending_gotos.len];
        } else {
            i++;
        }
    }
    /* for the later ones: a label outside every cleanup scope needs no
     * record (see fe_cleanup_function_end) */
    if (n) {
        label_live ll = {label, n, syms};
        SC_PUSH(l->label_lives, ll);
    }
}

void fe_cleanup_function_start(lowering *l)
{
    l->cleanups.len = 0;
    l->jump_scopes.len = 0;
    l->label_lives.len = 0;
    l->pending_gotos.len = 0;
}

void fe_cleanup_function_end(lowering *l)
{
    /* gotos to labels that no cleanup variable was live at */
    for (size_t i = 0; i < l->pending_gotos.len; i++)
        resolve(l, &l->pending_gotos.items[i], NULL, 0);
    l->pending_gotos.len = 0;
}
