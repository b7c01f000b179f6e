/* Checkers: findings that need more than one call of the library to see,
 * made at fixed points of the run, as the Clang Static Analyzer's
 * checkers are (checkPreCall, checkEndFunction, checkEndAnalysis).  The
 * interpreter calls the hooks; each checker keeps its own records and
 * emits events.  The model of the library knows nothing of them.
 *
 * One checker today, scope-leak: a scope still open when its graph is
 * freed (as the runtime reports it at vs_graph_free), or open on some
 * paths out of a function and closed on others. */
#ifndef SC_CHECKERS_H
#define SC_CHECKERS_H

#include "program.h"
#include "state.h"

typedef struct sc_checkers sc_checkers;

/* One invocation of a function returns: each path, and where it left. */
typedef struct sc_fn_exit {
    const sc_fn *fn;
    const sc_chain *chain;        /* the calls that led to this one */
    const sc_graph_depth *entry;  /* the depths of the graphs at entry */
    uint32_t nentry;
    sc_state *const *returns;
    const ir_loc *retlocs;        /* a return statement, or the end */
    size_t nreturns;
} sc_fn_exit;

sc_checkers *checkers_new(sc_engine *e, const sc_program *p);
void checkers_free(sc_checkers *c);

/* vs_graph_free is about to free g on st (at: the call) */
void checkers_graph_free(sc_checkers *c, const sc_state *st,
                         const sc_graph *g, const sc_site *at);
void checkers_end_function(sc_checkers *c, const sc_fn_exit *x);
/* main returned on st (end: where): the graphs still alive die with it */
void checkers_end_program(sc_checkers *c, const sc_state *st,
                          const sc_site *end);
/* the whole program has run */
void checkers_end_analysis(sc_checkers *c);

#endif
