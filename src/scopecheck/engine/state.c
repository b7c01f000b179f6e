/* Abstract states: creation, copies, joins, and the scope-count trie. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

sc_state *state_new(sc_engine *e)
{
    sc_state *s = sc_alloc(&e->arena, sizeof *s);
    s->edit = sc_new_edit_for(e, s);
    s->frames = sc_alloc(&e->arena, sizeof *s->frames);
    s->nframes = 1;
    return s;
}

sc_state *state_clone(sc_engine *e, sc_state *s)
{
    sc_state *c = sc_alloc(&e->arena, sizeof *c);
    *c = *s;
    c->edit = sc_new_edit_for(e, c);
    s->edit = sc_new_edit_for(e, s);
    c->graphs = sc_alloc(&e->arena, (s->ngraphs + 1) * sizeof *c->graphs);
    if (s->ngraphs)
        memcpy(c->graphs, s->graphs, s->ngraphs * sizeof *c->graphs);
    c->frames = sc_alloc(&e->arena, (s->nframes + 1) * sizeof *c->frames);
    memcpy(c->frames, s->frames, s->nframes * sizeof *c->frames);
    return c;
}

const sc_graph *state_graph(const sc_state *s, uint32_t id)
{
    for (uint32_t i = 0; i < s->ngraphs; i++)
        if (s->graphs[i]->id == id)
            return s->graphs[i];
    return NULL;
}

sc_graph_depth *state_depths(const sc_state *st, uint32_t *n)
{
    *n = st ? st->ngraphs : 0;
    sc_graph_depth *d = calloc(*n + 1, sizeof *d);
    if (!d)
        abort();
    for (uint32_t g = 0; g < *n; g++) {
        d[g].id = st->graphs[g]->id;
        d[g].depth = st->graphs[g]->depth;
    }
    return d;
}

void state_set_graph(sc_engine *e, sc_state *s, const sc_graph *g)
{
#ifndef NDEBUG
    ((sc_graph *)g)->in_state = true;
#endif
    for (uint32_t i = 0; i < s->ngraphs; i++)
        if (s->graphs[i]->id == g->id) {
            s->graphs[i] = g;
            return;
        }
    const sc_graph **gs =
        sc_alloc(&e->arena, (s->ngraphs + 1) * sizeof *gs);
    if (s->ngraphs)
        memcpy(gs, s->graphs, s->ngraphs * sizeof *gs);
    gs[s->ngraphs++] = g;
    s->graphs = gs;
}

sc_graph *graph_copy(sc_engine *e, const sc_graph *g)
{
    sc_graph *c = sc_alloc(&e->arena, sizeof *c);
    *c = *g;
    c->edit = 0;
    c->counts_edit = 0;
#ifndef NDEBUG
    c->in_state = false;
#endif
    return c;
}

void state_push_frame(sc_engine *e, sc_state *s)
{
    sc_frame_maps *frames = sc_alloc(&e->arena, (s->nframes + 1) * sizeof *frames);
    memcpy(frames, s->frames, s->nframes * sizeof *frames);
    s->frames = frames;           /* the new top is zeroed: empty maps */
    s->nframes++;
}

void state_pop_frame(sc_state *s)
{
    s->nframes--;
    s->frames[s->nframes] = (sc_frame_maps){{NULL}, {NULL}};
}

/* A variable's hash in its frame's map: the slots of 32 neighbouring
 * locals (declared one after another) share a subtree (see sc_addrhash) */
static uint64_t slot_hash(uint32_t slot)
{
    return (pm_hash_int(slot >> 5) & 0xFFFFF) | (uint64_t)(slot & 31) << 20 |
           pm_hash_int(slot) << 25;
}

const av *state_get(const sc_state *s, uint32_t frame, uint32_t slot)
{
    if (frame >= s->nframes)
        return av_top();
    const av *v = pm_get(s->frames[frame].vars,
                         (const void *)(uintptr_t)(slot + 1), slot_hash(slot));
    return v ? v : av_top();
}

