/* mmap and madvise are not in the C or POSIX.1-2008 headers' strict view */
#define _DEFAULT_SOURCE 1

#include "arena.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__unix__)
#include <sys/mman.h>
#endif

struct sc_arena_chunk {
    sc_arena_chunk *next;
    size_t used, size;
    size_t mapped;           /* bytes mapped (munmap at the end), or 0: malloc'd */
    bool zeroed;             /* fresh pages: nothing to clear */
    _Alignas(16) unsigned char data[];
};

/* An arena's chunks grow with it: 64 KiB while it is small (an IR of a
 * small file, an engine run over it), then up to BIG_CHUNK, mapped apart
 * and, on Linux, backed by huge pages where the system offers them
 * (madvise mode).  The engine's abstract state of a long function is
 * hundreds of MiB of small nodes reached in random order: with 4 KiB
 * pages nearly every step of a map lookup misses the TLB, and each page
 * is a fault of its own.  Fresh mapped pages are zero, so sc_alloc need
 * not clear them. */
#define SMALL_CHUNK (64 * 1024)
#define BIG_CHUNK ((size_t)4 << 20)
#define HUGE_PAGE ((size_t)2 << 20)

static sc_arena_chunk *chunk_map(size_t size)
{
#if defined(__unix__) && defined(MAP_ANONYMOUS)
    size_t bytes = sizeof(sc_arena_chunk) + size;
    bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    /* a huge page needs a 2 MiB aligned start: map one more and trim */
    unsigned char *p = mmap(NULL, bytes + HUGE_PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    size_t lead = (HUGE_PAGE - ((uintptr_t)p & (HUGE_PAGE - 1))) & (HUGE_PAGE - 1);
    if (lead)
        munmap(p, lead);
    munmap(p + lead + bytes, HUGE_PAGE - lead);
    p += lead;
#if defined(MADV_HUGEPAGE)
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    sc_arena_chunk *c = (sc_arena_chunk *)p;
    c->mapped = bytes;
    c->size = bytes - sizeof *c;
    c->zeroed = true;
    return c;
#else
    (void)size;
    return NULL;
#endif
}

static sc_arena_chunk *chunk_new(sc_arena *a, size_t n)
{
    /* big once the arena is: a chunk as large as what it holds, up to
     * BIG_CHUNK */
    size_t want = a->total < SMALL_CHUNK * 4 ? SMALL_CHUNK : a->total;
    if (want > BIG_CHUNK)
        want = BIG_CHUNK;
    if (want >= HUGE_PAGE) {
        sc_arena_chunk *c = chunk_map(n > want ? n : want);
        if (c)
            return c;
    }
    size_t size = n > 60000 ? n : SMALL_CHUNK - sizeof(sc_arena_chunk);
    sc_arena_chunk *c = sc_xmalloc(sizeof *c + size);
    c->size = size;
    c->mapped = 0;
    c->zeroed = false;
    return c;
}

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

void *sc_alloc(sc_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    sc_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        c = chunk_new(a, n);
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    if (!c->zeroed)
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
#if defined(__unix__) && defined(MAP_ANONYMOUS)
        if (c->mapped)
            munmap(c, c->mapped);
        else
#endif
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
