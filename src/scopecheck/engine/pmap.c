#include "pmap.h"

#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define BITS 5
#define MASK 31u
#define MAX_SHIFT 60          /* past this, equal hashes share a chain */

/* A node is a branch (bitmap of used slots, kids packed in slot order) or
 * a leaf (one entry; leaves with the same full hash chain through next).
 * Both begin with the head; a branch is the head and its kids, so that a
 * path copy costs 16 bytes and 8 per kid. */
struct pm_node {
    uint32_t edit;            /* transient owner; 0: shared, never in place */
    uint32_t bitmap;          /* branch: the slots used */
    uint8_t leaf;
    uint8_t nkids;            /* branch: kids, and room for kids */
    uint8_t cap;
};

typedef struct pm_leaf {
    pm_node h;
    uint64_t hash;
    const void *key;
    const void *val;
    const struct pm_leaf *next;
} pm_leaf;

typedef struct pm_branch {
    pm_node h;
    const pm_node *kids[];
} pm_branch;

#define LEAF(n) ((const pm_leaf *)(n))
#define KIDS(n) (((const pm_branch *)(n))->kids)

static unsigned slot(uint64_t hash, unsigned shift)
{
    return (unsigned)(hash >> shift) & MASK;
}

/* without -mpopcnt, __builtin_popcount is a libgcc call: the map's
 * hottest instruction is worth spelling out */
static unsigned popcount(uint32_t x)
{
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (x * 0x01010101u) >> 24;
}

static _Thread_local uint32_t cur_edit;     /* the edit id of the update in progress */
static _Thread_local pm_undo *cur_undo;     /* its undo log, if any */

/* Saves n bytes at p in the undo log before they are written in place. */
static void save(void *p, size_t n)
{
    pm_undo *u = cur_undo;
    if (!u)
        return;
    if (u->len == u->cap || u->bytes_len + n > u->bytes_cap) {
        u->cap = u->cap ? 2 * u->cap : 16;
        u->items = realloc(u->items, u->cap * sizeof *u->items);
        while (u->bytes_len + n > u->bytes_cap)
            u->bytes_cap = u->bytes_cap ? 2 * u->bytes_cap : 1024;
        u->bytes = realloc(u->bytes, u->bytes_cap);
        if (!u->items || !u->bytes)
            abort();
    }
    u->items[u->len].at = p;
    u->items[u->len].n = n;
    u->items[u->len++].off = u->bytes_len;
    memcpy(u->bytes + u->bytes_len, p, n);
    u->bytes_len += n;
}

/* An in-place write of a node's pointer word (memcpy: a value pointer or
 * a kid pointer), logged. */
static void patch(const void *slot_addr, const void *val)
{
    void *p = (void *)(uintptr_t)slot_addr;
    save(p, sizeof val);
    memcpy(p, &val, sizeof val);
}

static _Thread_local pm_shared *cur_shared; /* pm_shared_use */

void pm_shared_use(pm_shared *t) { cur_shared = t; }

void pm_shared_free(pm_shared *t)
{
    if (cur_shared == t)
        cur_shared = NULL;
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* A slot holds a leaf's address in its low 48 bits (user space on the
 * machines we build for) and 16 bits of the leaf's mixed hash above them:
 * a probe reads the slot alone, and follows the pointer (a cache miss in
 * a table of millions) only when the tag matches. */
#define TAG_SHIFT 48
#define ADDR_MASK ((UINT64_C(1) << TAG_SHIFT) - 1)

static uint64_t shared_mix(const void *key, uint64_t hash, const void *val)
{
    (void)key;                    /* hash is the key's */
    return pm_hash_int(hash ^ ((uint64_t)(uintptr_t)val * 0x9e3779b97f4a7c15ull));
}

static const pm_leaf *slot_leaf(uint64_t w)
{
    return (const pm_leaf *)(uintptr_t)(w & ADDR_MASK);
}

static size_t shared_slot(const pm_shared *t, const void *key, uint64_t hash,
                          const void *val, uint64_t mix)
{
    uint64_t tag = mix >> TAG_SHIFT;
    size_t i = (size_t)mix & (t->cap - 1);
    for (;;) {
        uint64_t w = t->slots[i];
        if (!w)
            return i;
        if (w >> TAG_SHIFT == tag) {
            const pm_leaf *l = slot_leaf(w);
            if (l->key == key && l->val == val && l->hash == hash)
                return i;
        }
        i = (i + 1) & (t->cap - 1);
    }
}