const av *state_get_fact(const sc_state *s, uint32_t frame, uint64_t key)
{
    if (frame >= s->nframes)
        return NULL;
    return pm_get(s->frames[frame].facts, (const void *)(uintptr_t)key,
                  pm_hash_int(key));
}

void state_set_fact(sc_engine *e, sc_state *s, uint32_t frame, uint64_t key,
                    const av *v)
{
    if (frame >= s->nframes)
        return;
    sc_edit_check(e, s->edit, s);
    s->frames[frame].facts = pm_set_edit(&e->arena, s->frames[frame].facts,
                                         (const void *)(uintptr_t)key,
                                         pm_hash_int(key), v, s->edit);
}

/* the holders of one identity: a list to read, a set to add to once */
typedef struct holder_set {
    pmap slots;                   /* frame << 32 | slot -> 1 */
    const sc_holder *list;
} holder_set;

/* the identity under which an aggregate or a box is indexed: any of the
 * unknowns in its fields or elements may be narrowed */
static const av HOLDS_PARTS = {.kind = AV_TOP};

const sc_holder *state_holders(const sc_engine *e, const av *ident)
{
    const holder_set *hs =
        pm_get(e->holders, ident, pm_hash_int((uint64_t)(uintptr_t)ident));
    return hs ? hs->list : NULL;
}

const sc_holder *state_part_holders(const sc_engine *e)
{
    return state_holders(e, &HOLDS_PARTS);
}

/* Records that a value of identity ident is in (frame, slot) on some
 * path: refine_value (facts.c) narrows every copy of an unknown, and
 * reads only these instead of every variable of every frame (a function
 * of 25,000 locals, narrowed at every test, would be quadratic). */
static void add_holder(sc_engine *e, const av *ident, uint32_t frame,
                       uint32_t slot)
{
    uint64_t h = pm_hash_int((uint64_t)(uintptr_t)ident);
    const holder_set *old = pm_get(e->holders, ident, h);
    uint64_t fs = (uint64_t)frame << 32 | slot;
    const void *key = (const void *)(uintptr_t)(fs + 1);
    if (old && pm_get(old->slots, key, pm_hash_int(fs)))
        return;
    if (!e->holders_edit)
        e->holders_edit = sc_new_edit_for(e, &e->holders);
    sc_holder *n = sc_alloc(&e->arena, sizeof *n);
    n->frame = frame;
    n->slot = slot;
    n->next = old ? old->list : NULL;
    holder_set *hs = sc_alloc(&e->arena, sizeof *hs);
    hs->slots = pm_set_own(&e->arena, old ? old->slots : (pmap){NULL}, key,
                            pm_hash_int(fs), (const void *)1, e->holders_edit);
    hs->list = n;
    e->holders = pm_set_own(&e->arena, e->holders, ident, h, hs, e->holders_edit);
}

/* v is in (frame, slot): indexed by its identity, or as a holder of
 * parts */
static void index_value(sc_engine *e, const av *v, uint32_t frame,
                        uint32_t slot)
{
    if (v->kind == AV_TOP && v != av_top())
        add_holder(e, av_ident(v), frame, slot);
    else if (v->kind == AV_AGG || v->kind == AV_BOX)
        add_holder(e, &HOLDS_PARTS, frame, slot);
}

void state_set(sc_engine *e, sc_state *s, uint32_t frame, uint32_t slot,
               const av *v)
{
    if (frame >= s->nframes)
        return;
    /* Each unknown value stored gets its own identity: facts about a
     * variable are keyed by its value's address, so they die with it. */
    if (v == av_top()) {
        av *fresh = sc_alloc(&e->arena, sizeof *fresh);
        fresh->kind = AV_TOP;
        v = fresh;
    }
    index_value(e, v, frame, slot);
    sc_edit_check(e, s->edit, s);
    s->frames[frame].vars = pm_set_edit(&e->arena, s->frames[frame].vars,
                                        (const void *)(uintptr_t)(slot + 1),
                                        slot_hash(slot), v, s->edit);
}

/* ---- joins ---- */

