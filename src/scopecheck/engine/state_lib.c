/* The library's Python objects a graph keeps (layers, cells, templates,
 * optimizers, moving averages, ops), its variable list and collections:
 * storage and joins.  What they mean is the model's (model_*.c); here
 * they are records, joined field by field, a field on which two paths
 * disagree becoming unknown. */
#include <assert.h>
#include <string.h>

#include "state.h"

const sc_obj *graph_obj(const sc_graph *g, uint32_t id)
{
    return id ? pm_get(g->objs, (const void *)(uintptr_t)id, pm_hash_int(id))
              : NULL;
}

void graph_put_obj(sc_engine *e, sc_graph *g, const sc_obj *o)
{
    assert(!g->in_state || g->edit);
    assert(o->id);
    g->objs = graph_map_set(e, g, g->objs, (const void *)(uintptr_t)o->id,
                            pm_hash_int(o->id), o);
}

/* pmap values are non-NULL: an empty collection is this marker */
static const sc_vlist empty_list;

const sc_vlist *graph_coll(const sc_graph *g, const char *key)
{
    const sc_vlist *l = pm_get(g->colls, key, sc_strhash(key));
    return l && l->len ? l : NULL;
}

void graph_put_coll(sc_engine *e, sc_graph *g, const char *key,
                    const sc_vlist *l)
{
    assert(!g->in_state || g->edit);
    g->colls = graph_map_set(e, g, g->colls, key, sc_strhash(key),
                             l ? l : &empty_list);
}

static void gap_coll(const void *k, const void *v, void *ctx)
{
    void **c = ctx;
    sc_engine *e = c[0];
    sc_graph *g = c[1];
    (void)v;
    graph_put_coll(e, g, k, vlist_push(e, graph_coll(g, k), NULL));
}

void graph_forget_vars(sc_engine *e, sc_graph *g)
{
    g->vars = vlist_push(e, g->vars, NULL);
    pmap colls = g->colls;
    void *ctx[2] = {e, g};
    pm_each(colls, gap_coll, ctx);
    graph_put_coll(e, g, sc_istr(e, "trainable_variables"),
                   vlist_push(e, graph_coll(g, sc_istr(e, "trainable_variables")),
                              NULL));
}

/* ---- joins ---- */

static int flag_join(int a, int b) { return a == b ? a : SC_UNK; }
static int64_t num_join(int64_t a, int64_t b) { return a == b ? a : SC_TOP_DIM; }
static int int_join(int a, int b, int unknown) { return a == b ? a : unknown; }
static const char *str_join(const char *a, const char *b)
{
    return a == b ? a : NULL;
}

static sc_init init_join(sc_init a, sc_init b)
{
    if (a.kind == b.kind && a.value == b.value)
        return a;
    return (sc_init){-1, NULL};
}

static void layer_join(sc_layer *l, const sc_layer *a, const sc_layer *b)
{
    *l = *a;
    l->name = str_join(a->name, b->name);
    l->base = str_join(a->base, b->base);
    l->scope_known = a->scope_known && b->scope_known && a->scope == b->scope;
    if (!l->scope_known)
        l->scope = 0;
    l->reuse = int_join(a->reuse, b->reuse, -1);
    l->trainable = flag_join(a->trainable, b->trainable);
    l->built = flag_join(a->built, b->built);
    l->dtype = int_join(a->dtype, b->dtype, SC_DT_TOP);
    bool same_weights = a->nweights == b->nweights && a->nweights >= 0;
    for (int i = 0; same_weights && i < a->nweights; i++)
        same_weights = var_same(a->weights[i], b->weights[i]);
    if (!same_weights)
        l->nweights = -1;
    l->built_axis = num_join(a->built_axis, b->built_axis);
    l->built_rank = int_join(a->built_rank, b->built_rank, -100);
    l->spec_axis = int_join(a->spec_axis, b->spec_axis, -100);
    l->units = num_join(a->units, b->units);
    l->activation = int_join(a->activation, b->activation, -1);
    l->no_bias = flag_join(a->no_bias, b->no_bias);
    l->kernel_init = init_join(a->kernel_init, b->kernel_init);
    l->bias_init = init_join(a->bias_init, b->bias_init);
    l->kernel_name = str_join(a->kernel_name, b->kernel_name);
    l->bias_name = str_join(a->bias_name, b->bias_name);
    l->collection = str_join(a->collection, b->collection);
    for (int i = 0; i < 2; i++) {
        l->ksize[i] = num_join(a->ksize[i], b->ksize[i]);
        l->strides[i] = num_join(a->strides[i], b->strides[i]);
        l->dilation[i] = num_join(a->dilation[i], b->dilation[i]);
    }
    l->padding = int_join(a->padding, b->padding, -1);
    l->axis = int_join(a->axis, b->axis, -100);
    l->no_center = flag_join(a->no_center, b->no_center);
    l->no_scale = flag_join(a->no_scale, b->no_scale);
    l->rate_ok = flag_join(a->rate_ok, b->rate_ok);
    l->num_proj = num_join(a->num_proj, b->num_proj);
    l->use_peepholes = flag_join(a->use_peepholes, b->use_peepholes);
    if (a->ncells != b->ncells ||
        memcmp(a->cells, b->cells, sizeof a->cells) != 0)
        l->ncells = -1;
    l->rnncell_known = a->rnncell_known && b->rnncell_known &&
                       a->rnncell_scope == b->rnncell_scope;
    if (!l->rnncell_known)
        l->rnncell_scope = 0;
}

