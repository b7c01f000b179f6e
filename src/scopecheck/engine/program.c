/* The program's function table, who calls whom, and its globals. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "program.h"

static const char *static_key(sc_engine *e, const ir_unit *u,
                              const char *name)
{
    return sc_fmt(e, "%p:%s", (const void *)u, name);
}

/* Answers of program_find and program_library_function by the address of
 * the name asked about (and the unit): a program names the same few
 * functions thousands of times, with the same interned string, and an
 * answer costs a formatted key and two interned strings, or a scan of the
 * library's function table.  Open addressing; a name whose address is new
 * is simply asked again. */
typedef struct memo_slot {
    const void *unit;             /* &library_answer: a library function's */
    const char *name;             /* NULL: an empty slot */
    const void *found;
} memo_slot;

static const char library_answer;

typedef struct sc_lookup_memo {
    memo_slot *slots;
    size_t cap, count;
} sc_lookup_memo;

static size_t memo_index(const sc_lookup_memo *m, const void *unit,
                         const char *name)
{
    uint64_t h = pm_hash_int((uint64_t)(uintptr_t)name ^
                             (uint64_t)(uintptr_t)unit * 0x9e3779b97f4a7c15ull);
    size_t i = (size_t)h & (m->cap - 1);
    while (m->slots[i].name &&
           (m->slots[i].name != name || m->slots[i].unit != unit))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static bool memo_get(const sc_lookup_memo *m, const void *unit,
                     const char *name, const void **found)
{
    assert(m);
    if (!m->cap)
        return false;
    const memo_slot *s = &m->slots[memo_index(m, unit, name)];
    *found = s->found;
    return s->name != NULL;
}

static void memo_put(sc_lookup_memo *m, const void *unit, const char *name,
                     const void *found)
{
    assert(m);
    if (2 * (m->count + 1) > m->cap) {
        sc_lookup_memo old = *m;
        m->cap = old.cap ? 2 * old.cap : 256;
        m->slots = calloc(m->cap, sizeof *m->slots);
        if (!m->slots)
            abort();
        m->count = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.slots[i].name)
                memo_put(m, old.slots[i].unit, old.slots[i].name,
                         old.slots[i].found);
        free(old.slots);
    }
    memo_slot *s = &m->slots[memo_index(m, unit, name)];
    assert(!s->name);
    *s = (memo_slot){unit, name, found};
    m->count++;
}

static const sc_fn *find_uncached(const sc_program *p, const ir_unit *u,
                                  const char *name)
{
    const char *skey = static_key(p->e, u, name);
    const sc_fn *fn = pm_get(p->statics, skey, sc_strhash(skey));
    if (fn)
        return fn;
    const char *k = sc_istr(p->e, name);
    return pm_get(p->funcs, k, sc_strhash(k));
}

const sc_fn *program_find(const sc_program *p, const ir_unit *u,
                          const char *name)
{
    assert(name);
    const void *found;
    if (memo_get(p->memo, u, name, &found))
        return found;
    const sc_fn *fn = find_uncached(p, u, name);
    memo_put(p->memo, u, name, fn);
    return fn;
}

const vs_fn_info *program_library_function(const sc_program *p,
                                           const char *name)
{
    const void *found;
    if (memo_get(p->memo, &library_answer, name, &found))
        return found;
    size_t i = 0;
    while (i < p->naliases && strcmp(p->aliases[i].name, name) != 0)
        i++;
    const vs_fn_info *lib =
        vs__fn_find(i < p->naliases ? p->aliases[i].canonical : name);
    memo_put(p->memo, &library_answer, name, lib);
    return lib;
}

bool sc_is_library_function(const char *name)
{
    return vs__fn_find(name) != NULL;
}

uint32_t program_global_slot(sc_program *p, const ir_unit *u, uint32_t sym)
{
    const ir_global *g = &u->globals[sym];
    const char *key = g->sym.is_static ? static_key(p->e, u, g->sym.name)
                                       : sc_istr(p->e, g->sym.name);
    const void *v = pm_get(p->global_slots, key, sc_strhash(key));
    if (v)
        return (uint32_t)((uintptr_t)v - 1);
    uint32_t slot = p->nglobal_slots++;
    p->global_slots = pm_set(&p->e->arena, p->global_slots, key,
                             sc_strhash(key),
                             (const void *)(uintptr_t)(slot + 1));
    return slot;
}

/* ---- who is called ---- */

static void mark_called(sc_program *p, const ir_unit *u, const ir_expr *x)
{
    if (!x)
        return;
    if ((x->kind == IR_CALL || x->kind == IR_FUNCREF) && x->str) {
        sc_fn *fn = (sc_fn *)program_find(p, u, x->str);
        if (fn) {
            fn->called = true;
            fn->address_taken |= x->kind == IR_FUNCREF;
        }
    }
    /* a direct call's callee (kids[0]) is not a use of its address */
    uint32_t first = x->kind == IR_CALL && x->str ? 1 : 0;
    for (uint32_t i = first; i < x->nkids; i++)
        mark_called(p, u, x->kids[i]);
}

