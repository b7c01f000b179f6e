/* The engine's entry: builds the program's function table, finds the entry
 * points and runs each from a fresh state. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_int.h"

void sc_run_entry(sc_engine *e, const sc_fn *fn, ir_unit *const *units,
                  size_t nunits);
void sc_emit_function_leaks(sc_engine *e);

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

void sc_emit(sc_engine *e, const sc_event *ev)
{
    if (e->emit)
        e->emit(ev, e->emit_ctx);
}

static void mark_called(sc_engine *e, const ir_unit *u, const ir_expr *x)
{
    if (!x)
        return;
    if ((x->kind == IR_CALL || x->kind == IR_FUNCREF) && x->str) {
        const char *skey = sc_fmt(e, "%p:%s", (const void *)u, x->str);
        sc_fn *fn = (sc_fn *)pm_get(e->statics, skey, sc_strhash(skey));
        if (!fn) {
            const char *k = sc_istr(e, x->str);
            fn = (sc_fn *)pm_get(e->funcs, k, sc_strhash(k));
        }
        if (fn)
            fn->called = true;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        mark_called(e, u, x->kids[i]);
}

static void mark_stmt(sc_engine *e, const ir_unit *u, const ir_stmt *s)
{
    if (!s)
        return;
    mark_called(e, u, s->e);
    mark_called(e, u, s->step);
    mark_stmt(e, u, s->init);
    for (uint32_t i = 0; i < s->nbody; i++)
        mark_stmt(e, u, s->body[i]);
}

/* ---- which functions reach the library ---- */

typedef struct reach {
    sc_engine *e;
    bool changed;
    const sc_alias *aliases;
    size_t naliases;
} reach;

static bool is_lib(const reach *r, const char *name)
{
    for (size_t i = 0; i < r->naliases; i++)
        if (strcmp(r->aliases[i].name, name) == 0)
            return true;
    return sc_is_library_function(name);
}

