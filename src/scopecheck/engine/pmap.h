/* A persistent (immutable) hash array mapped trie.
 *
 * The engine forks its abstract state at every branch it cannot decide and
 * joins states where paths meet.  With persistent maps a fork is a copy of
 * a root pointer, an update copies one path of the trie, and a join walks
 * only the parts of the two tries that differ (shared subtrees are equal
 * pointers and are skipped).  That keeps the analysis linear in the program
 * instead of quadratic in (branches x state size).
 *
 * Keys are pointers compared by identity (interned strings, or small
 * integers cast to pointers) with a caller-supplied 64-bit hash.  Values
 * are non-NULL pointers.  Nodes live in an arena. */
#ifndef SC_PMAP_H
#define SC_PMAP_H

#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

typedef struct pm_node pm_node;
typedef struct pmap { const pm_node *root; } pmap;

const void *pm_get(pmap m, const void *key, uint64_t hash);
pmap pm_set(sc_arena *a, pmap m, const void *key, uint64_t hash,
            const void *val);
/* The same, but nodes made by earlier calls with the same non-zero edit
 * id are updated in place ("transient" updates).  The caller promises
 * that nothing else holds a map containing nodes of that id: a sequence
 * of updates that nobody observes halfway (one library call, one path's
 * variables between forks) makes one copy of each path, not one per
 * update. */
pmap pm_set_edit(sc_arena *a, pmap m, const void *key, uint64_t hash,
                 const void *val, uint32_t edit);

/* pm_set_edit for a table with one owner whose keys are its own (the
 * engine's tables of literals, strings' values, names' records, value
 * holders): its leaves are not shared by content (pm_shared), since no
 * other map has them; looking them up there only fills the table. */
pmap pm_set_own(sc_arena *a, pmap m, const void *key, uint64_t hash,
                const void *val, uint32_t edit);

/* An undo log of in-place updates.  A state's own maps are updated in
 * place under its edit id; a library call that turns out to fail (or to
 * fail on some runs only) must leave the maps as they were, so the call's
 * updates go through pm_set_logged, which saves the bytes of a node it
 * overwrites, and pm_undo_rollback puts them back (in reverse order).
 * The nodes the updates made are then unreachable. */
typedef struct pm_undo {
    struct pm_undo_entry {
        void *at;                 /* bytes of a node, overwritten */
        size_t n, off;            /* how many; where they are kept */
    } *items;
    size_t len, cap;
    unsigned char *bytes;         /* what they were */
    size_t bytes_len, bytes_cap;
} pm_undo;

pmap pm_set_logged(sc_arena *a, pmap m, const void *key, uint64_t hash,
                   const void *val, uint32_t edit, pm_undo *log);
void pm_undo_rollback(pm_undo *log);
void pm_undo_free(pm_undo *log);

/* Leaves shared by content.  Paths that take the same names, store the
 * same values in the same variables, make the same ops, build maps whose
 * leaves are equal: while a table is in use (on this thread), a leaf
 * made in its arena with a key, hash and value that an earlier one has
 * is that earlier one.  Shared leaves are never updated in place. */
typedef struct pm_shared {
    sc_arena *arena;              /* the leaves' arena */
    uint64_t *slots;              /* open addressing: leaves, tagged
                                     (pmap.c: shared_slot) */
    size_t cap, count;
} pm_shared;

/* t in use from here on (NULL: none) */
void pm_shared_use(pm_shared *t);
void pm_shared_free(pm_shared *t);

/* join(key, va, vb, ctx): the value of key in the joined map; va or vb is
 * NULL where the key is absent on that side.  Must return non-NULL.  When
 * it returns va (or vb) unchanged for every key of a subtree present on one
 * side only, the subtree is shared, not copied. */
typedef const void *(*pm_join_fn)(const void *key, const void *va,
                                  const void *vb, void *ctx);
pmap pm_join(sc_arena *a, pmap x, pmap y, pm_join_fn join, void *ctx);
/* The same, the branches it makes marked with edit id edit (0: shared,
 * as pm_join's): the owner of a new id that alone will hold the result
 * updates them in place afterwards instead of copying them again. */
pmap pm_join_edit(sc_arena *a, pmap x, pmap y, pm_join_fn join, void *ctx,
                  uint32_t edit);

typedef void (*pm_each_fn)(const void *key, const void *val, void *ctx);
void pm_each(pmap m, pm_each_fn fn, void *ctx);
size_t pm_count(pmap m);

static inline uint64_t pm_hash_int(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
}

#endif