static void shared_grow(pm_shared *t)
{
    pm_shared old = *t;
    t->cap = old.cap ? 2 * old.cap : 1024;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots)
        abort();
    for (size_t i = 0; i < old.cap; i++) {
        uint64_t w = old.slots[i];
        if (!w)
            continue;
        /* every leaf in the table is distinct: the first empty slot */
        const pm_leaf *l = slot_leaf(w);
        size_t j = (size_t)shared_mix(l->key, l->hash, l->val) & (t->cap - 1);
        while (t->slots[j])
            j = (j + 1) & (t->cap - 1);
        t->slots[j] = w;
    }
    free(old.slots);
}

/* The leaf (key, hash, val) with no chain: the shared one, if a table of
 * arena a is in use. */
static const pm_leaf *shared_leaf(sc_arena *a, const void *key, uint64_t hash,
                                  const void *val)
{
    pm_shared *t = cur_shared;
    if (4 * (t->count + 1) > 3 * t->cap)     /* up to 3/4 full */
        shared_grow(t);
    uint64_t mix = shared_mix(key, hash, val);
    size_t i = shared_slot(t, key, hash, val, mix);
    if (!t->slots[i]) {
        pm_leaf *n = sc_alloc(a, sizeof *n);
        n->h.edit = 0;            /* shared: never changed in place */
        n->h.leaf = 1;
        n->hash = hash;
        n->key = key;
        n->val = val;
        assert(((uint64_t)(uintptr_t)n & ~ADDR_MASK) == 0);
        t->slots[i] = (uint64_t)(uintptr_t)n | (mix >> TAG_SHIFT) << TAG_SHIFT;
        t->count++;
    }
    return slot_leaf(t->slots[i]);
}

static _Thread_local bool cur_own;          /* pm_set_own in progress */

static const pm_node *leaf_new(sc_arena *a, const void *key, uint64_t hash,
                               const void *val, const pm_leaf *next)
{
    assert(val);
    if (!next && !cur_own && cur_shared && cur_shared->arena == a)
        return &shared_leaf(a, key, hash, val)->h;
    pm_leaf *n = sc_alloc(a, sizeof *n);
    n->h.edit = cur_edit;
    n->h.leaf = 1;
    n->hash = hash;
    n->key = key;
    n->val = val;
    n->next = next;
    return &n->h;
}

/* A branch with room for its kids; one that a key is inserted into under
 * an edit id gets room to grow (grow), so that inserting the next key
 * does not copy it again.  A copy made to replace a kid gets no room: an
 * id that does not outlive one call would only waste it. */
static pm_branch *branch_new_room(sc_arena *a, uint32_t bitmap, bool grow)
{
    unsigned k = popcount(bitmap), cap = k;
    if (grow && cur_edit && k < 32)
        cap = k < 4 ? 4 : k < 8 ? 8 : k < 16 ? 16 : 32;
    pm_branch *n = sc_alloc(a, sizeof *n + cap * sizeof(pm_node *));
    n->h.edit = cur_edit;
    n->h.bitmap = bitmap;
    n->h.nkids = (uint8_t)k;
    n->h.cap = (uint8_t)cap;
    return n;
}

static pm_branch *branch_new(sc_arena *a, uint32_t bitmap)
{
    return branch_new_room(a, bitmap, false);
}

const void *pm_get(pmap m, const void *key, uint64_t hash)
{
    const pm_node *n = m.root;
    unsigned shift = 0;
    while (n && !n->leaf) {
        uint32_t bit = 1u << slot(hash, shift);
        if (!(n->bitmap & bit))
            return NULL;
        n = KIDS(n)[popcount(n->bitmap & (bit - 1))];
        shift += BITS;
    }
    for (const pm_leaf *l = LEAF(n); l; l = l->next)
        if (l->key == key)
            return l->val;
    return NULL;
}

