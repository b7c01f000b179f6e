/* Memory: a path's variables seen as C sees memory.
 *
 * A pointer into the program's variables (AV_REF) names a place: a
 * variable (frame, slot; frame 0 holds the globals and the heap), a path
 * of fields and indexes below it, and, for a pointer into an array, the
 * element it points at (`elem`, `off`; `off_unknown` when nobody knows
 * which).  So `&cfg.eval`, `buf + 5`, `&specs[i].name` and a `char *p`
 * walked by `p += sprintf(p, ...)` are all one kind of value, and a load
 * or a store through any of them reaches the variable's value.
 *
 * A char array holds its bytes as a string (AV_STR): the known bytes up
 * to the first NUL, then zeros (zero_rest) or unknown bytes; or, with no
 * NUL known (`open`), only its first bytes (a strncpy that truncated).
 * Writes of known bytes at a known offset (a char store, sprintf at an
 * offset, strncpy, memcpy into the middle, strcat) are computed as C
 * computes them; any other write into an array makes the whole array
 * unknown.
 *
 * A load that finds nothing known stores a fresh unknown there first, so
 * that reading the same field twice reads one run-time value (the facts
 * about it, facts.h, hold for both reads). */
#ifndef SC_MEM_H
#define SC_MEM_H

#include "state.h"

/* Heap objects (malloc) are variables of frame 0 from this slot on. */
#define MEM_HEAP_SLOT 0x40000000u

/* Where an unknown read in a field of an unknown struct comes from: that
 * struct (its identity) and the field (interned), the same for every copy
 * of the struct (facts key it as `s.field`).  NULL for any other value. */
typedef struct mem_origin {
    const av *of;
    const char *field;
} mem_origin;
const mem_origin *mem_derived_from(const sc_engine *e, const av *v);

/* *p: the value p points to (a char of a char array; an unknown when
 * nobody knows), made one run-time value if it was unknown. */
const av *mem_load(sc_engine *e, sc_state *st, const av *p);
/* *p without changing st (for the facts and the model). */
const av *mem_peek(sc_engine *e, const sc_state *st, const av *p);
/* *p = v; `byte`: p points to a char (an element of a char array). */
void mem_store(sc_engine *e, sc_state *st, const av *p, const av *v,
               bool byte);

/* &p->field, and p + delta (pointer arithmetic, in elements); unknown
 * where the engine cannot follow it. */
const av *mem_member(sc_engine *e, const av *p, const char *field);
const av *mem_add(sc_engine *e, const av *p, const av *delta);

/* The bytes p points to: s[0..n) known, no NUL among them; closed: then
 * a NUL; zero_rest: then only zeros.  False when nothing is known. */
typedef struct mem_text {
    const char *s;
    size_t n;
    bool closed, zero_rest;
} mem_text;
bool mem_text_at(sc_engine *e, const sc_state *st, const av *p, mem_text *t);
/* The C string p points to (interned), or NULL when not known. */
const char *mem_string(sc_engine *e, const sc_state *st, const av *p);
/* Writes n bytes at p: b's if known, else n bytes nobody knows (n may
 * then be SIZE_MAX: up to an unknown length). */
void mem_write(sc_engine *e, sc_state *st, const av *p, const char *b,
               size_t n, bool known);
/* A char array's value from the bytes of an initializer: len of them
 * given (NULs included), in an array of array_len (-1: unknown). */
const av *mem_chars(sc_engine *e, const char *b, size_t len,
                    int64_t array_len);

/* A new heap object (malloc, calloc: zeroed), as a pointer to its
 * first element. */
const av *mem_alloc(sc_engine *e, sc_state *st, bool zeroed);
/* The array p points to (a whole array: a field, a row of a 2-D array),
 * as a pointer to its first element. */
const av *mem_decay(sc_engine *e, const av *p);
/* Pointer arithmetic (p + k, p - k, p - q) and comparisons of pointers
 * into the program's variables and string literals; NULL when the
 * operands are not such pointers. */
const av *mem_binop(sc_engine *e, int op, const av *a, const av *b);

/* What a function the engine does not follow could change through v
 * becomes unknown: the places v points to, and what their values point
 * to in turn.  Each graph a value reached is passed to graph_fn. */
void mem_havoc_reachable(sc_engine *e, sc_state *st, const av *v,
                         void (*graph_fn)(void *ctx, uint32_t id),
                         void *ctx);

/* A loop's pointer variable after its first turns: still into the same
 * array, at an element nobody knows; any other value: unknown. */
const av *mem_widened(sc_engine *e, const av *v);

#endif