static void mark_stmt(sc_program *p, const ir_unit *u, const ir_stmt *s)
{
    if (!s)
        return;
    mark_called(p, u, s->e);
    mark_called(p, u, s->step);
    mark_stmt(p, u, s->init);
    for (uint32_t i = 0; i < s->nbody; i++)
        mark_stmt(p, u, s->body[i]);
}

/* a call of vs_last_error, or its address taken */
static bool reads_last_error(const ir_expr *x, void *ctx)
{
    const sc_program *p = ctx;
    if ((x->kind != IR_CALL && x->kind != IR_FUNCREF) || !x->str)
        return false;
    const vs_fn_info *lib = program_library_function(p, x->str);
    return lib && vs__fn_id(lib) == VS_FN_vs_last_error;
}

void program_mark_called(sc_program *p, ir_unit *const *units, size_t nunits)
{
    for (size_t i = 0; i < p->nfns && !p->reads_last_error; i++)
        p->reads_last_error = ir_stmt_any(p->fns[i].fn->body, reads_last_error, p);
    for (size_t u = 0; u < nunits; u++) {
        for (uint32_t i = 0; i < units[u]->nfuncs; i++)
            mark_stmt(p, units[u], units[u]->funcs[i].body);
        for (uint32_t i = 0; i < units[u]->nglobals; i++)
            mark_called(p, units[u], units[u]->globals[i].init);
    }
}

/* ---- which functions reach the library ---- */

static bool expr_reaches(const sc_program *p, const ir_unit *u,
                         const ir_expr *x)
{
    if (!x)
        return false;
    if (x->kind == IR_CALL && x->str) {
        if (program_library_function(p, x->str))
            return true;
        const sc_fn *fn = program_find(p, u, x->str);
        if (fn && fn->reaches)
            return true;
    }
    for (uint32_t i = 0; i < x->nkids; i++)
        if (expr_reaches(p, u, x->kids[i]))
            return true;
    return false;
}

static bool stmt_reaches(const sc_program *p, const ir_unit *u,
                         const ir_stmt *s)
{
    if (!s)
        return false;
    if (expr_reaches(p, u, s->e) || expr_reaches(p, u, s->step) ||
        stmt_reaches(p, u, s->init))
        return true;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (stmt_reaches(p, u, s->body[i]))
            return true;
    return false;
}

/* Marks sc_fn.reaches to a fixpoint (at most one pass per call-graph
 * depth; each pass is linear in the program). */
static void compute_reach(sc_program *p)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t i = 0; i < p->nfns; i++) {
            sc_fn *f = &p->fns[i];
            if (!f->reaches && stmt_reaches(p, f->unit, f->fn->body)) {
                f->reaches = true;
                changed = true;
            }
        }
    }
}

void program_init(sc_program *p, sc_engine *e, ir_unit *const *units,
                  size_t nunits, const sc_alias *aliases, size_t naliases)
{
    memset(p, 0, sizeof *p);
    p->e = e;
    p->memo = calloc(1, sizeof *p->memo);
    if (!p->memo)
        abort();
    p->aliases = aliases;
    p->naliases = naliases;
    size_t total = 0;
    for (size_t u = 0; u < nunits; u++)
        total += units[u]->nfuncs;
    p->fns = calloc(total + 1, sizeof *p->fns);
    if (!p->fns)
        abort();
    for (size_t u = 0; u < nunits; u++) {
        for (uint32_t i = 0; i < units[u]->nfuncs; i++) {
            sc_fn *f = &p->fns[p->nfns];
            f->index = (uint32_t)p->nfns++;
            f->unit = units[u];
            f->fn = &units[u]->funcs[i];
            size_t n = ir_stmt_count(f->fn->body);
            f->nstmts = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
            if (f->fn->is_static) {
                const char *k = static_key(e, units[u], f->fn->name);
                p->statics = pm_set(&e->arena, p->statics, k, sc_strhash(k), f);
            } else {
                const char *k = sc_istr(e, f->fn->name);
                if (!pm_get(p->funcs, k, sc_strhash(k)))
                    p->funcs = pm_set(&e->arena, p->funcs, k, sc_strhash(k), f);
            }
        }
    }
    compute_reach(p);
    size_t nglobals = 0;
    for (size_t u = 0; u < nunits; u++)
        nglobals += units[u]->nglobals;
    p->shared_slots = calloc(nglobals + 1, sizeof *p->shared_slots);
    if (!p->shared_slots)
        abort();
    for (size_t u = 0; u < nunits; u++)
        for (uint32_t i = 0; i < units[u]->nglobals; i++) {
            if (units[u]->globals[i].sym.is_static)
                continue;
            uint32_t slot = program_global_slot(p, units[u], i);
            bool have = false;
            for (uint32_t k = 0; k < p->nshared && !have; k++)
                have = p->shared_slots[k] == slot;
            if (!have)
                p->shared_slots[p->nshared++] = slot;
        }
}

void program_release(sc_program *p)
{
    if (p->memo)
        free(p->memo->slots);
    free(p->memo);
    p->memo = NULL;
    free(p->fns);
    p->fns = NULL;
    free(p->shared_slots);
    p->shared_slots = NULL;
}
