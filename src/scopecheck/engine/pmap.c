#include "pmap.h"

#include <assert.h>
#include <string.h>

#define BITS 5
#define MASK 31u
#define MAX_SHIFT 60          /* past this, equal hashes share a chain */

/* A node is a branch (bitmap of used slots, kids packed in slot order) or
 * a leaf (one entry; leaves with the same full hash chain through next). */
struct pm_node {
    uint8_t leaf;
    uint32_t edit;            /* transient owner; 0: shared, never in place */
    uint32_t bitmap;
    uint32_t nkids;
    uint64_t hash;
    const void *key;
    const void *val;
    const pm_node *next;
    const pm_node *kids[];
};

static unsigned slot(uint64_t hash, unsigned shift)
{
    return (unsigned)(hash >> shift) & MASK;
}

static unsigned popcount(uint32_t x) { return (unsigned)__builtin_popcount(x); }

static _Thread_local uint32_t cur_edit;     /* the edit id of the update in progress */

static const pm_node *leaf_new(sc_arena *a, const void *key, uint64_t hash,
                               const void *val, const pm_node *next)
{
    assert(val);
    pm_node *n = sc_alloc(a, sizeof *n);
    n->edit = cur_edit;
    n->leaf = 1;
    n->hash = hash;
    n->key = key;
    n->val = val;
    n->next = next;
    return n;
}

static pm_node *branch_new(sc_arena *a, uint32_t bitmap)
{
    unsigned k = popcount(bitmap);
    pm_node *n = sc_alloc(a, sizeof *n + k * sizeof(pm_node *));
    n->edit = cur_edit;
    n->bitmap = bitmap;
    n->nkids = k;
    return n;
}

const void *pm_get(pmap m, const void *key, uint64_t hash)
{
    const pm_node *n = m.root;
    unsigned shift = 0;
    while (n && !n->leaf) {
        uint32_t bit = 1u << slot(hash, shift);
        if (!(n->bitmap & bit))
            return NULL;
        n = n->kids[popcount(n->bitmap & (bit - 1))];
        shift += BITS;
    }
    for (; n; n = n->next)
        if (n->key == key)
            return n->val;
    return NULL;
}

/* Replaces key's value in a collision chain, or prepends it. */
static const pm_node *chain_set(sc_arena *a, const pm_node *chain,
                                const void *key, uint64_t hash,
                                const void *val)
{
    if (!chain)
        return leaf_new(a, key, hash, val, NULL);
    if (chain->key == key) {
        if (chain->val == val)
            return chain;
        if (cur_edit && chain->edit == cur_edit) {
            /* made by this update sequence: nobody else sees it */
            ((pm_node *)chain)->val = val;
            return chain;
        }
        return leaf_new(a, key, hash, val, chain->next);
    }
    const pm_node *rest = chain_set(a, chain->next, key, hash, val);
    return rest == chain->next ? chain
                               : leaf_new(a, chain->key, chain->hash,
                                          chain->val, rest);
}

static const pm_node *set_node(sc_arena *a, const pm_node *n, const void *key,
                               uint64_t hash, const void *val, unsigned shift)
{
    if (!n)
        return leaf_new(a, key, hash, val, NULL);
    if (n->leaf) {
        if (n->hash == hash || shift > MAX_SHIFT)
            return chain_set(a, n, key, hash, val);
        /* Two different hashes: push the existing leaf one level down. */
        pm_node *b = branch_new(a, 1u << slot(n->hash, shift));
        b->kids[0] = n;
        n = b;
    }
    uint32_t bit = 1u << slot(hash, shift);
    unsigned idx = popcount(n->bitmap & (bit - 1));
    if (n->bitmap & bit) {
        const pm_node *kid = set_node(a, n->kids[idx], key, hash, val,
                                      shift + BITS);
        if (kid == n->kids[idx])
            return n;
        if (cur_edit && n->edit == cur_edit) {
            ((pm_node *)n)->kids[idx] = kid;
            return n;
        }
        pm_node *c = branch_new(a, n->bitmap);
        memcpy(c->kids, n->kids, n->nkids * sizeof(pm_node *));
        c->kids[idx] = kid;
        return c;
    }
    pm_node *c = branch_new(a, n->bitmap | bit);
    memcpy(c->kids, n->kids, idx * sizeof(pm_node *));
    c->kids[idx] = leaf_new(a, key, hash, val, NULL);
    memcpy(c->kids + idx + 1, n->kids + idx,
           (n->nkids - idx) * sizeof(pm_node *));
    return c;
}

pmap pm_set(sc_arena *a, pmap m, const void *key, uint64_t hash,
            const void *val)
{
    return pm_set_edit(a, m, key, hash, val, 0);
}

