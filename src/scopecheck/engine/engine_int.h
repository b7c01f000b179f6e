/* Engine internals shared by state.c, absval.c, model.c and interp.c. */
#ifndef SC_ENGINE_INT_H
#define SC_ENGINE_INT_H

#include "engine.h"

typedef struct sc_retinfo {
    uint32_t offset;              /* a return statement (or the end) */
    bool balanced, leaking;       /* seen on some invocation */
} sc_retinfo;

typedef struct sc_fn {
    const ir_unit *unit;
    const ir_func *fn;
    bool called;                  /* somebody calls it: not an entry point */
    bool reaches;                 /* it can reach the library */
    /* scope-leak at returns, over every invocation: the function leaks a
     * scope on some paths and not on others (any invocation) */
    bool any_balanced;
    SC_VEC(sc_event) leaks;       /* candidates, emitted at the end */
    SC_VEC(sc_retinfo) rets;
} sc_fn;

/* A (state, value) pair: evaluating an expression may split a path in two
 * (a call that may fail, a condition nobody knows). */
typedef struct sc_sv {
    sc_state *st;
    const av *v;
} sc_sv;

typedef SC_VEC(sc_sv) sc_svs;
typedef SC_VEC(sc_state *) sc_states;

struct sc_engine {
    sc_arena arena;
    sc_interner strings;          /* the engine's own: equal = same pointer */
    sc_engine_opts opts;
    sc_event_fn emit;
    void *emit_ctx;
    uint32_t next_id;
    uint32_t edit_seq;            /* transient edit ids (pmap.h) */
    /* functions by name: externally visible ones, and statics per unit */
    pmap funcs;                   /* interned name -> sc_fn (extern) */
    pmap statics;                 /* interned "unitptr:name" -> sc_fn */
    sc_fn *fns;
    size_t nfns;
    /* globals: one slot each in frame 0, per unit (statics) or shared */
    pmap global_slots;            /* interned key -> slot index + 1 */
    uint32_t nglobal_slots;
    /* scopes reported open when their graph was freed (entry uid), and
     * the graphs freed: a path-level leak is reported only if the run
     * reports it too, or if its graph is never freed (see interp.c) */
    pmap leaked_at_free;
    pmap graphs_freed;
    bool trace;                   /* SCOPECHECK_TRACE: every library call */
    pmap fact_exprs;              /* fact key -> the expression it is about */
    pmap case_tests;              /* case label -> its `x == value` test */
    pmap value_keys;              /* a value's identity -> the fact key of the
                                     expression it was computed from */
    pmap caller_tests;            /* (test, call) -> the test in the caller's terms */
    bool fact_clash;              /* a fact written since the last look said
                                     the opposite of what the path knew */
    size_t max_memory;            /* arena bytes past which: over budget */
    size_t max_states;            /* paths per point at this call depth */
    long steps;                   /* work budget, to bound pathological code */
    long max_steps;
};

const char *sc_istr(sc_engine *e, const char *s);
const char *sc_istrn(sc_engine *e, const char *s, size_t n);
const char *sc_fmt(sc_engine *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
uint64_t sc_strhash(const char *interned);

void sc_emit(sc_engine *e, const sc_event *ev);

/* model.c: calls into the library.  Returns false if name is not one. */
bool model_call(sc_engine *e, const char *callee, sc_state *st,
                const av **args, uint32_t nargs, const sc_site *site,
                sc_svs *out);
/* vs_graph_free on every graph still alive at the end of main */
void model_program_end(sc_engine *e, sc_state *st, const sc_site *site);
const char *model_canonical(sc_engine *e, const char *name);

#endif
