/* Collections and variable lists over abstract state (the library's
 * collections.c; tf-semantics.md §10): GLOBAL_VARIABLES is the graph's
 * list of variables, the others lists by key; get_collection filters
 * with the scope as a regular expression matched at the start of each
 * name (the library's own rule, src/common/shapes.c), exactly where the
 * names are known.  A list is a C value (AV_VLIST) whose len and vars
 * the program reads as fields. */
#include <string.h>

#include "model_int.h"
#include "varscope.h"

const sc_vlist *m_collection(mrun *r, const char *key)
{
    if (strcmp(key, VS_GLOBAL_VARIABLES) == 0)
        return r->g->vars;
    return graph_coll(r->g, sc_istr(r->e, key));
}

/* a var list argument: a pointer to a list (AV_VLIST), or to a struct
 * {len, vars} the program made itself (vars an array it filled) */
const sc_vlist *m_vlist_arg(mrun *r, const av *p, bool *unknown)
{
    *unknown = false;
    const av *v = m_deref(r, p);
    if (v->kind == AV_VLIST && !p->maybe_null)
        return v->l;
    if (v->kind == AV_AGG && v->names) {
        const av *len = m_field(r, v, "len"), *vars = m_field(r, v, "vars");
        const av *arr = m_deref(r, vars);
        if (vars->kind == AV_AGG && !vars->names)
            arr = vars;
        /* vars: the array itself, or a pointer into it */
        bool into = vars->kind == AV_REF && vars->elem;
        /* no element is read when there are none: {0, NULL} (a growable
         * array nothing was pushed to yet) is the empty list, whatever
         * vars holds (the library checks len first: optimizers.c,
         * ema.c) */
        if (len->kind == AV_INT && len->i == 0)
            return NULL;
        if (len->kind == AV_INT && len->i >= 0 &&
            (into || (arr->kind == AV_AGG && !arr->names))) {
            const sc_vlist *l = NULL;
            for (int64_t i = 0; i < len->i; i++) {
                const av *x = into ? m_array_elem(r, vars, i)
                              : (uint64_t)i < arr->nfields ? arr->vals[i]
                                                           : av_top();
                l = vlist_push(r->e, l, m_var_arg(x));
            }
            return l;
        }
    }
    *unknown = true;
    return NULL;
}

static const av *op_get_collection(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_or_null(e, av_box(e, av_top()));
    int kn;
    const char *key = m_str(r, a[1], &kn);
    m_why_null(r, a[1]);
    if (m_check(r, kn, VS_ERR_INVALID_ARGUMENT, "get_collection: key is NULL"))
        return NULL;
    const av *opts = m_options_arg(r, a);
    int sn;
    const char *scope = m_str(r, m_field(r, opts, "scope"), &sn);
    bool scope_known = sn == YES || scope;
    bool filter = sn != YES && scope && scope[0];
    char why[128] = "";
    if (m_check(r, !scope_known ? MAYBE
                   : filter && vs__scope_match(scope, "", why, sizeof why) < 0,
                VS_ERR_INVALID_ARGUMENT,
                "get_collection: scope '%s' is not a regular expression: %s",
                shown(scope), why))
        return NULL;
    if (!key || !scope_known) {
        r->g = NULL;              /* a list nobody knows */
        return av_box(e, av_vlist(e, vlist_push(e, NULL, NULL)));
    }
    /* oldest first, filtered, then as a list again */
    const sc_vlist *all = m_collection(r, key);
    uint32_t n = all ? all->len : 0, i = n;
    const sc_var **xs = sc_alloc(&e->arena, (n + 1) * sizeof *xs);
    for (const sc_vlist *l = all; l; l = l->next)
        xs[--i] = l->var;
    const sc_vlist *out = NULL;
    for (i = 0; i < n; i++) {
        const sc_var *v = xs[i];
        if (!filter) {
            out = vlist_push(e, out, v);
            continue;
        }
        if (!v || !v->name) {
            out = vlist_push(e, out, NULL);     /* in or out: nobody knows */
            continue;
        }
        if (vs__scope_match(scope, v->name, why, sizeof why) == 1)
            out = vlist_push(e, out, v);
    }
    r->g = NULL;
    return av_box(e, av_vlist(e, out));
}

static const av *op_add_to_collection(mrun *r, const av **a)
{
    sc_engine *e = r->e;
    if (!m_use_graph(r, m_graph_arg(r, a)))
        return r->failed ? NULL : av_var(e, NULL, true);
    int kn, vn = m_null_tri(a[2]);
    const char *key = m_str(r, a[1], &kn);
    m_why_null(r, kn == YES ? a[1] : a[2]);
    if (m_check(r, kn == YES || vn == YES ? YES : kn || vn ? MAYBE : NO,
                VS_ERR_INVALID_ARGUMENT, "add_to_collection: %s is NULL",
                kn == YES ? "key" : "value"))
        return NULL;
    const sc_var *v = m_var_arg(a[2]);
    if (!key) {
        /* a key nobody knows: every collection may have it */
        m_check(r, MAYBE, VS_ERR_INVALID_ARGUMENT, "key");
        r->g->vars = vlist_push(e, r->g->vars, NULL);
        m_collect(r, VS_TRAINABLE_VARIABLES, NULL);
        return a[2];
    }
    if (strcmp(key, VS_GLOBAL_VARIABLES) == 0) {
        int in = v && v->name ? NO : MAYBE;
        for (const sc_vlist *l = r->g->vars; l && v; l = l->next)
            if (!l->var || !l->var->name)
                in = MAYBE;
            else if (var_same(l->var, v)) {
                in = YES;
                break;
            }
        if (m_check(r, in, VS_ERR_INVALID_ARGUMENT,
                    "add_to_collection: every variable is in '%s' once; adding "
                    "%s again is not supported", key, shown(v ? v->name : NULL)))
            return NULL;
        r->g->vars = vlist_push(e, r->g->vars, v);
        return a[2];
    }
    m_collect(r, key, v);
    return a[2];
}

static const av *op_op_name(mrun *r, const av **a)
{
    if (a[0]->kind != AV_OBJ || a[0]->maybe_null)
        return av_top();
    for (uint32_t i = 0; i < r->st->ngraphs; i++) {
        const sc_obj *o = graph_obj(r->st->graphs[i], a[0]->id);
        if (o && o->kind == SC_OBJ_OP)
            return o->op.name ? av_str(r->e, o->op.name) : av_top();
    }
    return av_top();
}

const av *m_list_op(mrun *r, const av **a)
{
    switch (vs__fn_id(r->fn)) {
    case VS_FN_vs_get_collection: return op_get_collection(r, a);
    case VS_FN_vs_add_to_collection: return op_add_to_collection(r, a);
    case VS_FN_vs_op_name: return op_op_name(r, a);
    default: return av_top();
    }
}