static bool slots_same(const sc_slot *a, const sc_slot *b)
{
    for (; a && b; a = a->next, b = b->next)
        if (a == b)
            return true;
        else if (a->slot_name != b->slot_name || a->primary != b->primary ||
                 !var_same(a->var, b->var))
            return false;
    return !a && !b;
}

static const void *join_obj(const void *k, const void *va, const void *vb,
                            void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_obj *a = va, *b = vb;
    if (!a || !b || a == b)
        return a ? a : b;         /* made on one path: its id is its own */
    assert(a->kind == b->kind);
    sc_obj *o = sc_alloc(&e->arena, sizeof *o);
    *o = *a;
    switch (a->kind) {
    case SC_OBJ_LAYER:
        layer_join(&o->layer, &a->layer, &b->layer);
        break;
    case SC_OBJ_TEMPLATE: {
        const sc_template *x = &a->tmpl, *y = &b->tmpl;
        o->tmpl.name = str_join(x->name, y->name);
        o->tmpl.unique_name = str_join(x->unique_name, y->unique_name);
        if (x->fn != y->fn)
            o->tmpl.fn = NULL;
        if (x->user != y->user)
            o->tmpl.user = NULL;
        o->tmpl.scope_known = x->scope_known && y->scope_known &&
                              x->scope == y->scope;
        if (!o->tmpl.scope_known)
            o->tmpl.scope = 0;
        o->tmpl.first_call = flag_join(x->first_call, y->first_call);
        o->tmpl.variables_created =
            flag_join(x->variables_created, y->variables_created);
        break;
    }
    case SC_OBJ_OPTIMIZER: case SC_OBJ_EMA: {
        const sc_optimizer *x = &a->opt, *y = &b->opt;
        o->opt.kind = int_join(x->kind, y->kind, -1);
        o->opt.name = str_join(x->name, y->name);
        o->opt.centered = flag_join(x->centered, y->centered);
        o->opt.acc_ok = flag_join(x->acc_ok, y->acc_ok);
        o->opt.has_powers = flag_join(x->has_powers, y->has_powers);
        o->opt.zero_debias = flag_join(x->zero_debias, y->zero_debias);
        if (!slots_same(x->slots, y->slots)) {
            /* the slots both made, the others perhaps */
            const sc_slot *keep = NULL;
            for (const sc_slot *s = x->slots; s; s = s->next) {
                bool in_y = false;
                for (const sc_slot *t = y->slots; t && !in_y; t = t->next)
                    in_y = t->slot_name == s->slot_name &&
                           t->primary == s->primary && var_same(t->var, s->var);
                if (in_y) {
                    sc_slot *c = sc_alloc(&e->arena, sizeof *c);
                    *c = *s;
                    c->next = keep;
                    keep = c;
                }
            }
            o->opt.slots = keep;
            o->opt.slots_unknown = true;
        }
        o->opt.slots_unknown |= y->slots_unknown;
        break;
    }
    case SC_OBJ_OP:
        o->op.name = str_join(a->op.name, b->op.name);
        o->op.init = a->op.init && b->op.init;
        o->op.vars = vlist_join(e, a->op.vars, b->op.vars);
        break;
    case SC_OBJ_SESSION:
        break;
    }
    return o;
}

static const void *join_coll(const void *k, const void *va, const void *vb,
                             void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_vlist *a = va, *b = vb;
    /* absent on one side: empty there */
    if (a && !a->len)
        a = NULL;
    if (b && !b->len)
        b = NULL;
    const sc_vlist *j = vlist_join(e, a, b);
    return j ? j : &empty_list;
}

static const void *join_uid(const void *k, const void *va, const void *vb,
                            void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_name *x = va, *y = vb;
    if (x && y && x->count == y->count)
        return x;
    sc_name *n = sc_alloc(&e->arena, sizeof *n);
    *n = x ? *x : *y;
    n->count = SC_COUNT_TOP;
    return n;
}

void graph_join_lib(sc_engine *e, sc_graph *g, const sc_graph *a,
                    const sc_graph *b)
{
    g->objs = pm_join(&e->arena, a->objs, b->objs, join_obj, e);
    g->vars = vlist_join(e, a->vars, b->vars);
    g->colls = pm_join(&e->arena, a->colls, b->colls, join_coll, e);
    g->layer_uids = pm_join(&e->arena, a->layer_uids, b->layer_uids,
                            join_uid, e);
    g->tdepth = a->tdepth;        /* template calls: one program point */
    g->floor = a->floor;
    g->reported = a->reported == b->reported ? a->reported : SC_COUNT_TOP;
}