/* One join of two states' frames, variables and facts.  A value object
 * that several slots share on both sides (argc in main, the parameter it
 * was passed as, the fact that records what that parameter stands for)
 * must stay one object in the join, or a later test of one would no
 * longer say anything of the others: so each pair of objects is joined
 * once, across all the frames' maps. */
typedef struct join_memo {
    sc_engine *e;
    int64_t frame;                /* the frame whose variables are joined;
                                     -1: facts */
    const void **pairs;           /* a, b at 2i, 2i + 1 */
    const void **joined;
    size_t cap, count;
} join_memo;

static size_t memo_slot(const join_memo *m, const void *a, const void *b)
{
    uint64_t h = pm_hash_int((uint64_t)(uintptr_t)a * 31 + (uint64_t)(uintptr_t)b);
    size_t j = (size_t)h & (m->cap - 1);
    while (m->pairs[2 * j] &&
           (m->pairs[2 * j] != a || m->pairs[2 * j + 1] != b))
        j = (j + 1) & (m->cap - 1);
    return j;
}

static void memo_grow(join_memo *m)
{
    join_memo old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->pairs = calloc(2 * m->cap, sizeof *m->pairs);
    m->joined = calloc(m->cap, sizeof *m->joined);
    if (!m->pairs || !m->joined)
        abort();
    for (size_t i = 0; i < old.cap; i++)
        if (old.pairs[2 * i]) {
            size_t j = memo_slot(m, old.pairs[2 * i], old.pairs[2 * i + 1]);
            m->pairs[2 * j] = old.pairs[2 * i];
            m->pairs[2 * j + 1] = old.pairs[2 * i + 1];
            m->joined[j] = old.joined[i];
        }
    free(old.pairs);
    free(old.joined);
}

static const void *join_av(const void *k, const void *a, const void *b,
                           void *ctx)
{
    join_memo *m = ctx;
    if (a == b)
        return a;
    a = a ? a : av_top();
    b = b ? b : av_top();
    if (2 * (m->count + 1) > m->cap)
        memo_grow(m);
    size_t j = memo_slot(m, a, b);
    if (!m->pairs[2 * j]) {
        m->pairs[2 * j] = a;
        m->pairs[2 * j + 1] = b;
        m->joined[j] = av_join(m->e, a, b);
        m->count++;
    }
    const av *r = m->joined[j];
    if (m->frame >= 0 && r != a && r != b)
        index_value(m->e, r, (uint32_t)m->frame, (uint32_t)((uintptr_t)k - 1));
    return r;
}

static const void *join_name(const void *k, const void *a, const void *b,
                             void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_name *x = a, *y = b;
    if (x && y && x->count == y->count)
        return x;
    /* unknown already on the side whose record is kept: that record */
    if (x ? x->count == SC_COUNT_TOP : y->count == SC_COUNT_TOP)
        return x ? x : y;
    sc_name *n = sc_alloc(&e->arena, sizeof *n);
    *n = x ? *x : *y;
    n->count = SC_COUNT_TOP;     /* taken on one path only, or counts differ */
    return n;
}

static const void *join_node(const void *k, const void *a, const void *b,
                             void *ctx)
{
    (void)k;
    (void)ctx;
    /* (void *)1: an op of that name exists; (void *)2: on some paths */
    return (a && b && a == b) ? a : (const void *)2;
}

static const void *join_stored(const void *k, const void *a, const void *b,
                               void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_stored *x = a, *y = b;
    if (x && y && x->maybe == y->maybe && x->var == y->var)
        return x;
    bool maybe = !x || !y || x->maybe || y->maybe;
    const sc_var *vx = x ? x->var : NULL, *vy = y ? y->var : NULL;
    const sc_var *var = !x ? vy : !y ? vx : vx == vy ? vx : NULL;
    /* what one side already holds is kept, not made again */
    if (x && x->maybe == maybe && x->var == var)
        return x;
    if (y && y->maybe == maybe && y->var == var)
        return y;
    sc_stored *s = sc_alloc(&e->arena, sizeof *s);
    s->maybe = maybe;
    s->var = var;
    return s;
}