/* Replaces key's value in a collision chain, or prepends it. */
static const pm_leaf *chain_set(sc_arena *a, const pm_leaf *chain,
                                const void *key, uint64_t hash,
                                const void *val)
{
    if (!chain)
        return LEAF(leaf_new(a, key, hash, val, NULL));
    if (chain->key == key) {
        if (chain->val == val)
            return chain;
        if (cur_edit && chain->h.edit == cur_edit) {
            /* made by this update sequence: nobody else sees it */
            patch(&chain->val, val);
            return chain;
        }
        return LEAF(leaf_new(a, key, hash, val, chain->next));
    }
    const pm_leaf *rest = chain_set(a, chain->next, key, hash, val);
    return rest == chain->next ? chain
                               : LEAF(leaf_new(a, chain->key, chain->hash,
                                               chain->val, rest));
}

static const pm_node *set_node(sc_arena *a, const pm_node *n, const void *key,
                               uint64_t hash, const void *val, unsigned shift)
{
    if (!n)
        return leaf_new(a, key, hash, val, NULL);
    if (n->leaf) {
        if (LEAF(n)->hash == hash || shift > MAX_SHIFT)
            return &chain_set(a, LEAF(n), key, hash, val)->h;
        /* Two different hashes: push the existing leaf one level down. */
        pm_branch *b = branch_new_room(a, 1u << slot(LEAF(n)->hash, shift), true);
        b->kids[0] = n;
        n = &b->h;
    }
    uint32_t bit = 1u << slot(hash, shift);
    unsigned idx = popcount(n->bitmap & (bit - 1));
    bool mine = cur_edit && n->edit == cur_edit;
    if (n->bitmap & bit) {
        const pm_node *kid = set_node(a, KIDS(n)[idx], key, hash, val,
                                      shift + BITS);
        if (kid == KIDS(n)[idx])
            return n;
        if (mine) {
            patch(&KIDS(n)[idx], kid);
            return n;
        }
        pm_branch *c = branch_new(a, n->bitmap);
        memcpy(c->kids, KIDS(n), n->nkids * sizeof(pm_node *));
        c->kids[idx] = kid;
        return &c->h;
    }
    const pm_node *leaf = leaf_new(a, key, hash, val, NULL);
    if (mine && n->nkids < n->cap) {
        /* room left in a branch of this update sequence: insert in place */
        pm_branch *b = (pm_branch *)(uintptr_t)n;
        save(b, sizeof *b + n->nkids * sizeof(pm_node *));
        memmove(b->kids + idx + 1, b->kids + idx,
                (n->nkids - idx) * sizeof(pm_node *));
        b->kids[idx] = leaf;
        b->h.bitmap |= bit;
        b->h.nkids++;
        return n;
    }
    pm_branch *c = branch_new_room(a, n->bitmap | bit, true);
    memcpy(c->kids, KIDS(n), idx * sizeof(pm_node *));
    c->kids[idx] = leaf;
    memcpy(c->kids + idx + 1, KIDS(n) + idx,
           (n->nkids - idx) * sizeof(pm_node *));
    return &c->h;
}

pmap pm_set(sc_arena *a, pmap m, const void *key, uint64_t hash,
            const void *val)
{
    return pm_set_edit(a, m, key, hash, val, 0);
}

pmap pm_set_edit(sc_arena *a, pmap m, const void *key, uint64_t hash,
                 const void *val, uint32_t edit)
{
    return pm_set_logged(a, m, key, hash, val, edit, NULL);
}

pmap pm_set_logged(sc_arena *a, pmap m, const void *key, uint64_t hash,
                   const void *val, uint32_t edit, pm_undo *log)
{
    assert(val);                  /* NULL means absent */
    assert(!log || edit);         /* nothing in place without an id */
    cur_edit = edit;
    cur_undo = log;
    pmap r = {set_node(a, m.root, key, hash, val, 0)};
    cur_edit = 0;
    cur_undo = NULL;
    return r;
}

pmap pm_set_own(sc_arena *a, pmap m, const void *key, uint64_t hash,
                const void *val, uint32_t edit)
{
    cur_own = true;
    pmap r = pm_set_logged(a, m, key, hash, val, edit, NULL);
    cur_own = false;
    return r;
}

void pm_undo_rollback(pm_undo *log)
{
    while (log->len > 0) {
        log->len--;
        memcpy(log->items[log->len].at, log->bytes + log->items[log->len].off,
               log->items[log->len].n);
    }
    log->bytes_len = 0;
}