static bool expr_reaches(reach *r, const ir_unit *u, const ir_expr *x)
{
    if (!x)
        return false;
    if (x->kind == IR_CALL && x->str) {
        if (is_lib(r, x->str))
            return true;
        const char *skey = sc_fmt(r->e, "%p:%s", (const void *)u, x->str);
        const sc_fn *fn = pm_get(r->e->statics, skey, sc_strhash(skey));
        if (!fn) {
            const char *k = sc_istr(r->e, x->str);
            fn = pm_get(r->e->funcs, k, sc_strhash(k));
        }
        if (fn && fn->reaches)
            return true;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        if (expr_reaches(r, u, x->kids[i]))
            return true;
    return false;
}

static bool stmt_reaches(reach *r, const ir_unit *u, const ir_stmt *s)
{
    if (!s)
        return false;
    if (expr_reaches(r, u, s->e) || expr_reaches(r, u, s->step) ||
        stmt_reaches(r, u, s->init))
        return true;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (stmt_reaches(r, u, s->body[i]))
            return true;
    return false;
}

/* Marks sc_fn.reaches to a fixpoint (at most one pass per call-graph
 * depth; each pass is linear in the program). */
static void compute_reach(sc_engine *e, const sc_alias *aliases, size_t n)
{
    reach r = {e, true, aliases, n};
    while (r.changed) {
        r.changed = false;
        for (size_t i = 0; i < e->nfns; i++) {
            sc_fn *f = &e->fns[i];
            if (!f->reaches && stmt_reaches(&r, f->unit, f->fn->body)) {
                f->reaches = true;
                r.changed = true;
            }
        }
    }
}

static void register_functions(sc_engine *e, ir_unit *const *units,
                               size_t nunits)
{
    size_t total = 0;
    for (size_t u = 0; u < nunits; u++)
        total += units[u]->nfuncs;
    e->fns = calloc(total + 1, sizeof *e->fns);
    for (size_t u = 0; u < nunits; u++) {
        for (uint32_t i = 0; i < units[u]->nfuncs; i++) {
            sc_fn *f = &e->fns[e->nfns++];
            f->unit = units[u];
            f->fn = &units[u]->funcs[i];
            if (f->fn->is_static) {
                const char *k = sc_fmt(e, "%p:%s", (const void *)units[u],
                                       f->fn->name);
                e->statics = pm_set(&e->arena, e->statics, k, sc_strhash(k), f);
            } else {
                const char *k = sc_istr(e, f->fn->name);
                if (!pm_get(e->funcs, k, sc_strhash(k)))
                    e->funcs = pm_set(&e->arena, e->funcs, k, sc_strhash(k), f);
            }
        }
    }
}

static sc_engine *engine_new(void)
{
    sc_engine *e = calloc(1, sizeof *e);
    if (e)
        e->strings.arena = &e->arena;
    return e;
}

static void engine_free(sc_engine *e)
{
    free(e->fns);
    sc_interner_free(&e->strings);
    sc_arena_free(&e->arena);
    free(e);
}

void sc_reaching_functions(ir_unit *const *units, size_t nunits,
                           const sc_alias *aliases, size_t naliases,
                           void (*fn)(const char *name, void *ctx), void *ctx)
{
    sc_engine *e = engine_new();
    if (!e)
        return;
    register_functions(e, units, nunits);
    compute_reach(e, aliases, naliases);
    for (size_t i = 0; i < e->nfns; i++)
        if (e->fns[i].reaches && !e->fns[i].fn->is_static)
            fn(e->fns[i].fn->name, ctx);
    engine_free(e);
}

static bool is_entry_unit(const sc_engine_opts *o, const ir_unit *u)
{
    if (!o->entry_units)
        return true;
    for (size_t i = 0; i < o->nentry_units; i++)
        if (o->entry_units[i] == u)
            return true;
    return false;
}

void sc_analyze(ir_unit *const *units, size_t nunits,
                const sc_engine_opts *opts, sc_event_fn fn, void *ctx)
{
    sc_engine *e = engine_new();
    if (!e)
        return;
    e->opts = *opts;
    e->trace = getenv("SCOPECHECK_TRACE") != NULL;
    e->emit = fn;
    e->emit_ctx = ctx;
    e->max_steps = 50 * 1000 * 1000;
    /* The memory budget grows with the program (256 MiB, and 4 bytes of
     * abstract state per byte of IR: a straight run of 100,000 calls
     * needs about 3): one function whose paths multiply, as in a library
     * with an allocation-failure path after every call, stops there. */
    size_t ir_bytes = 0;
    for (size_t u = 0; u < nunits; u++)
        ir_bytes += units[u]->arena.total;
    e->max_memory = ((size_t)256 << 20) + 4 * ir_bytes;
    register_functions(e, units, nunits);
    compute_reach(e, opts->aliases, opts->naliases);
    for (size_t u = 0; u < nunits; u++) {
        for (uint32_t i = 0; i < units[u]->nfuncs; i++)
            mark_stmt(e, units[u], units[u]->funcs[i].body);
        for (uint32_t i = 0; i < units[u]->nglobals; i++)
            mark_called(e, units[u], units[u]->globals[i].init);
    }
    /* main first, then every function nobody calls, in source order;
     * entry points that cannot reach the library are not simulated */
    for (size_t i = 0; i < e->nfns; i++)
        if (e->fns[i].reaches && strcmp(e->fns[i].fn->name, "main") == 0 &&
            !e->fns[i].fn->is_static && is_entry_unit(opts, e->fns[i].unit))
            sc_run_entry(e, &e->fns[i], units, nunits);
    for (size_t i = 0; i < e->nfns; i++)
        if (e->fns[i].reaches && !e->fns[i].called &&
            strcmp(e->fns[i].fn->name, "main") != 0 &&
            is_entry_unit(opts, e->fns[i].unit))
            sc_run_entry(e, &e->fns[i], units, nunits);
    sc_emit_function_leaks(e);
    if (getenv("SCOPECHECK_STATS"))
        fprintf(stderr, "scopecheck: engine: %zu functions, %.1f MiB of "
                        "abstract state (budget %.1f MiB), %zu strings\n",
                e->nfns, e->arena.total / 1048576.0,
                e->max_memory / 1048576.0, e->strings.count);
    engine_free(e);
}