static const void *join_scope(const void *k, const void *a, const void *b,
                              void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    const sc_scope *x = a, *y = b;
    if (!x || !y || x == y)
        return x ? x : y;
    sc_scope *s = sc_alloc(&e->arena, sizeof *s);
    *s = *x;
    if (x->name != y->name)
        s->name = NULL;
    if (x->original_ns != y->original_ns)
        s->original_ns = NULL;
    if (x->reuse != y->reuse)
        s->reuse = -1;
    if (x->dtype != y->dtype)
        s->dtype = -1;
    if (x->init_kind != y->init_kind || x->init_value != y->init_value) {
        s->init_kind = -1;
        s->init_value = NULL;
    }
    return s;
}

/* a name absent from one side of a join: counted 0 times */
static const sc_counts counts_zero;

static const void *join_counts_kid(const void *k, const void *a,
                                   const void *b, void *ctx)
{
    (void)k;
    sc_engine *e = ctx;
    return counts_join(e, a ? a : &counts_zero, b ? b : &counts_zero);
}

const sc_counts *counts_join(sc_engine *e, const sc_counts *a,
                             const sc_counts *b)
{
    if (a == b)
        return a;
    a = a ? a : &counts_zero;
    b = b ? b : &counts_zero;
    int64_t count = a->count == b->count ? a->count : SC_COUNT_TOP;
    pmap kids = pm_join(&e->arena, a->kids, b->kids, join_counts_kid, e);
    /* what one side already holds is kept, not made again */
    if (a != &counts_zero && a->count == count && a->kids.root == kids.root)
        return a;
    if (b != &counts_zero && b->count == count && b->kids.root == kids.root)
        return b;
    sc_counts *c = sc_alloc(&e->arena, sizeof *c);
    c->count = count;
    c->kids = kids;
    return c;
}

static const char *join_str(const char *a, const char *b)
{
    return a == b ? a : NULL;
}

static const sc_entry *join_entries(sc_engine *e, const sc_entry *a,
                                    const sc_entry *b)
{
    if (a == b)
        return a;
    if (!a || !b) {
        /* one path knows its whole stack, the other ends in an unknown
         * bottom: past the known entries the first has nothing open */
        const sc_entry *u = a ? a : b;
        assert(u->kind == SC_ENTRY_UNKNOWN && u->bottom);
        if (u->at_least == 0)
            return u;
        sc_entry *c = sc_alloc(&e->arena, sizeof *c);
        *c = *u;
        c->at_least = 0;
        return c;
    }
    /* equal depths: bottoms meet bottoms */
    assert(a->bottom == b->bottom);
    sc_entry *c = sc_alloc(&e->arena, sizeof *c);
    *c = *a;
    c->below = join_entries(e, a->below, b->below);
    if (a->kind != b->kind)
        c->kind = SC_ENTRY_UNKNOWN;
    c->saved_ns = join_str(a->saved_ns, b->saved_ns);
    if (a->saved_scope != b->saved_scope)
        c->saved_scope = 0;
    if (a->scope != b->scope)
        c->scope = 0;
    if (a->snapshot != b->snapshot) {
        c->snapshot = counts_join(e, a->snapshot, b->snapshot);
        c->snapshot_unknown = a->snapshot_unknown || b->snapshot_unknown;
    }
    c->ns = join_str(a->ns, b->ns);
    c->requested = join_str(a->requested, b->requested);
    c->renamed = a->renamed && b->renamed;
    c->sets_ns = a->sets_ns || b->sets_ns;
    if (a->uid != b->uid)
        c->uid = 0;
    if (c->bottom && b->at_least < c->at_least)
        c->at_least = b->at_least;
    return c;
}

int graph_open_at_least(const sc_graph *g)
{
    int open = 0;
    for (const sc_entry *en = g->stack; en; en = en->below)
        open += en->bottom ? en->at_least : 1;
    return open;
}

