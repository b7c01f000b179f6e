/* The engine's core: what every engine module shares, and nothing else.
 *
 * The abstract state lives in one arena, freed when the analysis ends;
 * strings are interned so that equal strings are equal pointers (the maps
 * key by pointer); ids number the graphs, scope objects and scope entries
 * the model makes, and edit ids the transient updates of persistent maps
 * (pmap.h).  Events leave the engine through sc_emit.
 *
 * The modules above it depend on each other one way:
 *   maps (pmap) -> values (absval) -> state -> program, facts, model,
 *   checkers -> interpreter (interp) -> entry (engine.c)
 * and each keeps its own tables in its own struct. */
#ifndef SC_BASE_H
#define SC_BASE_H

#include <stdbool.h>
#include <stdint.h>

#include "../util/arena.h"
#include "event.h"
#include "pmap.h"
#include "site.h"

#define SC_SMALL_INT_LO (-128)
#define SC_SMALL_INT_HI 1024

typedef struct sc_engine {
    sc_arena arena;               /* the abstract state */
    sc_interner strings;          /* the engine's own: equal = same pointer */
    uint32_t next_id;             /* graphs, scope objects, scope entries */
    uint32_t edit_seq;            /* transient edit ids (pmap.h) */
    /* known values made once (absval.c): small integers, and strings by
     * interned pointer; a known value is no run-time identity (only an
     * unknown's object is: av_ident), so every path shares them */
    const void *small_ints[SC_SMALL_INT_HI - SC_SMALL_INT_LO];
    pmap str_vals;
    uint32_t str_vals_edit;       /* the engine alone holds it: in place */
    /* an unknown's identity -> the variables (frame, slot) it was ever
     * stored in, on any path (state.c: state_holders) */
    pmap holders;
    pm_shared leaves;             /* maps' leaves, shared by content */
    /* the library call in progress that changes its state's graph in
     * place (model.c: model_call): its edit id and undo log, for the
     * graph maps that state.c and state_lib.c update (scopes, counts,
     * objects, collections); 0 and NULL otherwise */
    uint32_t tx_edit;
    pm_undo *tx_undo;
    /* undo logs of finished calls, emptied, kept for the next calls
     * (model.c: model_call): a call would otherwise grow a log from
     * nothing, with a malloc and a free, on every path */
    pm_undo spare_undo[4];
    int nspare_undo;
    uint32_t holders_edit;
    /* names' records (count, first taker), one per content, shared by
     * every path that takes a name alike (state.c: state_name) */
    pmap name_recs;
    uint32_t name_recs_edit;
    /* (an unknown aggregate's identity, a path below it) -> the unknown
     * read there (mem.c: derived), so that a field of one run-time
     * struct is one value in every copy of it (a struct passed by value
     * to two helpers) */
    pmap derived;
    uint32_t derived_edit;
    bool strict;                  /* emit SC_EV_MAYBE_ERROR events too */
    /* > 0 while a loop's turn runs only to see what it changes (widen.h):
     * nothing is said then, no event, note or checker record */
    uint32_t muted;
    bool trace;                   /* SCOPECHECK_TRACE: every library call */
    sc_event_fn emit;
    void *emit_ctx;
    /* the entry point being run is not main: a function nobody calls,
     * whose findings no run of the program hits as such */
    bool uncalled_entry;
    /* the places sc_unchecked said already (hashes of place and reason,
     * open addressing; malloc'd, outside the budget) */
    uint64_t *unchecked_seen;
    size_t unchecked_cap, unchecked_count;
#ifndef NDEBUG
    /* which object owns each edit id (see sc_new_edit_for), kept apart
     * from the abstract state: the budget does not count it */
    sc_arena debug_arena;
    pmap edit_owners;
#endif
} sc_engine;

void sc_engine_init(sc_engine *e);
void sc_engine_release(sc_engine *e);

const char *sc_istr(sc_engine *e, const char *s);     /* NULL stays NULL */
const char *sc_istrn(sc_engine *e, const char *s, size_t n);
const char *sc_fmt(sc_engine *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* the hash of an interned string (its address: pmap keys by pointer) */
uint64_t sc_strhash(const char *interned);
/* the hash of an object's address, for a map keyed by address: objects
 * made near each other hash near each other (base.c) */
uint64_t sc_addrhash(const void *p);

static inline uint32_t sc_new_id(sc_engine *e) { return ++e->next_id; }

/* pmap.h's transient-update promise, kept by giving each edit id one
 * owner: the only object (a state, a library call in progress) that
 * updates maps in place with it.  A new id for owner; debug builds record
 * it, and sc_edit_check asserts that whoever updates with an id owns it
 * (a state copied without a new id would not). */
#ifdef NDEBUG
static inline uint32_t sc_new_edit_for(sc_engine *e, const void *owner)
{
    (void)owner;
    return ++e->edit_seq;
}
static inline void sc_edit_check(const sc_engine *e, uint32_t edit,
                                 const void *owner)
{
    (void)e, (void)edit, (void)owner;
}
#else
uint32_t sc_new_edit_for(sc_engine *e, const void *owner);
void sc_edit_check(const sc_engine *e, uint32_t edit, const void *owner);
#endif

/* The places of an event as the engine knows them, which sc_emit turns
 * into the event's plain data (sc_event_site): absent where unit is NULL. */
typedef struct sc_event_sites {
    sc_site at, other, created, scope_entry;
} sc_event_sites;

/* Sends ev, its places filled in from sites, to the run's event sink. */
void sc_emit(sc_engine *e, const sc_event *ev, const sc_event_sites *sites);

/* Says that checking stops at `at` for reason `why` (event.h's SC_STOPS),
 * `what` naming what is not followed (a callee; NULL if nothing to name):
 * an unchecked event, which the rule of that name reports as a note.
 * Every place that stops following part of the program calls it, so that
 * silence never hides what was not checked.  Said once per place and
 * reason, whichever path or call chain reaches it again. */
void sc_unchecked(sc_engine *e, const sc_site *at, sc_stop why,
                  const char *what);

#endif
