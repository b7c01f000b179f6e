/* The engine's core services: interning, formatting, hashing, emitting. */
#include <assert.h>
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
    e->leaves.arena = &e->arena;
    pm_shared_use(&e->leaves);
}

void sc_engine_release(sc_engine *e)
{
    pm_shared_free(&e->leaves);
    while (e->nspare_undo > 0)
        pm_undo_free(&e->spare_undo[--e->nspare_undo]);
    free(e->unchecked_seen);
    sc_interner_free(&e->strings);
    sc_arena_free(&e->arena);
#ifndef NDEBUG
    sc_arena_free(&e->debug_arena);
#endif
}

#ifndef NDEBUG
uint32_t sc_new_edit_for(sc_engine *e, const void *owner)
{
    uint32_t id = ++e->edit_seq;
    e->edit_owners = pm_set(&e->debug_arena, e->edit_owners,
                            (const void *)(uintptr_t)id, pm_hash_int(id), owner);
    return id;
}

void sc_edit_check(const sc_engine *e, uint32_t edit, const void *owner)
{
    assert(edit != 0);
    assert(pm_get(e->edit_owners, (const void *)(uintptr_t)edit,
                  pm_hash_int(edit)) == owner);
    (void)e, (void)edit, (void)owner;
}
#endif

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

uint64_t sc_addrhash(const void *p)
{
    /* The maps take a hash's low bits first (pmap.c).  Objects made one
     * after another (interned strings, the IR's expressions) lie near
     * each other in their arena: giving those of one 4 KiB stretch the
     * same low 20 bits (the hash of the stretch) puts them in one subtree
     * of each map, so that a path that takes the names of a line finds
     * that subtree in the cache, not a new random one per name.  The bits
     * above tell them apart. */
    uint64_t a = (uint64_t)(uintptr_t)p;
    return (pm_hash_int(a >> 12) & 0xFFFFF) | ((a & 0xFFF) >> 3) << 20 |
           pm_hash_int(a) << 29;
}

uint64_t sc_strhash(const char *interned)
{
    return sc_addrhash(interned);
}

static sc_pos pos_of(ir_loc loc, const ir_unit *unit)
{
    sc_pos p = {0};
    if (unit && loc.file < unit->nfiles)
        p.file = unit->files[loc.file];
    p.line = loc.line;
    p.col = loc.col;
    p.end_line = loc.end_line;
    p.end_col = loc.end_col;
    p.offset = loc.offset;
    p.end_offset = loc.end_offset;
    return p;
}

/* The plain form of a site; its calls array is malloc'd (free it). */
static sc_event_site site_of(const sc_site *s)
{
    sc_event_site out = {0};
    out.known = s->unit != NULL;
    out.pos = pos_of(s->loc, s->unit);
    for (const sc_iter *it = s->iter; it; it = it->up)
        if (it->n != 1) {         /* a first turn says nothing */
            out.in_loop = true;
            out.loop = pos_of(it->loop, it->unit);
            out.turn = it->n;
            break;                /* the innermost loop says enough */
        }
    size_t n = 0;
    for (const sc_chain *ch = s->chain; ch; ch = ch->up)
        n++;
    if (n) {
        sc_event_call *calls = sc_xmalloc(n * sizeof *calls);
        n = 0;
        for (const sc_chain *ch = s->chain; ch; ch = ch->up) {
            calls[n].at = pos_of(ch->call, ch->unit);
            calls[n++].callee = ch->callee;
        }
        out.calls = calls;
        out.ncalls = n;
    }
    return out;
}

void sc_emit(sc_engine *e, const sc_event *ev, const sc_event_sites *sites)
{
    assert(ev->kind != SC_EV_NONE);
    assert(sites->at.unit);       /* every event happens somewhere */
    if (!e->emit || e->muted)
        return;
    sc_event out = *ev;
    out.no_run_fails = ev->no_run_fails || e->uncalled_entry;
    out.at = site_of(&sites->at);
    out.other = site_of(&sites->other);
    out.created = site_of(&sites->created);
    out.scope_entry = site_of(&sites->scope_entry);
    e->emit(&out, e->emit_ctx);
    free((void *)out.at.calls);
    free((void *)out.other.calls);
    free((void *)out.created.calls);
    free((void *)out.scope_entry.calls);
}

/* Adds key to the set of places said; false if it was there. */
static bool seen_add(sc_engine *e, uint64_t key)
{
    key |= 1;                     /* 0 marks an empty slot */
    if (2 * (e->unchecked_count + 1) > e->unchecked_cap) {
        size_t cap = e->unchecked_cap ? 2 * e->unchecked_cap : 64;
        uint64_t *t = calloc(cap, sizeof *t);
        if (!t)
            abort();
        for (size_t i = 0; i < e->unchecked_cap; i++) {
            uint64_t k = e->unchecked_seen[i];
            if (!k)
                continue;
            size_t j = (size_t)pm_hash_int(k) & (cap - 1);
            while (t[j])
                j = (j + 1) & (cap - 1);
            t[j] = k;
        }
        free(e->unchecked_seen);
        e->unchecked_seen = t;
        e->unchecked_cap = cap;
    }
    size_t j = (size_t)pm_hash_int(key) & (e->unchecked_cap - 1);
    while (e->unchecked_seen[j]) {
        if (e->unchecked_seen[j] == key)
            return false;
        j = (j + 1) & (e->unchecked_cap - 1);
    }
    e->unchecked_seen[j] = key;
    e->unchecked_count++;
    return true;
}

void sc_unchecked(sc_engine *e, const sc_site *at, sc_stop why,
                  const char *what)
{
    assert(at && at->unit);       /* checking stops somewhere */
    if (e->muted)
        return;
    sc_pos p = pos_of(at->loc, at->unit);
    /* by the file's name: a header has one table entry per unit */
    const char *file = p.file ? p.file : "";
    uint64_t key = sc_fnv1a(SC_FNV_INIT, file, strlen(file));
    key = pm_hash_int(key ^ pm_hash_int((uint64_t)p.offset << 8 | (uint64_t)why));
    if (!seen_add(e, key))
        return;
    sc_event ev = {0};
    ev.kind = SC_EV_UNCHECKED;
    ev.stop = why;
    ev.name = what;
    sc_event_sites where = {0};
    where.at = *at;
    sc_emit(e, &ev, &where);
}
