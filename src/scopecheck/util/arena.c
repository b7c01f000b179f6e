#include "arena.h"

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
        c = sc_xmalloc(sizeof *c + size);
        c->used = 0;
        c->size = size;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
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
 * (names never do). */
const char *sc_intern(sc_interner *in, const char *s, size_t len)
{
    if (in->count * 2 >= in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 256;
        const char **slots = sc_xmalloc(cap * sizeof *slots);
        memset(slots, 0, cap * sizeof *slots);
        for (size_t i = 0; i < in->cap; i++) {
            const char *k = in->slots[i];
            if (!k)
                continue;
            size_t j = sc_hash(k, strlen(k)) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = k;
        }
        free(in->slots);
        in->slots = slots;
        in->cap = cap;
    }
    size_t j = sc_hash(s, len) & (in->cap - 1);
    for (; in->slots[j]; j = (j + 1) & (in->cap - 1))
        if (strncmp(in->slots[j], s, len) == 0 && in->slots[j][len] == '\0')
            return in->slots[j];
    in->slots[j] = sc_strndup(in->arena, s, len);
    in->count++;
    return in->slots[j];
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
