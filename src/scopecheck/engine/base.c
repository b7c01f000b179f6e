/* The engine's core services: interning, formatting, hashing, emitting. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "pmap.h"

void sc_engine_init(sc_engine *e)
{
    memset(e, 0, sizeof *e);
    e->strings.arena = &e->arena;
}

void sc_engine_release(sc_engine *e)
{
    sc_interner_free(&e->strings);
    sc_arena_free(&e->arena);
}

const char *sc_istrn(sc_engine *e, const char *s, size_t n)
{
    return sc_intern(&e->strings, s, n);
}

const char *sc_istr(sc_engine *e, const char *s)
{
    return s ? sc_intern_cstr(&e->strings, s) : NULL;
}

const char *sc_fmt(sc_engine *e, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof buf)
        return sc_istrn(e, buf, (size_t)n);
    char *big = sc_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    const char *s = sc_istrn(e, big, (size_t)n);
    free(big);
    return s;
}

uint64_t sc_strhash(const char *interned)
{
    return pm_hash_int((uint64_t)(uintptr_t)interned);
}

void sc_emit(sc_engine *e, const struct sc_event *ev)
{
    if (e->emit)
        e->emit(ev, e->emit_ctx);
}