void graph_forget_stack(sc_engine *e, sc_graph *g)
{
    /* graphs in states are copied on write, or changed in place by a
     * call on the one state that holds them (sc_graph.edit) */
    assert(!g->in_state || g->edit);
    sc_entry *bottom = sc_alloc(&e->arena, sizeof *bottom);
    bottom->kind = SC_ENTRY_UNKNOWN;
    bottom->bottom = true;        /* at_least 0: any exit may underflow */
    g->stack = bottom;
    g->depth = 0;
    g->ns = NULL;
    g->current = 0;
}

/* edit: the id of the state that alone will hold the join (the model's
 * calls on it update what the join made in place), or 0 */
static const sc_graph *join_graph(sc_engine *e, const sc_graph *a,
                                  const sc_graph *b, uint32_t edit)
{
    if (a == b)
        return a;
    sc_graph *g = graph_copy(e, a);
    g->freed = a->freed && b->freed;
    g->names = pm_join_edit(&e->arena, a->names, b->names, join_name, e, edit);
    g->nodes = pm_join_edit(&e->arena, a->nodes, b->nodes, join_node, e, edit);
    g->store = pm_join_edit(&e->arena, a->store, b->store, join_stored, e, edit);
    g->counts = counts_join(e, a->counts, b->counts);
    g->scopes = pm_join_edit(&e->arena, a->scopes, b->scopes, join_scope, e, edit);
    g->names_unknown = plist_union(e, a->names_unknown, b->names_unknown);
    g->store_unknown = plist_union(e, a->store_unknown, b->store_unknown);
    g->counts_unknown = a->counts_unknown || b->counts_unknown;
    graph_join_lib(e, g, a, b);
    g->ns = join_str(a->ns, b->ns);
    if (a->current != b->current)
        g->current = 0;
    if (a->depth == b->depth) {
        g->stack = join_entries(e, a->stack, b->stack);
    } else {
        /* Different depths only meet when there are too many partitions:
         * from here on nobody knows what is open, but for the scopes
         * open on both paths. */
        int ka = graph_open_at_least(a), kb = graph_open_at_least(b);
        graph_forget_stack(e, g);
        ((sc_entry *)g->stack)->at_least = ka < kb ? ka : kb;  /* fresh */
    }
    return g;
}

void state_forget_stack(sc_engine *e, sc_state *s, uint32_t id)
{
    state_forget_stack_from(e, s, id, NULL);
}

void state_forget_stack_from(sc_engine *e, sc_state *s, uint32_t id,
                             const sc_site *opened)
{
    const sc_graph *g = state_graph(s, id);
    if (!g)
        return;
    sc_graph *c = graph_copy(e, g);
    graph_forget_stack(e, c);
    if (opened) {
        sc_entry *bottom = (sc_entry *)c->stack;  /* fresh: ours to fill */
        bottom->site = *opened;
    }
    state_set_graph(e, s, c);
}

void state_join_into(sc_engine *e, sc_state *a, const sc_state *b)
{
    /* paths that meet are at one point of one call: the same frames */
    assert(a->nframes == b->nframes);
    a->edit = sc_new_edit_for(e, a);      /* b may share nodes of a's old id */
    /* doubtful if either is: a later test may pick out just the doubtful
     * path's part of the join (`if (v)` where only it had v) */
    a->tainted = a->tainted || b->tainted;
    join_memo memo = {e, -1, NULL, NULL, 0, 0};
    for (uint32_t f = 0; f < a->nframes && f < b->nframes; f++) {
        sc_frame_maps *x = &a->frames[f];
        const sc_frame_maps *y = &b->frames[f];
        memo.frame = f;
        /* what the joins make is a's alone: marked with its new id */
        if (x->vars.root != y->vars.root)
            x->vars = pm_join_edit(&e->arena, x->vars, y->vars, join_av, &memo,
                                   a->edit);
        memo.frame = -1;
        if (x->facts.root != y->facts.root)
            x->facts = pm_join_edit(&e->arena, x->facts, y->facts, join_av,
                                    &memo, a->edit);
    }
    free(memo.pairs);
    free(memo.joined);
    for (uint32_t i = 0; i < b->ngraphs; i++) {
        const sc_graph *gb = b->graphs[i];
        const sc_graph *ga = state_graph(a, gb->id);
        state_set_graph(e, a, ga ? join_graph(e, ga, gb, a->edit) : gb);
    }
}

