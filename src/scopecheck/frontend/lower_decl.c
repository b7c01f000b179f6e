/* Names, symbols (locals, globals, labels), declarations and function
 * definitions. */
#include "lower_int.h"

#include <string.h>

/* A declaration's name.  An unnamed one (the field holding an anonymous
 * struct or union) has "": libclang 14 spells it so, later versions spell
 * it "union T::(anonymous at FILE:LINE:COL)". */
const char *fe_decl_name(lowering *l, CXCursor d)
{
    uint32_t i;
    if (fe_cmap_get(&l->namemap, d, &i))
        return l->names.items[i];
    const char *n = fe_intern_cx(l, clang_getCursorSpelling(d));
    for (const char *p = n; *p; p++)
        if (!ctext_ident_char(*p)) {
            n = fe_intern(l, "", 0);
            break;
        }
    fe_cmap_put(&l->namemap, d, (uint32_t)l->names.len);
    SC_PUSH(l->names, n);
    return n;
}

uint32_t fe_local_new(lowering *l, CXCursor d, bool is_param)
{
    ir_sym s;
    memset(&s, 0, sizeof s);
    s.name = fe_intern_cx(l, clang_getCursorSpelling(d));
    s.type = fe_lower_type(l, clang_getCursorType(d));
    s.loc = fe_token_loc(l, clang_getCursorLocation(d));
    s.is_param = is_param;
    uint32_t idx = (uint32_t)l->locals.len;
    SC_PUSH(l->locals, s);
    fe_cmap_put(&l->lmap, d, idx);
    return idx;
}

/* The global for a variable with static storage duration (file scope,
 * static local, extern), created on first sight. */
uint32_t fe_global_for(lowering *l, CXCursor d)
{
    CXCursor canon = clang_getCanonicalCursor(d);
    uint32_t idx;
    if (fe_cmap_get(&l->gmap, canon, &idx))
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
        g.sym.name = fe_intern(l, full, strlen(full));
        clang_disposeString(pn);
    } else {
        g.sym.name = fe_intern(l, name, strlen(name));
    }
    clang_disposeString(sp);
    g.sym.type = fe_lower_type(l, clang_getCursorType(d));
    g.sym.loc = fe_token_loc(l, clang_getCursorLocation(d));
    g.sym.is_static = sc == CX_SC_Static;
    g.is_extern = sc == CX_SC_Extern &&
                  clang_Cursor_isNull(clang_Cursor_getVarDeclInitializer(d));
    idx = (uint32_t)l->globals.len;
    SC_PUSH(l->globals, g);
    fe_cmap_put(&l->gmap, canon, idx);
    return idx;
}

uint32_t fe_label_id(lowering *l, const char *name)
{
    uint64_t key = (uint64_t)(uintptr_t)name;
    uint32_t v;
    if (fe_umap_get(&l->labels, key, &v))
        return v;
    v = l->nlabels++;
    fe_umap_put(&l->labels, key, v);
    return v;
}

static ir_expr *lower_init_of(lowering *l, CXCursor vd)
{
    CXCursor init = clang_Cursor_getVarDeclInitializer(vd);
    if (clang_Cursor_isNull(init))
        return NULL;
    CXCursor saved = l->vd;
    bool had = l->have_vd;
    l->vd = vd;
    l->have_vd = true;
    ir_expr *e = fe_lower_expr(l, init);
    l->vd = saved;
    l->have_vd = had;
    return e;
}

/* The variables of a declaration statement: one IR_S_DECL per local, pushed
 * on l->ss; static and extern ones become globals. */
void fe_lower_decls_h(lowering *l, CXCursor c, const hint *init_hint);

void fe_lower_decls(lowering *l, CXCursor c)
{
    fe_lower_decls_h(l, c, NULL);
}

/* init_hint: the text of the initializer, for a declaration of one variable */
void fe_lower_decls_h(lowering *l, CXCursor c, const hint *init_hint)
{
    size_t base = fe_children(l, c);
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
            uint32_t g = fe_global_for(l, d);
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
        s->loc = l->inv_valid ? l->inv_loc : fe_range_loc_w(l, clang_getCursorExtent(d), &whole);
        s->sym = fe_local_new(l, d, false);
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
                fe_set_hint(l, init, init_hint->f, init_hint->b, init_hint->e);
        }
        s->e = lower_init_of(l, d);
        l->hint_pending = false;
        l->inv_valid = saved_inv;
        l->have_stmt_loc = had;
        l->stmt_loc = saved;
        SC_PUSH(l->ss, s);
        fe_cleanup_decl(l, d, s->sym);
    }
    l->cs.len = base;
}

/* ---- declarations --------------------------------------------------------------- */

void fe_lower_function(lowering *l, CXCursor fn)
{
    ir_func f;
    memset(&f, 0, sizeof f);
    f.name = fe_decl_name(l, fn);
    f.loc = fe_token_loc(l, clang_getCursorLocation(fn));
    f.ret = fe_lower_type(l, clang_getResultType(clang_getCursorType(fn)));
    f.is_static = clang_getCursorLinkage(fn) == CXLinkage_Internal;
    /* on the definition or on an earlier declaration */
    CXCursor first = clang_getCanonicalCursor(fn);
    f.is_constructor = fe_has_attr(l, fn, "constructor") || fe_has_attr(l, first, "constructor");
    f.is_destructor = fe_has_attr(l, fn, "destructor") || fe_has_attr(l, first, "destructor");

    l->in_func = true;
    l->fn_name = f.name;
    l->locals.len = 0;
    fe_cmap_clear(&l->lmap);
    fe_umap_clear(&l->labels);
    l->nlabels = 0;
    l->fn_ret = f.ret;
    fe_cleanup_function_start(l);

    int np = clang_Cursor_getNumArguments(fn);
    for (int i = 0; i < np; i++)
        fe_local_new(l, clang_Cursor_getArgument(fn, (unsigned)i), true);
    f.nparams = np > 0 ? (uint32_t)np : 0;

    size_t base = fe_children(l, fn);
    CXCursor body = clang_getNullCursor();
    for (size_t i = l->cs.len; i > base; i--)
        if (clang_getCursorKind(l->cs.items[i - 1]) == CXCursor_CompoundStmt) {
            body = l->cs.items[i - 1];
            break;
        }
    l->cs.len = base;
    l->indirect.len = 0;
    if (!clang_Cursor_isNull(body)) {
        f.body = fe_lower_stmt(l, body);
        fe_indirect_gotos(l);
        fe_cleanup_function_end(l);
        f.end_loc = fe_last_token_loc(f.body->loc, l);
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

void fe_lower_global(lowering *l, CXCursor d)
{
    uint32_t gi = fe_global_for(l, d);
    enum CX_StorageClass sc = clang_Cursor_getStorageClass(d);
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    bool has_init = !clang_Cursor_isNull(init);
    if (sc != CX_SC_Extern || has_init) {
        /* a definition (or a tentative one) */
        ir_global *g = &l->globals.items[gi];
        g->is_extern = false;
        g->sym.loc = fe_token_loc(l, clang_getCursorLocation(d));
        g->sym.type = fe_lower_type(l, clang_getCursorType(d));
        if (sc == CX_SC_Static)
            g->sym.is_static = true;
    }
    if (has_init && !l->globals.items[gi].init) {
        ir_expr *e = lower_init_of(l, d);
        l->globals.items[gi].init = e;
    }
}