pmap pm_set_edit(sc_arena *a, pmap m, const void *key, uint64_t hash,
                 const void *val, uint32_t edit)
{
    assert(val);                  /* NULL means absent */
    cur_edit = edit;
    pmap r = {set_node(a, m.root, key, hash, val, 0)};
    cur_edit = 0;
    return r;
}

/* ---- join ---- */

typedef struct jctx {
    sc_arena *a;
    pm_join_fn fn;
    void *ctx;
} jctx;

/* A subtree present on one side only: join each entry with absence. */
static const pm_node *one_sided(jctx *j, const pm_node *n, int left)
{
    if (!n)
        return NULL;
    if (n->leaf) {
        const pm_node *rest = one_sided(j, n->next, left);
        const void *v = left ? j->fn(n->key, n->val, NULL, j->ctx)
                             : j->fn(n->key, NULL, n->val, j->ctx);
        assert(v);
        if (v == n->val && rest == n->next)
            return n;
        return leaf_new(j->a, n->key, n->hash, v, rest);
    }
    pm_node *c = NULL;
    for (unsigned i = 0; i < n->nkids; i++) {
        const pm_node *k = one_sided(j, n->kids[i], left);
        if (k != n->kids[i] && !c) {
            c = branch_new(j->a, n->bitmap);
            memcpy(c->kids, n->kids, n->nkids * sizeof(pm_node *));
        }
        if (c)
            c->kids[i] = k;
    }
    return c ? c : n;
}

static const void *chain_find(const pm_node *c, const void *key)
{
    for (; c; c = c->next)
        if (c->key == key)
            return c->val;
    return NULL;
}

static const pm_node *join_chains(jctx *j, const pm_node *x,
                                  const pm_node *y)
{
    const pm_node *out = NULL;
    for (const pm_node *c = x; c; c = c->next)
        out = leaf_new(j->a, c->key, c->hash,
                       j->fn(c->key, c->val, chain_find(y, c->key), j->ctx),
                       out);
    for (const pm_node *c = y; c; c = c->next)
        if (!chain_find(x, c->key))
            out = leaf_new(j->a, c->key, c->hash,
                           j->fn(c->key, NULL, c->val, j->ctx), out);
    return out;
}

/* A leaf seen as a branch of one kid at this level, so that a leaf and a
 * branch can be joined slot by slot. */
static const pm_node *as_branch(jctx *j, const pm_node *leaf, unsigned shift)
{
    pm_node *b = branch_new(j->a, 1u << slot(leaf->hash, shift));
    b->kids[0] = leaf;
    return b;
}

static const pm_node *join_node(jctx *j, const pm_node *x, const pm_node *y,
                                unsigned shift)
{
    if (x == y)
        return x;
    if (!x)
        return one_sided(j, y, 0);
    if (!y)
        return one_sided(j, x, 1);
    if (x->leaf && y->leaf && (x->hash == y->hash || shift > MAX_SHIFT))
        return join_chains(j, x, y);
    if (x->leaf)
        x = as_branch(j, x, shift);
    if (y->leaf)
        y = as_branch(j, y, shift);
    uint32_t bits = x->bitmap | y->bitmap;
    pm_node *c = branch_new(j->a, bits);
    unsigned i = 0, ix = 0, iy = 0;
    int same_as_x = bits == x->bitmap;
    for (uint32_t b = bits; b; b &= b - 1) {
        uint32_t bit = b & -b;
        const pm_node *kx = (x->bitmap & bit) ? x->kids[ix++] : NULL;
        const pm_node *ky = (y->bitmap & bit) ? y->kids[iy++] : NULL;
        c->kids[i] = join_node(j, kx, ky, shift + BITS);
        if (c->kids[i] != kx)
            same_as_x = 0;
        i++;
    }
    return same_as_x ? x : c;
}

pmap pm_join(sc_arena *a, pmap x, pmap y, pm_join_fn fn, void *ctx)
{
    cur_edit = 0;                 /* a join's nodes are shared: never edited */
    jctx j = {a, fn, ctx};
    pmap r = {join_node(&j, x.root, y.root, 0)};
    assert(x.root != y.root || r.root == x.root);   /* x join x is x */
    return r;
}

static void each(const pm_node *n, pm_each_fn fn, void *ctx)
{
    if (!n)
        return;
    if (n->leaf) {
        for (; n; n = n->next)
            fn(n->key, n->val, ctx);
        return;
    }
    for (unsigned i = 0; i < n->nkids; i++)
        each(n->kids[i], fn, ctx);
}

void pm_each(pmap m, pm_each_fn fn, void *ctx) { each(m.root, fn, ctx); }

static void count_one(const void *k, const void *v, void *ctx)
{
    (void)k;
    (void)v;
    (*(size_t *)ctx)++;
}

size_t pm_count(pmap m)
{
    size_t n = 0;
    pm_each(m, count_one, &n);
    return n;
}