void pm_undo_free(pm_undo *log)
{
    free(log->items);
    free(log->bytes);
    memset(log, 0, sizeof *log);
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
        const pm_leaf *l = LEAF(n);
        const pm_leaf *rest = LEAF(one_sided(j, l->next ? &l->next->h : NULL, left));
        const void *v = left ? j->fn(l->key, l->val, NULL, j->ctx)
                             : j->fn(l->key, NULL, l->val, j->ctx);
        assert(v);
        if (v == l->val && rest == l->next)
            return n;
        return leaf_new(j->a, l->key, l->hash, v, rest);
    }
    pm_branch *c = NULL;
    for (unsigned i = 0; i < n->nkids; i++) {
        const pm_node *k = one_sided(j, KIDS(n)[i], left);
        if (k != KIDS(n)[i] && !c) {
            c = branch_new(j->a, n->bitmap);
            memcpy(c->kids, KIDS(n), n->nkids * sizeof(pm_node *));
        }
        if (c)
            c->kids[i] = k;
    }
    return c ? &c->h : n;
}

static const void *chain_find(const pm_leaf *c, const void *key)
{
    for (; c; c = c->next)
        if (c->key == key)
            return c->val;
    return NULL;
}

static const pm_node *join_chains(jctx *j, const pm_leaf *x,
                                  const pm_leaf *y)
{
    const pm_leaf *out = NULL;
    for (const pm_leaf *c = x; c; c = c->next)
        out = LEAF(leaf_new(j->a, c->key, c->hash,
                            j->fn(c->key, c->val, chain_find(y, c->key), j->ctx),
                            out));
    for (const pm_leaf *c = y; c; c = c->next)
        if (!chain_find(x, c->key))
            out = LEAF(leaf_new(j->a, c->key, c->hash,
                                j->fn(c->key, NULL, c->val, j->ctx), out));
    return &out->h;
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
    if (x->leaf && y->leaf &&
        (LEAF(x)->hash == LEAF(y)->hash || shift > MAX_SHIFT))
        return join_chains(j, LEAF(x), LEAF(y));
    /* a leaf is seen as a branch of one kid at this level, so that a
     * leaf and a branch are joined slot by slot */
    const pm_node *one_x[1] = {x}, *one_y[1] = {y};
    uint32_t bx = x->leaf ? 1u << slot(LEAF(x)->hash, shift) : x->bitmap;
    uint32_t by = y->leaf ? 1u << slot(LEAF(y)->hash, shift) : y->bitmap;
    const pm_node *const *kx = x->leaf ? one_x : KIDS(x);
    const pm_node *const *ky = y->leaf ? one_y : KIDS(y);
    uint32_t bits = bx | by;
    const pm_node *kids[32];
    unsigned i = 0, ix = 0, iy = 0;
    bool same_as_x = bits == bx && !x->leaf;
    for (uint32_t b = bits; b; b &= b - 1) {
        uint32_t bit = b & -b;
        const pm_node *a = (bx & bit) ? kx[ix++] : NULL;
        const pm_node *c = (by & bit) ? ky[iy++] : NULL;
        kids[i] = join_node(j, a, c, shift + BITS);
        if (kids[i] != a)
            same_as_x = false;
        i++;
    }
    if (same_as_x)
        return x;
    pm_branch *c = branch_new(j->a, bits);
    memcpy(c->kids, kids, i * sizeof(pm_node *));
    return &c->h;
}

pmap pm_join(sc_arena *a, pmap x, pmap y, pm_join_fn fn, void *ctx)
{
    return pm_join_edit(a, x, y, fn, ctx, 0);
}

pmap pm_join_edit(sc_arena *a, pmap x, pmap y, pm_join_fn fn, void *ctx,
                  uint32_t edit)
{
    cur_edit = edit;              /* the branches the join makes */
    jctx j = {a, fn, ctx};
    pmap r = {join_node(&j, x.root, y.root, 0)};
    cur_edit = 0;
    assert(x.root != y.root || r.root == x.root);   /* x join x is x */
    return r;
}

static void each(const pm_node *n, pm_each_fn fn, void *ctx)
{
    if (!n)
        return;
    if (n->leaf) {
        for (const pm_leaf *l = LEAF(n); l; l = l->next)
            fn(l->key, l->val, ctx);
        return;
    }
    for (unsigned i = 0; i < n->nkids; i++)
        each(KIDS(n)[i], fn, ctx);
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
