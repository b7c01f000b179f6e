/* Hash maps for the lowering: cursor -> index (declarations to their
 * symbols, names) and uint64 -> uint32 (labels, macro invocations). */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

void fe_cmap_init(cmap *m)
{
    memset(m, 0, sizeof *m);
    m->gen = 1;
}

void fe_cmap_free(cmap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->gens);
    memset(m, 0, sizeof *m);
}

void fe_cmap_clear(cmap *m)
{
    m->gen++;
    m->count = 0;
}

bool fe_cmap_get(const cmap *m, CXCursor c, uint32_t *out)
{
    if (!m->cap)
        return false;
    size_t i = clang_hashCursor(c) & (m->cap - 1);
    while (m->gens[i] == m->gen) {
        if (clang_equalCursors(m->keys[i], c)) {
            *out = m->vals[i];
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}

void fe_cmap_put(cmap *m, CXCursor c, uint32_t v);

static void cmap_grow(cmap *m)
{
    size_t oc = m->cap;
    CXCursor *ok = m->keys;
    uint32_t *ov = m->vals, *og = m->gens;
    uint32_t gen = m->gen;
    m->cap = oc ? oc * 2 : 64;
    m->keys = sc_xmalloc(m->cap * sizeof *m->keys);
    m->vals = sc_xmalloc(m->cap * sizeof *m->vals);
    m->gens = sc_xmalloc(m->cap * sizeof *m->gens);
    memset(m->gens, 0, m->cap * sizeof *m->gens);
    m->gen = 1;
    m->count = 0;
    for (size_t i = 0; i < oc; i++)
        if (og[i] == gen)
            fe_cmap_put(m, ok[i], ov[i]);
    free(ok);
    free(ov);
    free(og);
}

void fe_cmap_put(cmap *m, CXCursor c, uint32_t v)
{
    if ((m->count + 1) * 2 > m->cap)
        cmap_grow(m);
    size_t i = clang_hashCursor(c) & (m->cap - 1);
    while (m->gens[i] == m->gen) {
        if (clang_equalCursors(m->keys[i], c)) {
            m->vals[i] = v;
            return;
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = c;
    m->vals[i] = v;
    m->gens[i] = m->gen;
    m->count++;
}

bool fe_umap_get(const umap *m, uint64_t k, uint32_t *out)
{
    if (!m->cap)
        return false;
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == k) {
            *out = m->vals[i];
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}

/* k must not be 0 */
void fe_umap_put(umap *m, uint64_t k, uint32_t v)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t oc = m->cap;
        uint64_t *ok = m->keys;
        uint32_t *ov = m->vals;
        m->cap = oc ? oc * 2 : 64;
        m->keys = sc_xmalloc(m->cap * sizeof *m->keys);
        m->vals = sc_xmalloc(m->cap * sizeof *m->vals);
        memset(m->keys, 0, m->cap * sizeof *m->keys);
        m->count = 0;
        for (size_t i = 0; i < oc; i++)
            if (ok[i])
                fe_umap_put(m, ok[i], ov[i]);
        free(ok);
        free(ov);
    }
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 20) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->count++;
    m->keys[i] = k;
    m->vals[i] = v;
}

void fe_umap_clear(umap *m)
{
    if (m->cap)
        memset(m->keys, 0, m->cap * sizeof *m->keys);
    m->count = 0;
}

void fe_umap_free(umap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