bool state_same_depths(const sc_state *a, const sc_state *b)
{
    if (a->tainted != b->tainted || a->ngraphs != b->ngraphs)
        return false;
    for (uint32_t i = 0; i < a->ngraphs; i++)
        if (a->graphs[i]->depth != b->graphs[i]->depth)
            return false;
    return true;
}

bool state_same_graphs(const sc_state *a, const sc_state *b)
{
    if (a->tainted != b->tainted || a->ngraphs != b->ngraphs)
        return false;
    for (uint32_t i = 0; i < a->ngraphs; i++)
        if (a->graphs[i] != b->graphs[i])
            return false;
    return true;
}

bool state_same_path(const sc_state *a, const sc_state *b)
{
    if (!state_same_graphs(a, b) || a->nframes != b->nframes)
        return false;
    for (uint32_t i = 0; i < a->nframes; i++)
        if (a->frames[i].vars.root != b->frames[i].vars.root ||
            a->frames[i].facts.root != b->frames[i].facts.root)
            return false;
    return true;
}

/* ---- the scope-count trie ---- */

static const char *component(sc_engine *e, const char **p)
{
    const char *s = *p, *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    *p = slash ? slash + 1 : NULL;
    return sc_istrn(e, s, n);
}

int64_t counts_get(sc_engine *e, const sc_counts *c, const char *name)
{
    const char *p = name;
    while (c && p) {
        const char *k = component(e, &p);
        c = pm_get(c->kids, k, sc_strhash(k));
    }
    return c ? c->count : 0;
}

static const sc_counts *counts_update(sc_engine *e, const sc_counts *c,
                                      const char *p, int64_t delta,
                                      bool close, uint32_t edit)
{
    static const sc_counts zero;
    sc_counts *n = sc_alloc(&e->arena, sizeof *n);
    *n = c ? *c : zero;
    if (!p) {
        if (close)
            n->kids = (pmap){NULL};
        else if (n->count != SC_COUNT_TOP)
            n->count += delta;
        return n;
    }
    const char *k = component(e, &p);
    const sc_counts *kid = pm_get(n->kids, k, sc_strhash(k));
    if (close && !kid)
        return c ? c : n;
    n->kids = pm_set_logged(&e->arena, n->kids, k, sc_strhash(k),
                            counts_update(e, kid, p, delta, close, edit),
                            edit, edit ? e->tx_undo : NULL);
    return n;
}

/* the edit id for g's counts: in place within the call in progress */
static uint32_t counts_edit_of(sc_engine *e, const sc_graph *g)
{
    return g && e->tx_undo && g->edit == e->tx_edit ? g->counts_edit : 0;
}

const sc_counts *counts_add(sc_engine *e, const sc_counts *c,
                            const char *name, int64_t delta)
{
    return counts_update(e, c, name, delta, false, 0);
}

const sc_counts *counts_close_subscopes(sc_engine *e, const sc_counts *c,
                                        const char *name)
{
    return counts_update(e, c, name, 0, true, 0);
}

const sc_counts *graph_counts_add(sc_engine *e, const sc_graph *g,
                                  const char *name, int64_t delta)
{
    return counts_update(e, g->counts, name, delta, false, counts_edit_of(e, g));
}

const sc_counts *graph_counts_close(sc_engine *e, const sc_graph *g,
                                    const char *name)
{
    return counts_update(e, g->counts, name, 0, true, counts_edit_of(e, g));
}

void graph_freeze_counts(sc_engine *e, sc_graph *g)
{
    if (g->counts_edit)
        g->counts_edit = sc_new_edit_for(e, g);
}

pmap graph_map_set(sc_engine *e, const sc_graph *g, pmap m, const void *key,
                   uint64_t hash, const void *val)
{
    if (e->tx_undo && g->edit == e->tx_edit)
        return pm_set_logged(&e->arena, m, key, hash, val, e->tx_edit,
                             e->tx_undo);
    return pm_set(&e->arena, m, key, hash, val);
}

