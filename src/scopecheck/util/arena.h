/* Bump allocation for data that lives as long as one analysis (IR,
 * abstract values, persistent maps), and interning of strings so that
 * equal strings are equal pointers. */
#ifndef SC_ARENA_H
#define SC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct sc_arena_chunk sc_arena_chunk;
typedef struct sc_arena {
    sc_arena_chunk *head;
    size_t total;            /* bytes handed out, for memory reports */
} sc_arena;

void *sc_alloc(sc_arena *a, size_t n);          /* zeroed, 8-aligned */
char *sc_strndup(sc_arena *a, const char *s, size_t n);
char *sc_strdup(sc_arena *a, const char *s);
char *sc_printf(sc_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sc_arena_free(sc_arena *a);

/* A set of interned strings. */
typedef struct sc_interner {
    sc_arena *arena;
    uint64_t *slots;         /* a string's address in the low 48 bits,
                                16 bits of its hash above (arena.c) */
    size_t cap, count;
} sc_interner;

const char *sc_intern(sc_interner *in, const char *s, size_t len);
const char *sc_intern_cstr(sc_interner *in, const char *s);
void sc_interner_free(sc_interner *in);
uint64_t sc_hash(const char *s, size_t len);
/* FNV-1a, incremental: content hashes of files and summaries */
#define SC_FNV_INIT 1469598103934665603ull
uint64_t sc_fnv1a(uint64_t h, const void *p, size_t n);

/* Out of memory is fatal for the linter: it prints and exits 2. */
void *sc_xmalloc(size_t n);
void *sc_xrealloc(void *p, size_t n);
char *sc_xstrdup(const char *s);

/* A growable array of T: SC_VEC(T) v = {0}; SC_PUSH(v, x); v.len, v.items */
#define SC_VEC(T) struct { T *items; size_t len, cap; }
#define SC_PUSH(v, x)                                                      \
    do {                                                                   \
        if ((v).len == (v).cap) {                                          \
            (v).cap = (v).cap ? (v).cap * 2 : 8;                           \
            (v).items = sc_xrealloc((v).items, (v).cap * sizeof *(v).items); \
        }                                                                  \
        (v).items[(v).len++] = (x);                                        \
    } while (0)
#define SC_VEC_FREE(v) (free((v).items), (v).items = NULL, (v).len = (v).cap = 0)

#endif
