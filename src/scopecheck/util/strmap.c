#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

static size_t find(const sc_strmap *m, const char *key)
{
    size_t j = sc_hash(key, strlen(key)) & (m->cap - 1);
    while (m->keys[j] && strcmp(m->keys[j], key) != 0)
        j = (j + 1) & (m->cap - 1);
    return j;
}

void *sc_strmap_get(const sc_strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    size_t j = find(m, key);
    return m->keys[j] ? m->vals[j] : NULL;
}

void sc_strmap_put(sc_strmap *m, const char *key, void *val)
{
    if ((m->count + 1) * 2 > m->cap) {
        sc_strmap old = *m;
        m->cap = old.cap ? old.cap * 2 : 64;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        if (!m->keys || !m->vals)
            abort();
        m->count = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = find(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
                m->count++;
            }
        free(old.keys);
        free(old.vals);
    }
    size_t j = find(m, key);
    if (!m->keys[j]) {
        m->keys[j] = sc_xstrdup(key);
        m->count++;
    }
    m->vals[j] = val;
}

void sc_strmap_free(sc_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = m->count = 0;
}
