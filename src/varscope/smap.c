#include "smap.h"

#include <string.h>

#include "alloc.h"

uint64_t vs_smap_hash(const char *key, size_t len)
{
    uint64_t h = 1469598103934665603ull;            /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ull;
    }
    return h;
}

vs_smap_node *vs_smap_find(const vs_smap *m, const char *key, size_t len)
{
    if (m->nbuckets == 0)
        return NULL;
    uint64_t h = vs_smap_hash(key, len);
    for (vs_smap_node *n = m->buckets[h & (m->nbuckets - 1)]; n; n = n->next)
        if (n->hash == h && n->len == len && memcmp(n->key, key, len) == 0)
            return n;
    return NULL;
}

intptr_t vs_smap_get(const vs_smap *m, const char *key, intptr_t dflt)
{
    vs_smap_node *n = vs_smap_find(m, key, strlen(key));
    return n ? n->value : dflt;
}

static void grow(vs_smap *m)
{
    size_t nb = m->nbuckets ? m->nbuckets * 2 : 16;
    vs_smap_node **b = vs__malloc(nb * sizeof *b);
    if (!b)
        return;                  /* chains just get longer */
    memset(b, 0, nb * sizeof *b);
    for (size_t i = 0; i < m->nbuckets; i++) {
        vs_smap_node *n = m->buckets[i];
        while (n) {
            vs_smap_node *next = n->next;
            n->next = b[n->hash & (nb - 1)];
            b[n->hash & (nb - 1)] = n;
            n = next;
        }
    }
    vs__free(m->buckets);
    m->buckets = b;
    m->nbuckets = nb;
}

vs_smap_node *vs_smap_insert(vs_smap *m, const char *key, size_t len,
                             intptr_t value)
{
    if (m->count >= m->nbuckets - m->nbuckets / 4 || m->nbuckets == 0)
        grow(m);
    if (m->nbuckets == 0)
        return NULL;
    vs_smap_node *n = vs__malloc(sizeof *n + len + 1);
    if (!n)
        return NULL;
    n->hash = vs_smap_hash(key, len);
    n->value = value;
    n->len = len;
    memcpy(n->key, key, len);
    n->key[len] = '\0';
    vs_smap_node **head = &m->buckets[n->hash & (m->nbuckets - 1)];
    n->next = *head;
    *head = n;
    m->count++;
    return n;
}

void vs_smap_remove(vs_smap *m, vs_smap_node *node)
{
    vs_smap_node **p = &m->buckets[node->hash & (m->nbuckets - 1)];
    while (*p != node)
        p = &(*p)->next;
    *p = node->next;
    m->count--;
    vs__free(node);
}

void vs_smap_clear(vs_smap *m)
{
    for (size_t i = 0; i < m->nbuckets; i++) {
        vs_smap_node *n = m->buckets[i];
        while (n) {
            vs_smap_node *next = n->next;
            vs__free(n);
            n = next;
        }
    }
    vs__free(m->buckets);
    m->buckets = NULL;
    m->nbuckets = m->count = 0;
}

int vs_smap_copy(vs_smap *dst, const vs_smap *src)
{
    dst->buckets = NULL;
    dst->nbuckets = dst->count = 0;
    VS_SMAP_FOREACH(src, i, n) {
        if (!vs_smap_insert(dst, n->key, n->len, n->value)) {
            vs_smap_clear(dst);
            return -1;
        }
    }
    return 0;
}

int vs_smap_copy_nonzero(vs_smap *dst, const vs_smap *src)
{
    dst->buckets = NULL;
    dst->nbuckets = dst->count = 0;
    VS_SMAP_FOREACH(src, i, n) {
        if (n->value != 0 && !vs_smap_insert(dst, n->key, n->len, n->value)) {
            vs_smap_clear(dst);
            return -1;
        }
    }
    return 0;
}
