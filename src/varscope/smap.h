/* A string-keyed hash map with separate chaining.  Nodes are stable in
 * memory, which lets the journal (graph.c) undo an insert or a value
 * change by pointing at the node. */
#ifndef VS_SMAP_H
#define VS_SMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct vs_smap_node {
    struct vs_smap_node *next;
    uint64_t hash;
    intptr_t value;
    size_t len;
    char key[];
} vs_smap_node;

typedef struct vs_smap {
    vs_smap_node **buckets;
    size_t nbuckets;
    size_t count;
} vs_smap;

uint64_t vs_smap_hash(const char *key, size_t len);
vs_smap_node *vs_smap_find(const vs_smap *m, const char *key, size_t len);
intptr_t vs_smap_get(const vs_smap *m, const char *key, intptr_t dflt);
/* Inserts a key that is not present.  NULL on allocation failure, with the
 * map unchanged.  Growing the bucket array is best effort. */
vs_smap_node *vs_smap_insert(vs_smap *m, const char *key, size_t len,
                             intptr_t value);
void vs_smap_remove(vs_smap *m, vs_smap_node *node);
/* Deep copy; 0 on success, -1 on allocation failure (dst left empty). */
int vs_smap_copy(vs_smap *dst, const vs_smap *src);
/* The same without the nodes whose value is 0 (counters: 0 = absent). */
int vs_smap_copy_nonzero(vs_smap *dst, const vs_smap *src);
void vs_smap_clear(vs_smap *m);

#define VS_SMAP_FOREACH(m, i, n)                                            \
    for (size_t i = 0; i < (m)->nbuckets; i++)                              \
        for (vs_smap_node *n = (m)->buckets[i]; n; n = n->next)

#endif
