#include "arena.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sc_arena_chunk {
    sc_arena_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

void *sc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("scopecheck: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

void *sc_xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("scopecheck: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

char *sc_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(sc_xmalloc(n), s, n);
}

/* 8-aligned: nothing the arena holds needs more (no long double), and
 * the engine's records and map nodes are multiples of 8 bytes: rounding
 * them to 16 cost a tenth of the abstract state */
void *sc_alloc(sc_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    sc_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > 60000 ? n : 64 * 1024 - sizeof *c;
        /* zeroed once, as a whole: bump allocation never hands out the
         * same bytes twice, so every allocation is zero already (and
         * calloc does not clear fresh pages from the system) */
        c = calloc(1, sizeof *c + size);
        if (!c) {
            fputs("scopecheck: out of memory\n", stderr);
            exit(2);
        }
        c->used = 0;
        c->size = size;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

char *sc_strndup(sc_arena *a, const char *s, size_t n)
{
    char *d = sc_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *sc_strdup(sc_arena *a, const char *s)
{
    return sc_strndup(a, s, strlen(s));
}

char *sc_printf(sc_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *d = sc_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void sc_arena_free(sc_arena *a)
{
    sc_arena_chunk *c = a->head;
    while (c) {
        sc_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total = 0;
}

uint64_t sc_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t sc_hash(const char *s, size_t len)
{
    uint64_t h = sc_fnv1a(SC_FNV_INIT, s, len);
    return h ^ (h >> 29);
}

/* Open addressing; strings are NUL-terminated and may not contain NUL
 * (names never do).  A slot holds a string's address in its low 48 bits (user space on the
 * machines we build for) and 16 bits of its hash above them: a probe
 * reads the string (a cache miss in a table of hundreds of thousands of
 * names) only when the tags match. */
#define STR_TAG_SHIFT 48
#define STR_ADDR_MASK ((UINT64_C(1) << STR_TAG_SHIFT) - 1)

static const char *slot_str(uint64_t w)
{
    return (const char *)(uintptr_t)(w & STR_ADDR_MASK);
}

const char *sc_intern(sc_interner *in, const char *s, size_t len)
{
    if (in->count * 2 >= in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 256;
        uint64_t *slots = sc_xmalloc(cap * sizeof *slots);
        memset(slots, 0, cap * sizeof *slots);
        for (size_t i = 0; i < in->cap; i++) {
            uint64_t w = in->slots[i];
            if (!w)
                continue;
            const char *k = slot_str(w);
            size_t j = sc_hash(k, strlen(k)) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = w;
        }
        free(in->slots);
        in->slots = slots;
        in->cap = cap;
    }
    uint64_t h = sc_hash(s, len);
    uint64_t tag = h >> STR_TAG_SHIFT;
    size_t j = h & (in->cap - 1);
    for (; in->slots[j]; j = (j + 1) & (in->cap - 1)) {
        uint64_t w = in->slots[j];
        if (w >> STR_TAG_SHIFT != tag)
            continue;
        const char *k = slot_str(w);
        if (strncmp(k, s, len) == 0 && k[len] == '\0')
            return k;
    }
    char *k = sc_strndup(in->arena, s, len);
    assert(((uint64_t)(uintptr_t)k & ~STR_ADDR_MASK) == 0);
    in->slots[j] = (uint64_t)(uintptr_t)k | tag << STR_TAG_SHIFT;
    in->count++;
    return k;
}

const char *sc_intern_cstr(sc_interner *in, const char *s)
{
    return sc_intern(in, s, strlen(s));
}

void sc_interner_free(sc_interner *in)
{
    free(in->slots);
    in->slots = NULL;
    in->cap = in->count = 0;
}