const sc_scope *graph_scope(const sc_graph *g, uint32_t id)
{
    return id ? pm_get(g->scopes, (const void *)(uintptr_t)id,
                       pm_hash_int(id))
              : NULL;
}

void graph_put_scope(sc_engine *e, sc_graph *g, const sc_scope *s)
{
    assert(!g->in_state || g->edit);
    g->scopes = graph_map_set(e, g, g->scopes, (const void *)(uintptr_t)s->id,
                              pm_hash_int(s->id), s);
}

/* ---- names' records ---- */

static bool loc_same(const ir_loc *a, const ir_loc *b)
{
    return a->file == b->file && a->line == b->line && a->col == b->col &&
           a->end_line == b->end_line && a->end_col == b->end_col &&
           a->offset == b->offset && a->end_offset == b->end_offset;
}

/* the same call chain and loop turns: equal content (each path makes its
 * own, alike) */
static bool chain_same(const sc_chain *a, const sc_chain *b)
{
    for (; a != b; a = a->up, b = b->up)
        if (!a || !b || a->unit != b->unit || !loc_same(&a->call, &b->call) ||
            (a->callee != b->callee &&
             (!a->callee || !b->callee || strcmp(a->callee, b->callee) != 0)))
            return false;
    return true;
}

static bool iter_same(const sc_iter *a, const sc_iter *b)
{
    for (; a != b; a = a->up, b = b->up)
        if (!a || !b || a->unit != b->unit || a->n != b->n ||
            !loc_same(&a->loop, &b->loop))
            return false;
    return true;
}

typedef struct name_rec {
    sc_name n;
    const struct name_rec *next;  /* others of the same hash */
} name_rec;

const sc_name *state_name(sc_engine *e, int64_t count, const sc_site *first)
{
    uint64_t h = pm_hash_int((uint64_t)count ^
                             ((uint64_t)first->loc.offset << 20) ^
                             ((uint64_t)first->loc.file << 50) ^
                             (uint64_t)(uintptr_t)first->unit);
    for (const sc_iter *i = first->iter; i; i = i->up)
        h = pm_hash_int(h ^ (uint64_t)i->n ^ ((uint64_t)i->loop.offset << 24));
    const void *key = (const void *)(uintptr_t)h;
    const name_rec *list = pm_get(e->name_recs, key, h);
    for (const name_rec *r = list; r; r = r->next)
        if (r->n.count == count && r->n.first.unit == first->unit &&
            loc_same(&r->n.first.loc, &first->loc) &&
            chain_same(r->n.first.chain, first->chain) &&
            iter_same(r->n.first.iter, first->iter))
            return &r->n;
    name_rec *r = sc_alloc(&e->arena, sizeof *r);
    r->n.count = count;
    r->n.first = *first;
    r->next = list;
    if (!e->name_recs_edit)
        e->name_recs_edit = sc_new_edit_for(e, &e->name_recs);
    e->name_recs = pm_set_own(&e->arena, e->name_recs, key, h, r,
                               e->name_recs_edit);
    return &r->n;
}

const sc_graph *graph_join(sc_engine *e, const sc_graph *a,
                           const sc_graph *b)
{
    return join_graph(e, a, b, 0);
}

/* ---- prefix lists ---- */

bool plist_covers(const sc_plist *l, const char *key)
{
    for (; l; l = l->next)
        if (strncmp(key, l->prefix, strlen(l->prefix)) == 0)
            return true;
    return false;
}

const sc_plist *plist_add(sc_engine *e, const sc_plist *l, const char *p)
{
    if (plist_covers(l, p))
        return l;
    sc_plist *n = sc_alloc(&e->arena, sizeof *n);
    n->prefix = p;
    n->next = l;
    return n;
}

const sc_plist *plist_union(sc_engine *e, const sc_plist *a,
                            const sc_plist *b)
{
    if (a == b)
        return a;
    for (; b; b = b->next)
        a = plist_add(e, a, b->prefix);
    return a;
}
