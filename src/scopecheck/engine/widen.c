/* Has a loop's widening settled (widen.h)?  The maps are compared by
 * walking only where they differ (pm_join shares equal subtrees), so the
 * test costs what the turn changed, not the size of the graph. */
#include "widen.h"

typedef struct settle {
    sc_engine *e;
    bool same;
} settle;

/* names and layer names: a record on one side only, or counts that
 * differ, is a change */
static const void *same_name(const void *k, const void *a, const void *b,
                             void *ctx)
{
    (void)k;
    settle *c = ctx;
    const sc_name *x = a, *y = b;
    if (!x || !y || x->count != y->count)
        c->same = false;
    return a ? a : b;
}

/* ops: (void *)1 made, (void *)2 on some paths */
static const void *same_node(const void *k, const void *a, const void *b,
                             void *ctx)
{
    (void)k;
    settle *c = ctx;
    if (a != b)
        c->same = false;
    return a ? a : b;
}

static const void *same_stored(const void *k, const void *a, const void *b,
                               void *ctx)
{
    (void)k;
    settle *c = ctx;
    const sc_stored *x = a, *y = b;
    if (!x || !y || x->maybe != y->maybe || x->var != y->var)
        c->same = false;
    return a ? a : b;
}

/* a scope object made by the turn is new (its id too) and nobody
 * outside the turn holds it; one that existed must not change */
static const void *same_scope(const void *k, const void *a, const void *b,
                              void *ctx)
{
    (void)k;
    settle *c = ctx;
    const sc_scope *x = a, *y = b;
    if (x && y && x != y &&
        (x->name != y->name || x->original_ns != y->original_ns ||
         x->reuse != y->reuse || x->dtype != y->dtype ||
         x->init_kind != y->init_kind || x->init_value != y->init_value))
        c->same = false;
    return a ? a : b;
}

static bool counts_same(sc_engine *e, const sc_counts *a, const sc_counts *b);

static const void *same_counts_kid(const void *k, const void *a,
                                   const void *b, void *ctx)
{
    (void)k;
    settle *c = ctx;
    static const sc_counts zero;
    if (c->same && !counts_same(c->e, a ? a : &zero, b ? b : &zero))
        c->same = false;
    return a ? a : b;
}

static bool counts_same(sc_engine *e, const sc_counts *a, const sc_counts *b)
{
    if (a == b)
        return true;
    static const sc_counts zero;
    a = a ? a : &zero;
    b = b ? b : &zero;
    if (a->count != b->count)
        return false;
    settle c = {e, true};
    pm_join(&e->arena, a->kids, b->kids, same_counts_kid, &c);
    return c.same;
}

static bool plist_within(const sc_plist *now, const sc_plist *old)
{
    for (; now; now = now->next)
        if (!plist_covers(old, now->prefix))
            return false;
    return true;
}

bool graph_settled(sc_engine *e, const sc_graph *old, const sc_graph *now)
{
    if (old == now)
        return true;
    if (now->counts_unknown && !old->counts_unknown)
        return false;
    if (!plist_within(now->names_unknown, old->names_unknown) ||
        !plist_within(now->store_unknown, old->store_unknown))
        return false;
    if (!old->counts_unknown && !counts_same(e, old->counts, now->counts))
        return false;
    settle c = {e, true};
    pm_join(&e->arena, old->names, now->names, same_name, &c);
    if (c.same)
        pm_join(&e->arena, old->nodes, now->nodes, same_node, &c);
    if (c.same)
        pm_join(&e->arena, old->store, now->store, same_stored, &c);
    if (c.same)
        pm_join(&e->arena, old->layer_uids, now->layer_uids, same_name, &c);
    if (c.same)
        pm_join(&e->arena, old->scopes, now->scopes, same_scope, &c);
    return c.same && old->depth == now->depth && old->ns == now->ns;
}
